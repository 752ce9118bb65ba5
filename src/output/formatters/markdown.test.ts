import { describe, expect, it } from 'vitest';
import { escapeMarkdownCell, formatMarkdown, formatMarkdownWithin } from './markdown.js';
import { buildCleanTestResult, buildTestResult, testContext } from '../../../test/support/result.js';

function tableRows(markdown: string): string[] {
  return markdown.split('\n').filter((line) => line.startsWith('|'));
}

// A GitHub-flavoured Markdown row splits on pipes that are not escaped with a backslash.
function cellsOf(row: string): string[] {
  return row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

describe('formatMarkdown', () => {
  const result = buildTestResult();
  const markdown = formatMarkdown(result, testContext);

  it('opens with a heading and the counts from the summary', () => {
    expect(markdown.startsWith('### svc-lint\n\n**5 errors, 1 warning, 1 info** in 5 files (5 services).\n')).toBe(true);
  });

  it('has a header, a delimiter row and one row per finding, each with five cells', () => {
    const rows = tableRows(markdown);
    expect(rows[0]).toBe('| Location | Severity | Rule | Service | Message |');
    expect(rows[1]).toBe('| --- | --- | --- | --- | --- |');
    expect(rows).toHaveLength(result.findings.length + 2);
    for (const row of rows) expect(cellsOf(row)).toHaveLength(5);
  });

  it('escapes pipes, line breaks and HTML in messages', () => {
    const rows = tableRows(markdown);
    expect(rows[3]).toBe('| services/checkout.yaml:16:11 | error | hot-path-language | checkout-worker | checkout-worker peaks at 15,000 req/s,<br>above the 10,000 req/s line |');
    expect(rows[4]).toBe('| services/checkout.yaml:6:9 | warning | latency-budget | checkout | p99 target "4 ms" &lt; 5 ms &amp; language is Python \\| consider Go |');
    expect(rows[8]).toBe('| services/broken.yaml:1:1 | error | invalid-manifest |  | Can\'t read the manifest: expected &lt;key: value&gt; &amp; found a list |');
  });

  it('says there were no problems when nothing was found', () => {
    expect(formatMarkdown(buildCleanTestResult(), testContext)).toBe('### svc-lint\n\nNo problems found in 4 files (5 services).\n');
  });

  it('uses singular nouns for counts of one', () => {
    const single = buildTestResult();
    single.findings = single.findings.slice(0, 1);
    single.summary = { files: 1, services: 1, errors: 1, warnings: 0, infos: 0, suppressed: 0, baselined: 0, skipped: 0 };
    expect(formatMarkdown(single, testContext)).toContain('**1 error, 0 warnings, 0 info** in 1 file (1 service).');
  });
});

describe('escapeMarkdownCell', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['line one\r\nline two\nthree', 'line one<br>line two<br>three'],
    ['<script> & co', '&lt;script&gt; &amp; co'],
    ['*bold* _em_ `code` [link] ~strike~ back\\slash', '\\*bold\\* \\_em\\_ \\`code\\` \\[link\\] \\~strike\\~ back\\\\slash'],
    ['trailing newline\n', 'trailing newline'],
    ['ask @octocat or @org/team-a', 'ask @&#8203;octocat or @&#8203;org/team-a'],
    ['fixes #123 and GH-7, see owner/repo#9', 'fixes #&#8203;123 and GH&#8203;-7, see owner/repo#&#8203;9'],
    ['https://evil.example/x and www.example.com', 'https:&#8203;//evil.example/x and www&#8203;.example.com'],
    ['a@b.example', 'a@&#8203;b.example'],
    ['#1@a', '#&#8203;1@&#8203;a'],
    // Shown as escapes, whose backslash Markdown needs doubled.
    ['erase\u001b[2Kline\u0007 and \u009b31m', 'erase\\\\u001b\\[2Kline\\\\u0007 and \\\\u009b31m'],
    ['tab\there', 'tab\\\\u0009here'],
  ])('%j → %j', (input, expected) => {
    expect(escapeMarkdownCell(input)).toBe(expected);
  });
});

describe('formatMarkdownWithin', () => {
  const result = buildTestResult();
  const whole = formatMarkdown(result, testContext);
  const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

  it('is the whole report when it fits', () => {
    expect(formatMarkdownWithin(result, testContext, bytes(whole))).toBe(whole);
  });

  it('keeps the rows that fit and says how many were left out', () => {
    const limit = bytes(whole) - 1;
    const cut = formatMarkdownWithin(result, testContext, limit);
    expect(bytes(cut)).toBeLessThanOrEqual(limit);
    const rows = tableRows(cut).slice(2);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(tableRows(whole).slice(2, 2 + rows.length));
    const left = result.findings.length - rows.length;
    expect(cut).toContain(`\n${left} more finding${left === 1 ? '' : 's'} not shown: GitHub keeps at most 1 MiB of summary per step.`);
  });

  it('is empty when not even the head of the table fits', () => {
    expect(formatMarkdownWithin(result, testContext, 100)).toBe('');
  });
});
