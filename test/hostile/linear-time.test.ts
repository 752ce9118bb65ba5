import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { builtBinary, childEnv, makeWorkspace, manifest, removeWorkspaces, type CliRun } from '../cli/run-cli.js';
import { expectExit, listTree } from './support.js';
import { slowTestTimeout } from '../timeouts.js';

vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

/**
 * Each case is an input that once took minutes (the times in comments are from before the fix); the linear code
 * takes a second or two. The deadline is generous for a busy machine, and the run is killed at it, so a regression
 * fails here instead of hanging the suite.
 */
const deadlineMs = 30_000;

interface TimedRun extends CliRun {
  ms: number;
}

function runTimed(root: string, args: string[]): TimedRun {
  const started = Date.now();
  const run = spawnSync(process.execPath, [builtBinary, ...args], {
    cwd: root,
    env: childEnv(),
    encoding: 'utf8',
    timeout: deadlineMs,
    killSignal: 'SIGKILL',
    maxBuffer: 256 * 1024 * 1024,
  });
  expect(run.error?.message ?? 'finished', 'killed at the deadline').toBe('finished');
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, ms: Date.now() - started };
}

/** Bounded time, the exit code, nothing on stderr, and no file written or changed. */
function expectBoundedRun(root: string, args: string[], status: number): TimedRun {
  const before = listTree(root);
  const run = runTimed(root, args);
  expectExit(run, status);
  expect(run.stderr).toBe('');
  expect(run.ms).toBeLessThan(deadlineMs);
  expect(listTree(root)).toEqual(before);
  return run;
}

const goApi = manifest('orders', ['language: go', 'workload: api']);

describe('inputs that were quadratic or worse now take linear time', { timeout: 120_000 }, () => {
  it('a "# svc-lint-" comment followed by 40,000 comment lines (80 KB; 460 s before)', () => {
    const root = makeWorkspace({ 'a.service.yaml': `# svc-lint-\n${'#\n'.repeat(40_000)}${goApi}` });
    const run = expectBoundedRun(root, ['--format', 'compact'], 0);
    expect(run.stdout).toMatch(/^a\.service\.yaml: line 1, col 1, Warning - svc-lint directive not understood: "svc-lint-" is not a directive/);
    expect(run.stdout.split('\n')).toHaveLength(2);
  });

  it('20,000 stacked next-line directives above one line: each covers it, found in one pass', () => {
    const directives = '  # svc-lint-disable-next-line hot-path-throughput -- rewrite tracked in PLAT-1\n'.repeat(20_000);
    const text = manifest('orders', ['language: python', 'workload: api', 'traffic:', '  peakRps: 50000']).replace('  language: python\n', `${directives}  language: python\n`);
    const root = makeWorkspace({ 'a.service.yaml': text });
    const run = expectBoundedRun(root, ['--format', 'json'], 0);
    const { summary, findings } = JSON.parse(run.stdout) as { summary: { suppressed: number }; findings: { ruleId: string }[] };
    expect(summary.suppressed).toBe(1);
    // The first directive took the finding; the other 19,999 name a rule they did not suppress.
    expect(findings.filter((finding) => finding.ruleId === 'unused-suppression')).toHaveLength(19_999);
  });

  it('40,000 unknown keys under spec (469 KB; 162 s before) are 40,000 findings, each at its key', () => {
    const keys = Array.from({ length: 40_000 }, (_, index) => `  unknown-key-${index}: 1\n`).join('');
    const root = makeWorkspace({ 'a.service.yaml': `${goApi}${keys}` });
    const run = expectBoundedRun(root, ['--format', 'json'], 1);
    const { findings } = JSON.parse(run.stdout) as { findings: { line: number; column: number; message: string }[] };
    expect(findings).toHaveLength(40_000);
    expect(findings[39_999]).toMatchObject({ line: 8 + 39_999, column: 3, message: 'spec.unknown-key-39999 is not a known property' });
  });

  it('a waiver glob of many stars against a long name that never matches (40 s before, ×7 per star)', () => {
    const name = 'a'.repeat(63);
    const root = makeWorkspace({
      '.svc-lint.yaml': [
        'waivers:',
        '  - rule: hot-path-throughput',
        `    services: ["${'*a'.repeat(12)}*b"]`,
        '    reason: never matches',
        '    owner: team-a',
        '    expires: 2099-01-01',
        '',
      ].join('\n'),
      'a.service.yaml': manifest(name, ['language: python', 'workload: api', 'traffic:', '  peakRps: 50000']),
    });
    const run = expectBoundedRun(root, ['--format', 'compact', '--rule', 'waiver-expiring:off'], 1);
    expect(run.stdout).toMatch(/\(hot-path-throughput\)\n$/);
  });
});
