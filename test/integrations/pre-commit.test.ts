import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { snippetFor } from './doc-snippets.js';
import { stagedPaths } from './manifest-paths.js';
import { checkoutErrorInReport, checkoutManifest, gitProject, type GitProject } from './git-project.js';
import { commandExists, gitIn, isolatedEnv, repositoryRoot, runProcess, snapshotWorkingTree } from './processes.js';

interface HookDefinition {
  id: string;
  name: string;
  description: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames?: boolean;
  require_serial?: boolean;
}

const hooks = parse(readFileSync(join(repositoryRoot, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[];
const packageJson = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> };

describe('.pre-commit-hooks.yaml', () => {
  const hook = hooks[0]!;

  it('declares one node hook that runs the package bin serially on the staged files', () => {
    expect(hooks).toHaveLength(1);
    expect(hook).toMatchObject({ id: 'svc-lint', name: 'svc-lint', entry: 'svc-lint', language: 'node', require_serial: true });
    expect(hook.pass_filenames ?? true).toBe(true);
    expect(packageJson.bin[hook.entry]).toBe('dist/bin.js');
  });

  // pre-commit applies `files` with Python's re.search; this pattern means the same under JavaScript's RegExp.
  it.each(stagedPaths)('files selects %s: %s', (path, isManifest) => {
    expect(new RegExp(hook.files).test(path)).toBe(isManifest);
  });
});

/** The documented configuration, pointed at a local repository and commit. */
function preCommitConfig(hookRepository: string, rev: string): string {
  const document = parseDocument(snippetFor('.pre-commit-config.yaml').text);
  document.setIn(['repos', 0, 'repo'], hookRepository);
  document.setIn(['repos', 0, 'rev'], rev);
  return document.toString();
}

const preCommitInstalled = commandExists('pre-commit');
if (!preCommitInstalled) {
  console.warn('pre-commit is not installed: skipping the end-to-end hook test (apt-get install pre-commit, or pipx install pre-commit)');
}

describe.skipIf(!preCommitInstalled)('the svc-lint hook under the real pre-commit framework', () => {
  let sandbox: string;
  let project: string;
  let env: NodeJS.ProcessEnv;
  let write: GitProject['write'];
  let commit: GitProject['commit'];
  let commitCount: GitProject['commitCount'];

  beforeAll(() => {
    sandbox = realpathSync(mkdtempSync(join(tmpdir(), 'svc-lint-pre-commit-')));
    const hookRepository = join(sandbox, 'svc-lint');
    project = join(sandbox, 'project');
    mkdirSync(hookRepository);
    mkdirSync(project);
    const rev = snapshotWorkingTree(hookRepository);
    env = isolatedEnv({ PRE_COMMIT_HOME: join(sandbox, 'pre-commit-home'), PRE_COMMIT_COLOR: 'never' });
    gitIn(project, env, 'init', '--quiet', '--initial-branch=main');
    ({ write, commit, commitCount } = gitProject(project, env));
    write('.pre-commit-config.yaml', preCommitConfig(hookRepository, rev));
    const install = runProcess('pre-commit', ['install'], project, env);
    expect(install.status, install.output).toBe(0);
  }, 60_000);

  // The sandbox holds the hook's whole node environment: removing it takes seconds on a busy machine.
  afterAll(() => {
    if (sandbox) rmSync(sandbox, { recursive: true, force: true });
  }, 60_000);

  // The first commit builds the hook's node environment (npm install, tsc, npm pack); the later ones reuse it.
  it('refuses a commit that stages a manifest with an error, and shows the finding with its file and line', () => {
    write('services/checkout/service.yaml', checkoutManifest(15000));
    const run = commit('Add the checkout service');
    expect(run.output, 'pre-commit could not install the hook').not.toContain('An unexpected error has occurred');
    expect(run.status, run.output).toBe(1);
    expect(run.output).toMatch(/^svc-lint\.+Failed$/m);
    expect(run.output).toMatch(checkoutErrorInReport);
    expect(commitCount()).toBe(0);
  }, 240_000);

  it('lets the manifest through once the error is fixed', () => {
    write('services/checkout/service.yaml', checkoutManifest(800));
    const run = commit('Add the checkout service');
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(/^svc-lint\.+Passed$/m);
    expect(commitCount()).toBe(1);
  }, 120_000);

  it('does not run on YAML files that are not manifests', () => {
    write('notes/checkout.yaml', checkoutManifest(15000));
    const run = commit('Keep a note');
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(/^svc-lint\.+\(no files to check\)Skipped$/m);
    expect(commitCount()).toBe(2);
  }, 120_000);
});
