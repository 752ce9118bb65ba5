import { spawnSync } from 'node:child_process';
import { copyFileSync, lstatSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export interface ProcessRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** stdout then stderr, for assertions on what a user would see in the terminal. */
  output: string;
}

export function runProcess(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs = 60_000): ProcessRun {
  const result = spawnSync(command, [...args], { cwd, env, encoding: 'utf8', timeout: timeoutMs });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}${result.stderr}` };
}

export function commandExists(command: string): boolean {
  const result = spawnSync(command, ['--version'], { encoding: 'utf8' });
  return result.error === undefined && result.status === 0;
}

/**
 * The caller's environment without what would leak into a nested git or npm: an enclosing hook's GIT_DIR, the
 * npm_config_* variables npm sets for scripts, NODE_ENV (npm omits dev dependencies under production) and colour
 * settings.
 */
function environmentWithoutLeaks(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    const leaks = /^(GIT_|npm_)/i.test(name) || ['NODE_ENV', 'NO_COLOR', 'FORCE_COLOR'].includes(name);
    if (!leaks) env[name] = value;
  }
  return env;
}

/** Also keeps git from reading user or system configuration, so a global core.hooksPath or commit signing cannot interfere. */
export function isolatedEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...environmentWithoutLeaks(),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_AUTHOR_NAME: 'svc-lint tests',
    GIT_AUTHOR_EMAIL: 'tests@svc-lint.invalid',
    GIT_COMMITTER_NAME: 'svc-lint tests',
    GIT_COMMITTER_EMAIL: 'tests@svc-lint.invalid',
    NO_COLOR: '1',
    ...overrides,
  };
}

function git(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): string {
  const run = runProcess('git', args, cwd, env);
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}:\n${run.output}`);
  return run.stdout;
}

/**
 * Commits this repository's working tree as it is (tracked files with their uncommitted changes, and untracked files
 * git does not ignore) into a new repository at `destination`, and returns the commit's id. The hook is installed
 * from that commit, so the test exercises the code under test rather than the last commit. With `parent`, a commit of
 * this repository, the new repository holds that commit's history and the snapshot is committed on top of it.
 */
export function snapshotWorkingTree(destination: string, parent?: string): string {
  const listed = git(['ls-files', '-z', '--cached', '--others', '--exclude-standard'], repositoryRoot, environmentWithoutLeaks());
  const paths = [...new Set(listed.split('\0').filter((path) => path !== ''))];
  for (const path of paths) {
    const source = join(repositoryRoot, path);
    const stats = lstatSync(source, { throwIfNoEntry: false });
    if (!stats?.isFile()) continue;
    mkdirSync(dirname(join(destination, path)), { recursive: true });
    copyFileSync(source, join(destination, path));
  }
  const env = isolatedEnv();
  git(['init', '--quiet', '--initial-branch=main'], destination, env);
  if (parent !== undefined) {
    const fetched = runProcess('git', ['fetch', '--quiet', repositoryRoot, parent], destination, env);
    if (fetched.status !== 0) throw new Error(`this repository's history lacks ${parent} (a shallow clone?): ${fetched.output}`);
    git(['update-ref', 'refs/heads/main', parent], destination, env);
  }
  git(['add', '--all'], destination, env);
  git(['commit', '--quiet', '--no-verify', '--message', 'working tree snapshot'], destination, env);
  return git(['rev-parse', 'HEAD'], destination, env).trim();
}

export function gitIn(repository: string, env: NodeJS.ProcessEnv, ...args: string[]): ProcessRun {
  return runProcess('git', args, repository, env, 300_000);
}
