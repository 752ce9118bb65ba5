import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { builtBinary, childEnv, makeWorkspace, manifest, removeWorkspaces, runCli } from '../cli/run-cli.js';
import { expectExit, expectOneLineError, listTree } from './support.js';
import { slowTestTimeout } from '../timeouts.js';

vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

describe('more findings in one file than a call can take as arguments', { timeout: 120_000 }, () => {
  it('130,000 unknown keys are 130,000 findings, not "Maximum call stack size exceeded"', () => {
    const keys = Array.from({ length: 130_000 }, (_, index) => `  k${index}:\n`).join('');
    const root = makeWorkspace({ 'wide.service.yaml': `${manifest('orders', ['language: go', 'workload: api'])}${keys}` });
    const run = spawnSync(process.execPath, [builtBinary, '--format', 'json'], {
      cwd: root,
      env: childEnv(),
      encoding: 'utf8',
      timeout: 100_000,
      killSignal: 'SIGKILL',
      maxBuffer: 512 * 1024 * 1024,
    });
    expect(run.error?.message ?? 'finished').toBe('finished');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const { findings } = JSON.parse(run.stdout) as { findings: { ruleId: string; line: number }[] };
    expect(findings).toHaveLength(130_000);
    expect(findings.every((finding) => finding.ruleId === 'manifest-schema')).toBe(true);
    expect(findings.at(-1)?.line).toBe(8 + 130_000 - 1);
  });
});

describe('init checks its fields before it writes', { timeout: 30_000 }, () => {
  it.each([
    ['a line break that would add YAML of its own', 'go\nspec: {}', 'svc-lint: --language go\\u000aspec: {}: must be one line of printable text, such as go or python'],
    ['an escape sequence', 'go\u001b[2K', 'svc-lint: --language go\\u001b[2K: must be one line of printable text, such as go or python'],
    ['more than the schema allows', 'x'.repeat(65), `svc-lint: --language ${'x'.repeat(65)}: must be at most 64 characters`],
  ])('--language with %s: exit 2, one line, nothing written', (_name, language, error) => {
    const root = makeWorkspace();
    expectOneLineError(runCli(['init', 'services/a', '--name', 'a', '--language', language, '--workload', 'api'], { cwd: root, input: '' }), error);
    expect(listTree(root)).toEqual([]);
  });

  it('a language YAML would read otherwise is quoted, and the manifest reads back as given', () => {
    const root = makeWorkspace();
    const run = runCli(['init', '--name', 'a', '--language', 'go: yes # really', '--workload', 'api'], { cwd: root, input: '' });
    expectExit(run, 0);
    expect(parse(readFileSync(join(root, 'service.yaml'), 'utf8')).spec).toEqual({ language: 'go: yes # really', workload: 'api' });
  });
});

describe('GITHUB_STEP_SUMMARY that cannot be written', { timeout: 30_000 }, () => {
  it('is a note: the annotations are printed and the exit code stands', () => {
    const root = makeWorkspace({ 'service.yaml': manifest('orders', ['language: python', 'workload: api', 'traffic:', '  peakRps: 50000']) });
    mkdirSync(join(root, 'summary'));
    const run = runCli(['--format', 'github'], { cwd: root, env: { GITHUB_STEP_SUMMARY: join(root, 'summary') } });
    expectExit(run, 1);
    expect(run.stdout).toMatch(/^::error file=service\.yaml,line=6,/);
    expect(run.stderr).toBe(`svc-lint: cannot write the step summary ${join(root, 'summary')}: EISDIR\n`);
    expect(existsSync(join(root, 'summary'))).toBe(true);
  });
});
