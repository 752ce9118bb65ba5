import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { snippetFor } from './doc-snippets.js';
import { stagedPaths } from './manifest-paths.js';
import { checkoutErrorInReport, checkoutManifest, gitProject, linkPackages, type GitProject } from './git-project.js';
import { commandExists, gitIn, isolatedEnv, repositoryRoot, runProcess, snapshotWorkingTree, type ProcessRun } from './processes.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

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

interface PreCommitConfig {
  repos: { repo: string; rev?: string; hooks: (Partial<HookDefinition> & { id: string })[] }[];
}

const hooks = parse(readFileSync(join(repositoryRoot, '.pre-commit-hooks.yaml'), 'utf8')) as HookDefinition[];
const packageJson = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as {
  bin: Record<string, string>;
  repository: { url: string };
};
const remoteSnippet = snippetFor('.pre-commit-config.yaml');
const localSnippet = snippetFor('.pre-commit-config.yaml', 'local');
const remoteConfig = parse(remoteSnippet.text) as PreCommitConfig;
const localConfig = parse(localSnippet.text) as PreCommitConfig;

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

describe('the documented pre-commit configurations', () => {
  it('install the hook from where the package says svc-lint lives, at a full commit id', () => {
    const [entry] = remoteConfig.repos;
    expect(remoteConfig.repos).toHaveLength(1);
    expect(`git+${entry!.repo}.git`).toBe(packageJson.repository.url);
    expect(entry!.rev).toMatch(/^[0-9a-f]{40}$/);
    expect(entry!.hooks).toEqual([{ id: 'svc-lint' }]);
  });

  it('run the installed svc-lint on the same files as the shipped hook, in the local variant', () => {
    const [entry] = localConfig.repos;
    expect(entry!.repo).toBe('local');
    expect(entry!.hooks).toEqual([
      { id: 'svc-lint', name: 'svc-lint', entry: 'npx --no svc-lint', language: 'system', files: hooks[0]!.files, require_serial: true },
    ]);
  });
});

const preCommitInstalled = commandExists('pre-commit');
if (!preCommitInstalled) {
  console.warn('pre-commit is not installed: skipping the end-to-end hook tests (apt-get install pre-commit, or pipx install pre-commit)');
}

/** How a hook run shows the checkout finding, whichever svc-lint version wrote it (the pinned one words it its way). */
const checkoutErrorOfAnyVersion = /^services\/checkout\/service\.yaml\n {2}7:13 +error +checkout-api declares 15,000 req\/s .*hot-path-throughput$/m;

function expectRefused(run: ProcessRun, report: RegExp): void {
  expect(run.output, 'pre-commit could not install the hook').not.toContain('An unexpected error has occurred');
  expect(run.status, run.output).toBe(1);
  expect(run.output).toMatch(/^svc-lint\.+Failed$/m);
  expect(run.output).toMatch(report);
}

/** Stages the checkout manifest with an error: the hook refuses the commit and shows the finding. */
function expectCheckoutErrorRefused(repository: GitProject, report: RegExp): void {
  repository.write('services/checkout/service.yaml', checkoutManifest(15000));
  expectRefused(repository.commit('Add the checkout service'), report);
  expect(repository.commitCount()).toBe(0);
}

/** Fixes the checkout manifest: the hook passes and the commit is made. */
function expectFixedCheckoutCommitted(repository: GitProject): void {
  repository.write('services/checkout/service.yaml', checkoutManifest(800));
  const run = repository.commit('Add the checkout service');
  expect(run.status, run.output).toBe(0);
  expect(run.output).toMatch(/^svc-lint\.+Passed$/m);
  expect(repository.commitCount()).toBe(1);
}

/** A fresh repository at `project`, with the pre-commit configuration `config` written as given and installed. */
function preCommitProject(project: string, env: NodeJS.ProcessEnv, config: string): GitProject {
  mkdirSync(project, { recursive: true });
  gitIn(project, env, 'init', '--quiet', '--initial-branch=main');
  const repository = gitProject(project, env);
  repository.write('.pre-commit-config.yaml', config);
  const install = runProcess('pre-commit', ['install'], project, env);
  expect(install.status, install.output).toBe(0);
  return repository;
}

