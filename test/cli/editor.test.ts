import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { installBuiltCli, makeWorkspace, manifest, parseJsonReport, removeWorkspaces, runCli, writeWorkspaceFile } from './run-cli.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

describe('--stdin', () => {
  it('lints an editor buffer as the named file, ignoring what is on disk', () => {
    const root = makeWorkspace({ 'api/service.yaml': manifest('api', ['language: go', 'workload: api']) });
    const buffer = manifest('api', ['language: python', 'workload: api', 'traffic:', '  peakRps: 20000']);
    const run = runCli(['--stdin', '--stdin-filename', 'api/service.yaml', '--format', 'compact'], { cwd: root, input: buffer });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^api\/service\.yaml: line 6, col 13, Error - api declares 20,000 req\/s .* \(hot-path-throughput\)\n$/);
  });

  it('sees the rest of the workspace for graph rules', () => {
    const root = makeWorkspace({
      '.svc-lint.yaml': 'rules: {}\n',
      'orders/service.yaml': manifest('orders', ['language: go', 'workload: api']),
    });
    const buffer = manifest('web', ['language: go', 'workload: api', 'dependsOn:', '  - service: orders', '  - service: ordrs']);
    const report = parseJsonReport(runCli(['--stdin', '--stdin-filename', 'web/service.yaml', '--format', 'json'], { cwd: root, input: buffer }));
    expect(report.findings.map((finding) => `${finding.ruleId} ${finding.line}:${finding.column}`)).toEqual(['unknown-dependency 10:7']);
    expect(report.findings[0]!.message).toContain('did you mean orders?');
  });

  it('needs --stdin-filename', () => {
    const run = runCli(['--stdin'], { cwd: makeWorkspace(), input: '' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('svc-lint: --stdin needs --stdin-filename <path> to place the buffer in the workspace\n');
  });
});

describe('svc-lint init', () => {
  it('writes a manifest with the schema modeline, detecting the language, without asking when stdin is not a terminal', () => {
    const root = makeWorkspace({ 'payments/go.mod': 'module example.com/payments\n' });
    const run = runCli(['init', 'payments', '--workload', 'api'], { cwd: root, input: '' });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('wrote payments/service.yaml (payments: go, api)\n');
    const text = readFileSync(join(root, 'payments/service.yaml'), 'utf8');
    // svc-lint runs from outside this workspace, as with npx: the modeline points where a dev dependency would be.
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../node_modules/svc-lint/schemas/service.schema.json');
    expect(run.stderr).toBe('svc-lint: the schema modeline points at node_modules/svc-lint/schemas/service.schema.json, which npm install --save-dev svc-lint provides\n');
    expect(parse(text)).toEqual({
      apiVersion: 'svc-lint/v1',
      kind: 'Service',
      metadata: { name: 'payments' },
      spec: { language: 'go', workload: 'api' },
    });
    const lint = runCli(['payments'], { cwd: root });
    expect(lint.status).toBe(0);
  });

  it('points the modeline at the schema of the svc-lint installed in the project, without a note', () => {
    const root = makeWorkspace();
    const installedBin = installBuiltCli(join(root, 'node_modules/svc-lint'));
    const run = spawnSync(process.execPath, [installedBin, 'init', 'services/a', '--name', 'a', '--language', 'go', '--workload', 'api'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const modeline = readFileSync(join(root, 'services/a/service.yaml'), 'utf8').split('\n')[0];
    expect(modeline).toBe('# yaml-language-server: $schema=../../node_modules/svc-lint/schemas/service.schema.json');
    expect(existsSync(join(root, 'services/a', '../../node_modules/svc-lint/schemas/service.schema.json'))).toBe(true);
  });

  it('takes name and language from flags, resolving aliases', () => {
    const root = makeWorkspace();
    const run = runCli(['init', '--name', 'ranker', '--language', 'Python3', '--workload', 'ml-serving'], { cwd: root, input: '' });
    expect(run.status).toBe(0);
    expect(parse(readFileSync(join(root, 'service.yaml'), 'utf8')).spec).toEqual({ language: 'python', workload: 'ml-serving' });
  });

  it('never overwrites a manifest without --force', () => {
    const root = makeWorkspace({ 'service.yaml': 'apiVersion: svc-lint/v1\n' });
    const run = runCli(['init', '--language', 'go'], { cwd: root, input: '' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('svc-lint: service.yaml already exists: pass --force to replace it\n');
    expect(readFileSync(join(root, 'service.yaml'), 'utf8')).toBe('apiVersion: svc-lint/v1\n');
    expect(runCli(['init', '--language', 'go', '--force'], { cwd: root, input: '' }).status).toBe(0);
  });

  it('says what to pass when the language cannot be detected', () => {
    const root = makeWorkspace({ 'empty/README.md': 'hello\n' });
    const run = runCli(['init', 'empty'], { cwd: root, input: '' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('svc-lint: cannot tell the language from the files in empty: pass --language\n');
  });
});

describe('GitHub Actions', () => {
  it('appends a Markdown summary of every finding to GITHUB_STEP_SUMMARY, and stdout holds only workflow commands', () => {
    const root = makeWorkspace({ 'api/service.yaml': manifest('api', ['language: python', 'workload: api', 'traffic:', '  peakRps: 20000']) });
    writeFileSync(join(root, 'summary.md'), '## earlier step\n');
    const run = runCli(['--format', 'github', 'api'], { cwd: root, env: { GITHUB_STEP_SUMMARY: join(root, 'summary.md') } });
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n').filter(Boolean).every((line) => line.startsWith('::error '))).toBe(true);
    const summary = readFileSync(join(root, 'summary.md'), 'utf8');
    expect(summary.startsWith('## earlier step\n### svc-lint\n')).toBe(true);
    expect(summary).toContain('| api/service.yaml:6:13 |');
  });

  it('keeps the summary within the 1 MiB GitHub accepts per step, counting what the step wrote before', () => {
    const root = makeWorkspace({ 'api/service.yaml': manifest('api', ['language: python', 'workload: api', 'traffic:', '  peakRps: 20000']) });
    const summaryPath = join(root, 'summary.md');
    const env = { GITHUB_STEP_SUMMARY: summaryPath };
    runCli(['--format', 'github', 'api'], { cwd: root, env });
    const wholeBytes = statSync(summaryPath).size;
    // Earlier output leaves room for the table's head, not for the one row: the summary says so instead.
    const earlier = `${'x'.repeat(1024 * 1024 - wholeBytes + 9)}\n`;
    writeFileSync(summaryPath, earlier);
    const run = runCli(['--format', 'github', 'api'], { cwd: root, env });
    expect(run.status).toBe(1);
    const summary = readFileSync(summaryPath, 'utf8');
    expect(Buffer.byteLength(summary)).toBeLessThanOrEqual(1024 * 1024);
    expect(summary.slice(earlier.length)).toMatch(/^### svc-lint\n[\s\S]*\n1 more finding not shown: GitHub keeps at most 1 MiB of summary per step\. The json and sarif reports list them all\.\n\n$/);
  });

  it('writes no summary without the variable', () => {
    const root = makeWorkspace();
    writeWorkspaceFile(root, 'api/service.yaml', manifest('api', ['language: go', 'workload: api']));
    expect(runCli(['--format', 'github'], { cwd: root }).stdout).toBe('');
  });
});
