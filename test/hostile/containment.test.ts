import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeWorkspace, manifest, parseJsonReport, removeWorkspaces, runCli, writeWorkspaceFile } from '../cli/run-cli.js';
import { expectExit, expectOneLineError, listTree } from './support.js';
import { slowTestTimeout } from '../timeouts.js';

vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

const pythonHot = manifest('orders', ['language: python', 'workload: api', 'traffic:', '  peakRps: 50000']);
const silencing = 'rules:\n  hot-path-throughput: off\n';

/** `outside/` beside `repo/` (a git repository holding one manifest), in a fresh directory. */
function repoAndOutside(files: Record<string, string> = {}): { top: string; repo: string } {
  const top = makeWorkspace({
    'repo/.git/HEAD': 'ref: refs/heads/main\n',
    'repo/services/orders/service.yaml': pythonHot,
    'outside/authorized_keys': 'ssh-ed25519 AAAA keep-me\n',
    ...files,
  });
  return { top, repo: join(top, 'repo') };
}

const ruleIds = (run: ReturnType<typeof runCli>) => parseJsonReport(run).findings.map((finding) => finding.ruleId);

describe('the config search stays inside the repository', { timeout: 30_000 }, () => {
  it('a .svc-lint.yaml above the repository root is not used', () => {
    const { repo } = repoAndOutside({ '.svc-lint.yaml': silencing });
    const run = runCli(['--format', 'json'], { cwd: join(repo, 'services') });
    expectExit(run, 1);
    expect(ruleIds(run)).toEqual(['hot-path-throughput']);
  });

  it('outside a repository, only the directory the run starts in counts', () => {
    const top = makeWorkspace({ '.svc-lint.yaml': silencing, 'project/service.yaml': pythonHot });
    expect(ruleIds(runCli(['--format', 'json'], { cwd: join(top, 'project') }))).toEqual(['hot-path-throughput']);
    writeWorkspaceFile(top, 'project/.svc-lint.yaml', silencing);
    expect(ruleIds(runCli(['--format', 'json'], { cwd: join(top, 'project') }))).toEqual([]);
  });

  it('never above the home directory, even inside a repository that holds it', () => {
    const top = makeWorkspace({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.svc-lint.yaml': silencing,
      'home/dev/project/service.yaml': pythonHot,
    });
    const env = { HOME: join(top, 'home/dev') };
    expect(ruleIds(runCli(['--format', 'json'], { cwd: join(top, 'home/dev/project'), env }))).toEqual(['hot-path-throughput']);
    writeWorkspaceFile(top, 'home/dev/.svc-lint.yaml', silencing);
    expect(ruleIds(runCli(['--format', 'json'], { cwd: join(top, 'home/dev/project'), env }))).toEqual([]);
  });

  it('--config names any file: the user chose it', () => {
    const { top, repo } = repoAndOutside({ 'outside/shared.yaml': silencing });
    expect(ruleIds(runCli(['--format', 'json', '--config', join(top, 'outside/shared.yaml')], { cwd: repo }))).toEqual([]);
  });
});

describe('paths in a config stay inside the repository: exit 2, one line with file:line:col', { timeout: 30_000 }, () => {
  it('baseline: ../authorized_keys is refused, for lint and for svc-lint baseline, and the file is untouched', () => {
    const { top, repo } = repoAndOutside({ 'repo/.svc-lint.yaml': 'baseline: ../outside/authorized_keys\n' });
    const expected = `svc-lint: invalid config .svc-lint.yaml:1:11: baseline: "../outside/authorized_keys" is outside the repository (${repo}); remove it from the config and pass --baseline on the command line to use a file elsewhere`;
    expectOneLineError(runCli(['baseline'], { cwd: repo }), expected);
    expectOneLineError(runCli([], { cwd: repo }), expected);
    expect(readFileSync(join(top, 'outside/authorized_keys'), 'utf8')).toBe('ssh-ed25519 AAAA keep-me\n');
  });

  it('--baseline on the command line may name a file elsewhere', () => {
    const { top, repo } = repoAndOutside();
    expectExit(runCli(['baseline', '--baseline', join(top, 'outside/baseline.json')], { cwd: repo }), 0);
    expectExit(runCli(['--baseline', join(top, 'outside/baseline.json')], { cwd: repo }), 0);
  });

  it.each([
    ['a file above the repository', '../../../../etc/passwd'],
    ['the file system from the root', '../../../../'],
    ['a glob whose base is outside', '../outside/**/*.yaml'],
    ['an absolute path', '/etc/**'],
  ])('include: %s', { timeout: 30_000 }, (_name, glob) => {
    const { repo } = repoAndOutside({ 'repo/.svc-lint.yaml': `include:\n  - services/**\n  - ${JSON.stringify(glob)}\n` });
    expectOneLineError(
      runCli(['--format', 'json'], { cwd: repo }),
      `svc-lint: invalid config .svc-lint.yaml:3:5: include[1]: ${JSON.stringify(glob)} reaches outside the repository (${repo}); a config's paths must stay inside it`,
    );
  });

  it('exclude outside the repository is refused too', () => {
    const { repo } = repoAndOutside({ 'repo/.svc-lint.yaml': 'exclude: ["../outside/**"]\n' });
    expectOneLineError(runCli([], { cwd: repo }), /^svc-lint: invalid config \.svc-lint\.yaml:1:11: exclude\[0\]: "\.\.\/outside\/\*\*" reaches outside the repository/);
  });

  it('a link inside the repository to a directory outside it does not get round the rule', () => {
    const { top, repo } = repoAndOutside({ 'repo/.svc-lint.yaml': 'include: ["escape/*.service.yaml"]\n', 'outside/secret.service.yaml': pythonHot });
    symlinkSync(join(top, 'outside'), join(repo, 'escape'));
    expectOneLineError(runCli([], { cwd: repo }), /^svc-lint: invalid config \.svc-lint\.yaml:1:11: include\[0\]: "escape\/\*\.service\.yaml" reaches outside the repository/);
  });

  it('a config in a subdirectory may reach a sibling inside the same repository', () => {
    const { repo } = repoAndOutside({
      'repo/teams/payments/.svc-lint.yaml': 'include: ["../../services/**/service.yaml"]\n',
    });
    const run = runCli(['--format', 'json'], { cwd: join(repo, 'teams/payments') });
    expectExit(run, 1);
    expect(parseJsonReport(run).findings.map((finding) => `${finding.file} ${finding.ruleId}`)).toEqual([
      '../../services/orders/service.yaml hot-path-throughput',
    ]);
  });

  it('outside a repository the config directory is the boundary', () => {
    const top = makeWorkspace({ 'project/.svc-lint.yaml': 'include: ["../other/**"]\n', 'project/service.yaml': pythonHot });
    mkdirSync(join(top, 'other'));
    const before = listTree(top);
    expectOneLineError(
      runCli([], { cwd: join(top, 'project') }),
      `svc-lint: invalid config .svc-lint.yaml:1:11: include[0]: "../other/**" reaches outside the config's directory (${join(top, 'project')}); a config's paths must stay inside it`,
    );
    expect(listTree(top)).toEqual(before);
  });
});