// A first commit builds the hook's node environment (npm install, tsc, npm pack) on a busy two-core machine.
const buildTimeout = 600_000;
const commitTimeout = 120_000;

describe.skipIf(!preCommitInstalled)('the README pre-commit configuration, as written, under the real framework', () => {
  let sandbox: string;
  let project: string;
  let underTest: string;
  let env: NodeJS.ProcessEnv;
  let repository: GitProject;

  beforeAll(() => {
    sandbox = realpathSync(mkdtempSync(join(tmpdir(), 'svc-lint-pre-commit-')));
    const hookRepository = join(sandbox, 'svc-lint');
    project = join(sandbox, 'project');
    mkdirSync(hookRepository);
    // The pinned commit with its history, and the code under test as the newest commit on top of it.
    underTest = snapshotWorkingTree(hookRepository, remoteConfig.repos[0]!.rev);
    // git reads the configuration's URL as the copy of this repository: the file stays exactly as documented.
    env = isolatedEnv({
      PRE_COMMIT_HOME: join(sandbox, 'pre-commit-home'),
      PRE_COMMIT_COLOR: 'never',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: `url.${hookRepository}.insteadOf`,
      GIT_CONFIG_VALUE_0: remoteConfig.repos[0]!.repo,
    });
    repository = preCommitProject(project, env, remoteSnippet.text);
  }, commitTimeout);

  // The sandbox holds the hook's whole node environment: removing it takes seconds on a busy machine.
  afterAll(() => {
    if (sandbox) rmSync(sandbox, { recursive: true, force: true });
  }, 60_000);

  it('installs the pinned commit, which refuses a commit that stages a manifest with an error', () => {
    expectCheckoutErrorRefused(repository, checkoutErrorOfAnyVersion);
  }, buildTimeout);

  it('pre-commit autoupdate moves rev to the newest commit, and changes nothing else', () => {
    const update = runProcess('pre-commit', ['autoupdate'], project, env, commitTimeout);
    expect(update.status, update.output).toBe(0);
    const updated = readFileSync(join(project, '.pre-commit-config.yaml'), 'utf8');
    expect(updated).toBe(remoteSnippet.text.replace(remoteConfig.repos[0]!.rev!, underTest));
  }, commitTimeout);

  it('the code under test refuses the same commit and shows the finding with its file and line', () => {
    expectCheckoutErrorRefused(repository, checkoutErrorInReport);
  }, buildTimeout);

  it('lets the manifest through once the error is fixed', () => {
    expectFixedCheckoutCommitted(repository);
  }, commitTimeout);

  it('does not run on YAML files that are not manifests', () => {
    repository.write('notes/checkout.yaml', checkoutManifest(15000));
    const run = repository.commit('Keep a note');
    expect(run.status, run.output).toBe(0);
    expect(run.output).toMatch(/^svc-lint\.+\(no files to check\)Skipped$/m);
    expect(repository.commitCount()).toBe(2);
  }, commitTimeout);
});

describe.skipIf(!preCommitInstalled)('the README repo: local configuration, as written, in a project that installs svc-lint', () => {
  let sandbox: string;
  let repository: GitProject;

  beforeAll(() => {
    sandbox = realpathSync(mkdtempSync(join(tmpdir(), 'svc-lint-pre-commit-local-')));
    const project = join(sandbox, 'project');
    const env = isolatedEnv({ PRE_COMMIT_HOME: join(sandbox, 'pre-commit-home'), PRE_COMMIT_COLOR: 'never' });
    repository = preCommitProject(project, env, localSnippet.text);
    repository.write('.gitignore', 'node_modules/\n');
    linkPackages(project, ['svc-lint']);
  }, commitTimeout);

  afterAll(() => {
    if (sandbox) rmSync(sandbox, { recursive: true, force: true });
  });

  it('refuses a commit that stages a manifest with an error', () => {
    expectCheckoutErrorRefused(repository, checkoutErrorInReport);
  }, commitTimeout);

  it('lets the manifest through once the error is fixed', () => {
    expectFixedCheckoutCommitted(repository);
  }, commitTimeout);
});
