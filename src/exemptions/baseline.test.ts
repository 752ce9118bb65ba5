import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../types.js';
import {
  BaselineError,
  baselineFileKey,
  compareWithBaseline,
  createBaseline,
  parseBaseline,
  pruneBaseline,
  serializeBaseline,
  type Baseline,
} from './baseline.js';

function finding(file: string, service: string | undefined, ruleId: string, line: number): RawFinding {
  return {
    ruleId,
    messageId: 'default',
    data: {},
    file,
    ...(service !== undefined ? { service } : {}),
    range: { line, column: 3, endLine: line, endColumn: 9 },
  };
}

const search = (ruleId: string, line: number) => finding('services/search.yaml', 'legacy-search', ruleId, line);
const billing = (ruleId: string, line: number) => finding('services/billing.yaml', 'billing-api', ruleId, line);

const today = [
  search('hot-path-throughput', 9),
  search('team-language', 8),
  search('team-language', 20),
  billing('hot-path-throughput', 7),
  finding('services/broken.yaml', undefined, 'manifest-syntax', 1),
  { ...billing('latency-budget', 9), suppressed: { kind: 'inline', reason: 'PLAT-7' } } satisfies RawFinding,
  search('suppression-expired', 5),
];

describe('baseline lifecycle', () => {
  const baseline = createBaseline(today);

  it('counts findings per file, service and rule, leaving out suppressed and expiry findings', () => {
    expect(baseline).toEqual({
      version: 1,
      entries: [
        { file: 'services/billing.yaml', service: 'billing-api', rule: 'hot-path-throughput', count: 1 },
        { file: 'services/broken.yaml', rule: 'manifest-syntax', count: 1 },
        { file: 'services/search.yaml', service: 'legacy-search', rule: 'hot-path-throughput', count: 1 },
        { file: 'services/search.yaml', service: 'legacy-search', rule: 'team-language', count: 2 },
      ],
    });
  });

  it('passes the same findings after lines moved, except expiry findings', () => {
    const moved = today.map((item) => ({ ...item, range: { ...item.range, line: item.range.line + 3, endLine: item.range.endLine + 3 } }));
    const { findings, fixed } = compareWithBaseline(baseline, moved);
    expect(findings.map((item) => [item.ruleId, item.baselineState])).toEqual([
      ['hot-path-throughput', 'unchanged'],
      ['team-language', 'unchanged'],
      ['team-language', 'unchanged'],
      ['hot-path-throughput', 'unchanged'],
      ['manifest-syntax', 'unchanged'],
      ['latency-budget', undefined],
      ['suppression-expired', 'new'],
    ]);
    expect(fixed).toEqual([]);
  });

  it('fails a finding beyond the count: the last one in line order is the new one', () => {
    const withExtra = [search('team-language', 30), ...today, billing('hot-path-throughput', 2)];
    const { findings } = compareWithBaseline(baseline, withExtra);
    const newOnes = findings.filter((item) => item.baselineState === 'new').map((item) => [item.file, item.ruleId, item.range.line]);
    expect(newOnes).toEqual([
      ['services/search.yaml', 'team-language', 30],
      ['services/billing.yaml', 'hot-path-throughput', 7],
      ['services/search.yaml', 'suppression-expired', 5],
    ]);
  });

  it('treats a known rule in another service as new', () => {
    const { findings } = compareWithBaseline(baseline, [finding('services/search.yaml', 'search-v2', 'team-language', 8)]);
    expect(findings[0]?.baselineState).toBe('new');
  });

  it('reports fixed entries with how many were fixed, and prune drops them without adding new findings', () => {
    const later = [search('team-language', 8), billing('hot-path-throughput', 7), billing('team-language', 4)];
    const { fixed } = compareWithBaseline(baseline, later);
    expect(fixed).toEqual([
      { file: 'services/broken.yaml', rule: 'manifest-syntax', count: 1 },
      { file: 'services/search.yaml', service: 'legacy-search', rule: 'hot-path-throughput', count: 1 },
      { file: 'services/search.yaml', service: 'legacy-search', rule: 'team-language', count: 1 },
    ]);
    expect(pruneBaseline(baseline, later)).toEqual({
      version: 1,
      entries: [
        { file: 'services/billing.yaml', service: 'billing-api', rule: 'hot-path-throughput', count: 1 },
        { file: 'services/search.yaml', service: 'legacy-search', rule: 'team-language', count: 1 },
      ],
    });
  });
});

