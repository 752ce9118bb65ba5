import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeWorkspace, manifest, parseJsonReport, removeWorkspaces, runCli, writeWorkspaceFile } from './run-cli.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

const hot = (name: string, rps: number) => manifest(name, ['language: python', 'workload: api', 'traffic:', `  peakRps: ${rps}`]);

describe('the baseline lifecycle', () => {
  const root = makeWorkspace({
    'search/service.yaml': hot('legacy-search', 25000),
    'billing/service.yaml': hot('billing-api', 30000),
  });
  const today = { SVC_LINT_TODAY: '2027-01-01' };

  it('refuses to create a baseline in CI without --force', () => {
    const run = runCli(['baseline'], { cwd: root, env: { ...today, CI: 'true' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'svc-lint: refusing to create .svc-lint-baseline.json while CI is set: create it locally and commit it, or pass --force\n',
    );
    expect(existsSync(join(root, '.svc-lint-baseline.json'))).toBe(false);
  });

  it('records the current findings, sorted, one entry per line, without line numbers', () => {
    const run = runCli(['baseline'], { cwd: root, env: today });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('wrote .svc-lint-baseline.json: 2 entries, 2 findings\n');
    const text = readFileSync(join(root, '.svc-lint-baseline.json'), 'utf8');
    expect(text).toBe(
      '{\n' +
        '  "entries": [\n' +
        '    {"count":1,"file":"billing/service.yaml","rule":"hot-path-throughput","service":"billing-api"},\n' +
        '    {"count":1,"file":"search/service.yaml","rule":"hot-path-throughput","service":"legacy-search"}\n' +
        '  ],\n' +
        '  "version": 1\n' +
        '}\n',
    );
  });

  it('passes with the baseline, and fails on a finding beyond it', () => {
    expect(runCli(['--baseline', '.svc-lint-baseline.json'], { cwd: root, env: today }).status).toBe(0);
    writeWorkspaceFile(root, 'orders/service.yaml', hot('orders', 20000));
  });

  it('uses the baseline `svc-lint baseline` wrote without being told, unless --no-baseline', () => {
    const plain = runCli(['search', 'billing'], { cwd: root, env: today });
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('not counted: 2 already in the baseline');
    expect(runCli(['search', 'billing', '--no-baseline'], { cwd: root, env: today }).status).toBe(1);
    expect(runCli(['--format', 'json'], { cwd: root, env: today }).status).toBe(1);
  });

  it('reports only the new finding as counted', () => {
    const run = runCli(['--baseline', '.svc-lint-baseline.json', '--format', 'json'], { cwd: root, env: today });
    expect(run.status).toBe(1);
    const report = parseJsonReport(run) as unknown as {
      findings: { file: string; baselineState?: string }[];
      summary: { errors: number; baselined: number };
    };
    expect(report.summary).toMatchObject({ errors: 1, baselined: 2 });
    expect(report.findings.map((finding) => `${finding.file} ${finding.baselineState}`).sort()).toEqual([
      'billing/service.yaml unchanged',
      'orders/service.yaml new',
      'search/service.yaml unchanged',
    ]);
  });

  it('reports a fixed entry, and prune drops it', () => {
    writeFileSync(join(root, 'billing/service.yaml'), manifest('billing-api', ['language: go', 'workload: api']));
    const stylish = runCli(['--baseline', '.svc-lint-baseline.json', 'search', 'billing'], { cwd: root, env: today });
    expect(stylish.status).toBe(0);
    expect(stylish.stdout).toContain('fixed since the baseline: hot-path-throughput in billing/service.yaml (×1)');
    const json = parseJsonReport(runCli(['--baseline', '.svc-lint-baseline.json', '--format', 'json', 'search', 'billing'], { cwd: root, env: today }));
    expect((json as unknown as { fixed: unknown }).fixed).toEqual([
      { file: 'billing/service.yaml', service: 'billing-api', rule: 'hot-path-throughput', count: 1 },
    ]);

    const prune = runCli(['baseline', '--prune'], { cwd: root, env: today });
    expect(prune.status).toBe(0);
    expect(prune.stdout).toBe('pruned .svc-lint-baseline.json: 1 entries, 1 findings\n');
    expect(readFileSync(join(root, '.svc-lint-baseline.json'), 'utf8')).not.toContain('billing');
  });

  it('refuses --prune without a baseline', () => {
    const empty = makeWorkspace({ 'a/service.yaml': hot('a', 20000) });
    const run = runCli(['baseline', '--prune'], { cwd: empty });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('svc-lint: --prune needs an existing baseline, and .svc-lint-baseline.json does not exist\n');
  });
});

describe('a baseline with a run on some files, as pre-commit and lint-staged run', () => {
  const root = makeWorkspace({
    'search/service.yaml': hot('legacy-search', 25000),
    'billing/service.yaml': hot('billing-api', 30000),
  });
  const baselineText = () => readFileSync(join(root, '.svc-lint-baseline.json'), 'utf8');

  it('says nothing is fixed in the files it was not given', () => {
    expect(runCli(['baseline'], { cwd: root }).status).toBe(0);
    const run = runCli(['billing/service.yaml'], { cwd: root });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('fixed since the baseline');
    expect(parseJsonReport(runCli(['--format', 'json', 'billing/service.yaml'], { cwd: root }))).toHaveProperty('fixed', []);
  });

  it('prunes and rewrites only the entries of the files it was given', () => {
    writeFileSync(join(root, 'billing/service.yaml'), manifest('billing-api', ['language: go', 'workload: api']));
    expect(runCli(['baseline', '--prune', 'billing'], { cwd: root }).stdout).toBe('pruned .svc-lint-baseline.json: 1 entries, 1 findings\n');
    expect(baselineText()).toContain('legacy-search');
    writeFileSync(join(root, 'billing/service.yaml'), hot('billing-api', 30000));
    expect(runCli(['baseline', 'billing'], { cwd: root }).stdout).toBe('wrote .svc-lint-baseline.json: 2 entries, 2 findings\n');
    expect(baselineText()).toContain('legacy-search');
    expect(runCli([], { cwd: root }).status).toBe(0);
  });

  it('recreates a damaged baseline, as the error about it advises', () => {
    writeFileSync(join(root, '.svc-lint-baseline.json'), '{"entries": [');
    const broken = runCli([], { cwd: root });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/fix it or recreate it with "svc-lint baseline"\n$/);
    expect(runCli(['baseline'], { cwd: root }).status).toBe(0);
    expect(runCli([], { cwd: root }).status).toBe(0);
  });
});

describe('suppressed and waived findings in the reports', () => {
  const root = makeWorkspace({
    '.svc-lint.yaml':
      'waivers:\n  - rule: hot-path-throughput\n    services: ["billing-*"]\n    reason: Rewrite tracked in PLAT-9\n    owner: team-billing\n    expires: 2027-03-31\n',
    'billing/service.yaml': hot('billing-api', 30000),
    'search/service.yaml':
      'apiVersion: svc-lint/v1\nkind: Service\nmetadata:\n  name: legacy-search\nspec:\n' +
      '  # svc-lint-disable-next-line hot-path-throughput -- rewrite in Go tracked in PLAT-123\n' +
      '  language: python\n  workload: api\n  traffic:\n    peakRps: 25000\n',
  });

  it('do not count for the exit code, and stylish says how many were not counted', () => {
    const run = runCli([], { cwd: root, env: { SVC_LINT_TODAY: '2027-01-01' } });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('not counted: 2 suppressed');
  });

  it('appear in SARIF as suppressions with their justification', () => {
    const run = runCli(['--format', 'sarif'], { cwd: root, env: { SVC_LINT_TODAY: '2027-01-01' } });
    const results = (JSON.parse(run.stdout) as { runs: { results: { ruleId: string; suppressions?: unknown[] }[] }[] }).runs[0]!.results;
    expect(results.map((result) => result.suppressions)).toEqual([
      [{ kind: 'external', status: 'accepted', justification: 'Rewrite tracked in PLAT-9', properties: { owner: 'team-billing', expires: '2027-03-31' } }],
      [{ kind: 'inSource', status: 'accepted', justification: 'rewrite in Go tracked in PLAT-123' }],
    ]);
  });

  it('appear in JSON with their kind and reason', () => {
    const report = parseJsonReport(runCli(['--format', 'json'], { cwd: root, env: { SVC_LINT_TODAY: '2027-01-01' } }));
    expect(report.findings.map((finding) => (finding as unknown as { suppressed: unknown }).suppressed)).toEqual([
      { kind: 'waiver', reason: 'Rewrite tracked in PLAT-9', owner: 'team-billing', expires: '2027-03-31' },
      { kind: 'inline', reason: 'rewrite in Go tracked in PLAT-123' },
    ]);
  });

  it('count again once the waiver expires, reported at the waiver', () => {
    const run = runCli(['--format', 'compact'], { cwd: root, env: { SVC_LINT_TODAY: '2027-04-01' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('.svc-lint.yaml: line 2, col 5, Error - The waiver of hot-path-throughput');
    expect(run.stdout).toContain('billing/service.yaml: line 6, col 13, Error');
  });

  it('are all counted with --no-inline-suppressions, but not the waiver', () => {
    const run = runCli(['--no-inline-suppressions', '--format', 'compact'], { cwd: root, env: { SVC_LINT_TODAY: '2027-01-01' } });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      'search/service.yaml: line 7, col 13, Error - legacy-search declares 25,000 req/s peak on Python; above 10,000 req/s the guidance is Go: at this peak ≈2 Python (FastAPI) instances (12,500 req/s and 52 MB each, 104 MB in all) vs 1 Go instance (95,000 req/s each, 12 MB) (hot-path-throughput)\n',
    );
  });

  it('rejects a malformed SVC_LINT_TODAY', () => {
    const run = runCli([], { cwd: root, env: { SVC_LINT_TODAY: 'tomorrow' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('svc-lint: SVC_LINT_TODAY=tomorrow: expected a date written YYYY-MM-DD\n');
  });
});
