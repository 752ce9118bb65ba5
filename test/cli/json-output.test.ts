import { afterAll, describe, expect, it, vi } from 'vitest';
import { locationsOf, makeWorkspace, manifest, parseJsonReport, removeWorkspaces, runCli } from './run-cli.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

// Line 6 is "  language: python": the value starts at column 13 and "python" ends before column 19.
const hotPython = manifest('checkout-api', ['language: python', 'workload: api', 'traffic:', '  peakRps: 15000']);
const cleanGo = manifest('edge-gateway', ['language: go', 'workload: api']);

describe('--format json', () => {
  it('prints only JSON with the documented shape and exact locations', () => {
    const cwd = makeWorkspace({ 'services/checkout/service.yaml': hotPython });
    const run = runCli(['--format', 'json'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const report = parseJsonReport(run);
    expect(report.version).toBe(1);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      file: 'services/checkout/service.yaml',
      service: 'checkout-api',
      ruleId: 'hot-path-throughput',
      severity: 'error',
      line: 6,
      column: 13,
      endLine: 6,
      endColumn: 19,
    });
    expect(report.findings[0]!.message).toContain('checkout-api declares 15,000 req/s peak on Python');
    expect(report.findings[0]!.message).toContain('≈2 Python (FastAPI) instances (12,500 req/s and 52 MB each, 104 MB in all) vs 1 Go instance (95,000 req/s each, 12 MB)');
    expect(report.summary).toMatchObject({ files: 1, services: 1, errors: 1, warnings: 0, infos: 0 });
  });

  it('reports paths relative to the cwd with "/" even for an absolute path argument', () => {
    const cwd = makeWorkspace({ 'services/checkout/service.yaml': hotPython });
    const run = runCli(['--format', 'json', `${cwd}/services/checkout/service.yaml`], { cwd });
    expect(locationsOf(parseJsonReport(run))).toEqual(['services/checkout/service.yaml 6:13-6:19 hot-path-throughput']);
  });

  it('reports paths relative to a subdirectory cwd with ".."', () => {
    const cwd = makeWorkspace({ 'services/checkout/service.yaml': hotPython, 'tools/.keep': '' });
    const run = runCli(['--format', 'json', '../services'], { cwd: `${cwd}/tools` });
    expect(locationsOf(parseJsonReport(run))).toEqual(['../services/checkout/service.yaml 6:13-6:19 hot-path-throughput']);
  });

  it('prints an empty findings array when the manifests are clean', () => {
    const cwd = makeWorkspace({ 'service.yaml': cleanGo });
    const run = runCli(['--format', 'json'], { cwd });
    expect(run.status).toBe(0);
    const report = parseJsonReport(run);
    expect(report.version).toBe(1);
    expect(report.findings).toEqual([]);
    expect(report.summary).toMatchObject({ files: 1, services: 1, errors: 0, warnings: 0, infos: 0 });
  });

  it('keeps stdout valid JSON when no manifest is found and that is allowed', () => {
    const cwd = makeWorkspace({ 'README.md': '# nothing here\n' });
    const run = runCli(['--format', 'json', '--no-error-on-unmatched-pattern'], { cwd });
    expect(run.status).toBe(0);
    const report = parseJsonReport(run);
    expect(report.findings).toEqual([]);
    expect(report.summary).toMatchObject({ files: 0, services: 0, errors: 0, warnings: 0, infos: 0 });
  });
});

describe('languages', () => {
  it('resolves an alias case-insensitively and reports a language without a profile once, as info', () => {
    const cwd = makeWorkspace({
      'alias.service.yaml': manifest('gateway', ['language: Golang', 'workload: api', 'team:', '  languages: [go]']),
      'unknown.service.yaml': manifest('ledger', ['language: cobol', 'workload: api', 'traffic:', '  peakRps: 50000']),
    });
    const run = runCli(['--format', 'json'], { cwd });
    expect(run.status).toBe(0);
    const report = parseJsonReport(run);
    expect(locationsOf(report)).toEqual(['unknown.service.yaml 6:13-6:18 unknown-language']);
    expect(report.findings[0]).toMatchObject({ service: 'ledger', severity: 'info' });
    expect(report.findings[0]!.message).toContain('cobol');
  });
});