describe('a run that lints some of the files (a pre-commit hook on the staged ones)', () => {
  const baseline = createBaseline(today);
  const onlyBilling = { linted: (file: string) => file === 'services/billing.yaml' };

  it('calls nothing fixed in the files it did not lint', () => {
    expect(compareWithBaseline(baseline, [billing('hot-path-throughput', 7)], onlyBilling).fixed).toEqual([]);
    expect(compareWithBaseline(baseline, [], onlyBilling).fixed).toEqual([
      { file: 'services/billing.yaml', service: 'billing-api', rule: 'hot-path-throughput', count: 1 },
    ]);
  });

  it('prunes and rewrites only the entries of the files it linted', () => {
    const others = baseline.entries.filter((entry) => entry.file !== 'services/billing.yaml');
    expect(pruneBaseline(baseline, [], onlyBilling).entries).toEqual(others);
    expect(createBaseline([billing('team-language', 3)], onlyBilling, baseline).entries).toEqual([
      { file: 'services/billing.yaml', service: 'billing-api', rule: 'team-language', count: 1 },
      ...others,
    ]);
  });
});

describe('serializeBaseline', () => {
  it('writes sorted keys, one entry per line and a trailing newline, whatever the input order', () => {
    const shuffled: Baseline = {
      version: 1,
      entries: [
        { rule: 'team-language', count: 2, service: 'legacy-search', file: 'services/search.yaml' },
        { count: 1, rule: 'manifest-syntax', file: 'services/broken.yaml' },
      ],
    };
    expect(serializeBaseline(shuffled)).toBe(
      [
        '{',
        '  "entries": [',
        '    {"count":1,"file":"services/broken.yaml","rule":"manifest-syntax"},',
        '    {"count":2,"file":"services/search.yaml","rule":"team-language","service":"legacy-search"}',
        '  ],',
        '  "version": 1',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('writes an empty baseline compactly', () => {
    expect(serializeBaseline({ version: 1, entries: [] })).toBe('{\n  "entries": [],\n  "version": 1\n}\n');
  });

  it('round-trips through parseBaseline', () => {
    const baseline = createBaseline(today);
    expect(parseBaseline(serializeBaseline(baseline), '.svc-lint-baseline.json')).toEqual(baseline);
  });
});

describe('parseBaseline', () => {
  it.each([
    ['{"entries": [', /^b\.json: not valid JSON \(.+\); fix it or recreate it with "svc-lint baseline"$/],
    ['[]', /^b\.json: expected an object with "version" and "entries"$/],
    ['{"version": 2, "entries": []}', /^b\.json: unsupported "version" 2 \(this svc-lint reads version 1\)$/],
    ['{"version": 1}', /^b\.json: "entries" must be a list$/],
  ])('rejects %s', (text, message) => {
    expect(() => parseBaseline(text, 'b.json')).toThrow(message);
  });

  it('lists every bad entry with its index', () => {
    const text = JSON.stringify({
      version: 1,
      entries: [
        { file: 'a.yaml', rule: 'r', count: 0 },
        { file: 'a.yaml', rule: 'r', count: 1 },
        { file: 'a.yaml', rule: 'r', count: 2 },
        { file: '', rule: 'r', count: 1 },
        { file: 'b.yaml', rule: 'r', count: 1, line: 3 },
        { file: 'b.yaml', service: 7, rule: 'r', count: 1 },
      ],
    });
    const error = (() => {
      try {
        parseBaseline(text, 'b.json');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(BaselineError);
    expect((error as Error).message).toBe(
      'b.json: entries[0]: "count" must be a positive integer; ' +
        'entries[2]: duplicates an earlier entry for the same file, service and rule; ' +
        'entries[3]: "file" must be a non-empty string; ' +
        'entries[4]: unknown key "line"; ' +
        'entries[5]: "service" must be a string when present',
    );
  });
});

describe('baselineFileKey', () => {
  it('stores paths relative to the baseline directory whatever the cwd', () => {
    const fromRepoRoot = baselineFileKey('/repo', '/repo');
    const fromSubdirectory = baselineFileKey('/repo/services', '/repo');
    expect(fromRepoRoot('services/search.yaml')).toBe('services/search.yaml');
    expect(fromSubdirectory('search.yaml')).toBe('services/search.yaml');
    expect(fromSubdirectory('../other/x.yaml')).toBe('other/x.yaml');
    expect(baselineFileKey('/elsewhere', '/repo')('x.yaml')).toBe('x.yaml');
  });

  it('lets a baseline taken in one directory match findings reported from another', () => {
    const baseline = createBaseline([search('team-language', 8)], { fileKey: baselineFileKey('/repo', '/repo') });
    const fromServices = [finding('search.yaml', 'legacy-search', 'team-language', 8)];
    const { findings } = compareWithBaseline(baseline, fromServices, { fileKey: baselineFileKey('/repo/services', '/repo') });
    expect(findings[0]?.baselineState).toBe('unchanged');
    expect(findings[0]?.file).toBe('search.yaml');
    expect(pruneBaseline(baseline, fromServices, { fileKey: baselineFileKey('/repo/services', '/repo') })).toEqual(baseline);
  });
});
