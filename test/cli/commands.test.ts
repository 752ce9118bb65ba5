import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeWorkspace, removeWorkspaces, runCli } from './run-cli.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const rulesDirectory = join(projectRoot, 'rules');

interface RuleFile {
  id: string;
  severity: string;
  description: string;
  rationale: string;
  remediation: string;
  example?: string;
}

function readRuleFiles(): RuleFile[] {
  return readdirSync(rulesDirectory)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => parse(readFileSync(join(rulesDirectory, name), 'utf8')) as RuleFile);
}

let cwd: string;
beforeAll(() => {
  cwd = makeWorkspace();
});
afterAll(removeWorkspaces);

describe('svc-lint rules', () => {
  it('lists every rule declared in rules/*.yaml with its severity', () => {
    const run = runCli(['rules'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const listed = new Map(
      run.stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.split(/\s+/))
        .map(([id, severity]) => [id, severity]),
    );
    const declared = readRuleFiles();
    expect(declared.length).toBeGreaterThanOrEqual(11);
    for (const rule of declared) expect(listed.get(rule.id), rule.id).toBe(rule.severity);
    expect(listed.get('hot-path-throughput')).toBe('error');
  });

  it('shows the severity the config and --rule give', () => {
    const configured = makeWorkspace({ '.svc-lint.yaml': 'rules:\n  hot-path-throughput: warning\n' });
    const run = runCli(['rules', '--rule', 'team-expertise:off'], { cwd: configured });
    expect(run.stdout).toMatch(/^hot-path-throughput\s+warning\s/m);
    expect(run.stdout).toMatch(/^team-expertise\s+off\s/m);
  });
});

describe('svc-lint explain', () => {
  it('prints the description, rationale, remediation and example of hot-path-throughput', () => {
    const rule = readRuleFiles().find((candidate) => candidate.id === 'hot-path-throughput')!;
    const run = runCli(['explain', 'hot-path-throughput'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const flatten = (text: string) => text.replace(/\s+/g, ' ').trim();
    const output = flatten(run.stdout);
    expect(output).toContain(flatten(rule.description));
    expect(output).toContain(flatten(rule.rationale));
    expect(output).toContain(flatten(rule.remediation));
    expect(rule.example).toBeTruthy();
    const exampleLines = rule.example!.trimEnd().split('\n');
    const printed = run.stdout.split('\n').map((line) => line.trim());
    const start = printed.indexOf(exampleLines[0]!.trim());
    expect(start).toBeGreaterThan(-1);
    expect(printed.slice(start, start + exampleLines.length)).toEqual(exampleLines.map((line) => line.trim()));
  });

  it('prints an example that really triggers the rule', () => {
    const rule = readRuleFiles().find((candidate) => candidate.id === 'hot-path-throughput')!;
    const example = makeWorkspace({ 'service.yaml': rule.example! });
    const run = runCli(['--format', 'json'], { cwd: example });
    expect((JSON.parse(run.stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId)).toContain('hot-path-throughput');
  });

  it('exits 2 with a did-you-mean for an unknown rule id, and asks for an id when none is given', () => {
    const unknown = runCli(['explain', 'hot-path-throughpt'], { cwd });
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^svc-lint: .*hot-path-throughpt.*did you mean hot-path-throughput.*\n$/);
    const missing = runCli(['explain'], { cwd });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^svc-lint: .*rule id.*\n$/);
  });
});

describe('--help and --version', () => {
  it('--help prints the usage and the exit codes, and exits 0', () => {
    const run = runCli(['--help'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Usage:');
    for (const option of ['--format', '--config', '--rule', '--quiet', '--max-warnings', '--fail-on']) {
      expect(run.stdout).toContain(option);
    }
  });

  it('--version prints the package version and exits 0', () => {
    const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
    const run = runCli(['--version'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`${version}\n`);
  });
});
