import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentSpans, parseDirectives, readDirective } from './directives.js';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/suppressions/${name}`, import.meta.url), 'utf8');

describe('parseDirectives on a two-document manifest', () => {
  const { directives, malformed } = parseDirectives(fixture('directives.yaml'));

  it('reads the document-level form with several rule ids and a date, covering its document', () => {
    expect(directives[0]).toEqual({
      kind: 'disable',
      rules: ['hot-path-throughput', 'latency-budget'],
      until: '2027-03-31',
      reason: 'rewrite in Go tracked in PLAT-123',
      range: { line: 1, column: 1, endLine: 1, endColumn: 109 },
      covers: { fromLine: 1, toLine: 16 },
    });
  });

  it('reads an indented next-line directive covering the line below it', () => {
    expect(directives[1]).toMatchObject({
      kind: 'disable-next-line',
      rules: ['team-language'],
      reason: 'the team is hiring Go engineers',
      range: { line: 8, column: 7 },
      covers: { fromLine: 9, toLine: 9 },
    });
    expect(directives[1]?.until).toBeUndefined();
  });

  it('reads a trailing comment as a directive for the next content line, skipping blank lines', () => {
    expect(directives[2]).toMatchObject({ range: { line: 11, column: 17 }, covers: { fromLine: 12, toLine: 12 } });
  });

  it('ignores # inside quoted strings, flow sequences and block scalars', () => {
    expect(directives.map((directive) => directive.range.line)).toEqual([1, 8, 11, 18, 19]);
  });

  it('lets stacked directives skip each other and the blank line to reach the same content line', () => {
    expect(directives[3]).toMatchObject({ rules: ['hot-path-throughput'], covers: { fromLine: 21, toLine: 21 } });
    expect(directives[3]?.reason).toBeUndefined();
    expect(directives[4]).toMatchObject({ rules: ['latency-budget'], covers: { fromLine: 21, toLine: 21 } });
  });

  it('reports a document-level directive after the first key as malformed', () => {
    expect(malformed).toEqual([
      {
        text: 'svc-lint-disable hot-path-throughput -- too late: after the first key',
        problem: 'svc-lint-disable must come before the first key of a document (use svc-lint-disable-next-line for one line)',
        range: { line: 28, column: 3, endLine: 28, endColumn: 74 },
      },
    ]);
  });
});

describe('malformed directives', () => {
  it('are reported with their problem and suppress nothing', () => {
    const { directives, malformed } = parseDirectives(fixture('malformed.yaml'));
    expect(directives).toEqual([]);
    expect(malformed.map(({ range, problem }) => [range.line, problem])).toEqual([
      [1, '"svc-lint-enable" is not a directive (svc-lint-disable-next-line or svc-lint-disable)'],
      [2, 'no rule ids (name the rules to disable)'],
      [3, '"2027-02-30" is not a date (YYYY-MM-DD)'],
      [4, '"until" needs a date (YYYY-MM-DD)'],
      [5, 'unexpected "PLAT-123" after the date (the reason goes after " -- ")'],
      [6, '"hot-path-throughput latency-budget" is not a rule id (separate rule ids with commas; the reason goes after " -- ")'],
      [7, '"hot-path-throughput because it is legacy" is not a rule id (separate rule ids with commas; the reason goes after " -- ")'],
      [8, '"" is not a rule id (separate rule ids with commas; the reason goes after " -- ")'],
    ]);
  });
});

describe('readDirective', () => {
  it.each([
    ['an ordinary comment', 'owned by team-search', undefined],
    ['no space before the reason separator is needed at the end', 'svc-lint-disable a --', { kind: 'disable', rules: ['a'] }],
    ['an empty reason counts as none', 'svc-lint-disable-next-line a --   ', { kind: 'disable-next-line', rules: ['a'] }],
    ['duplicate ids once', 'svc-lint-disable a,a , b -- r', { kind: 'disable', rules: ['a', 'b'], reason: 'r' }],
    ['a reason containing --', 'svc-lint-disable a -- see -- PLAT-1', { kind: 'disable', rules: ['a'], reason: 'see -- PLAT-1' }],
  ])('%s', (_label, text, expected) => {
    expect(readDirective(text)).toEqual(expected);
  });
});

describe('documentSpans', () => {
  it('gives comments before --- to the next document and an empty document no first key', () => {
    const text = 'a: 1\n# before the marker\n---\n# after the marker\nb: 2\n---\n# only a comment\n';
    expect(documentSpans(text)).toEqual([
      { startLine: 1, firstKeyLine: 1, endLine: 2 },
      { startLine: 3, firstKeyLine: 5, endLine: 5 },
      { startLine: 6, firstKeyLine: 8, endLine: 7 },
    ]);
  });

  it('is empty for a text without documents, so a document-level directive there is malformed', () => {
    expect(documentSpans('# svc-lint-disable a -- r\n')).toEqual([]);
    expect(parseDirectives('# svc-lint-disable a -- r\n').malformed).toHaveLength(1);
  });
});

describe('line endings', () => {
  it('reads CRLF files with the same lines and columns', () => {
    const { directives } = parseDirectives('a: 1\r\n# svc-lint-disable-next-line r -- why\r\n\r\nb: 2\r\n');
    expect(directives).toEqual([
      {
        kind: 'disable-next-line',
        rules: ['r'],
        reason: 'why',
        range: { line: 2, column: 1, endLine: 2, endColumn: 38 },
        covers: { fromLine: 4, toLine: 4 },
      },
    ]);
  });
});