describe('broken manifests', () => {
  const duplicateKey = 'apiVersion: svc-lint/v1\nkind: Service\nmetadata:\n  name: a\n  name: b\nspec:\n  language: go\n  workload: api\n';
  const badIndentation = 'apiVersion: svc-lint/v1\nkind: Service\nmetadata:\n  name: a\n   owner: x\nspec:\n  language: go\n  workload: api\n';

  it('reports a duplicate key as manifest-syntax at the second key, and still lints the other files', () => {
    const cwd = makeWorkspace({ 'a/broken.service.yaml': duplicateKey, 'b/service.yaml': hotPython });
    const run = runCli(['--format', 'json'], { cwd });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    const report = parseJsonReport(run);
    expect(report.findings.map((f) => `${f.file} ${f.line}:${f.column} ${f.ruleId} ${f.severity}`)).toEqual([
      'a/broken.service.yaml 5:3 manifest-syntax error',
      'b/service.yaml 6:13 hot-path-throughput error',
    ]);
    expect(report.findings[0]!.message).toContain('name');
    expect(report.summary.files).toBe(2);
  });

  it('reports bad indentation as one manifest-syntax at the line that slipped (line 5, "owner")', () => {
    const cwd = makeWorkspace({ 'indent.service.yaml': badIndentation, 'z.service.yaml': hotPython });
    const report = parseJsonReport(runCli(['--format', 'json'], { cwd }));
    const syntax = report.findings.filter((f) => f.ruleId === 'manifest-syntax');
    expect(syntax.map((f) => `${f.file} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.message}`)).toEqual([
      'indent.service.yaml 5:4-5:12 error line 5 is indented 3 spaces; its siblings use 2',
    ]);
    expect(report.findings.filter((f) => f.file === 'z.service.yaml').map((f) => f.ruleId)).toEqual(['hot-path-throughput']);
  });

  it('points schema findings at the offending node, and a missing property at the key that lacks it', () => {
    const text = [
      'apiVersion: svc-lint/v1',
      'kind: Service',
      'metadata:',
      '  name: mystery',
      'spec:',
      '  workload: api',
      '  traffic:',
      '    peakRps: lots',
      '  colour: blue',
      '',
    ].join('\n');
    const cwd = makeWorkspace({ 'service.yaml': text });
    const run = runCli(['--format', 'json'], { cwd });
    expect(run.status).toBe(1);
    const report = parseJsonReport(run);
    expect(locationsOf(report).sort()).toEqual([
      'service.yaml 5:1-5:5 manifest-schema',
      'service.yaml 8:14-8:18 manifest-schema',
      'service.yaml 9:3-9:9 manifest-schema',
    ]);
    const messageAt = (line: number) => report.findings.find((f) => f.line === line)!.message;
    expect(messageAt(5)).toContain('language');
    expect(messageAt(8)).toContain('peakRps');
    expect(messageAt(9)).toContain('colour');
    expect(report.findings.every((f) => f.severity === 'error' && f.service === 'mystery')).toBe(true);
  });

  it('lints every document of a multi-document file at its own lines', () => {
    const second = manifest('search-api', ['language: python', 'workload: api', 'latency:', '  p99Ms: 2']);
    const third = manifest('batch', ['language: python', 'workload: etl', 'traffic:', '  peakRps: oops']);
    const cwd = makeWorkspace({ 'fleet.service.yaml': `${hotPython}---\n${second}---\n${third}` });
    const report = parseJsonReport(runCli(['--format', 'json'], { cwd }));
    // Each document is 9 lines plus a "---" line: documents start on lines 1, 11 and 21.
    expect(report.findings.map((f) => `${f.service} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId}`)).toEqual([
      'checkout-api 6:13-6:19 hot-path-throughput',
      'search-api 16:13-16:19 hot-path-latency',
      'batch 29:14-29:18 manifest-schema',
    ]);
    expect(report.summary).toMatchObject({ files: 1, services: 3 });
  });
});
