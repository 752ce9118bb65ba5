import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { snippetFor } from './doc-snippets.js';
import { checkoutErrorInReport, checkoutManifest, gitProject, linkPackages, type GitProject } from './git-project.js';
import { gitIn, isolatedEnv, runProcess } from './processes.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

// The setup the integration docs describe, run for real: husky's hook calls lint-staged, which calls svc-lint.
describe('the documented husky and lint-staged setup, in a real repository', () => {
  let sandbox: string;
  let project: string;
  let env: NodeJS.ProcessEnv;
  let write: GitProject['write'];
  let commit: GitProject['commit'];
  let commitCount: GitProject['commitCount'];

  beforeAll(() => {
    sandbox = realpathSync(mkdtempSync(join(tmpdir(), 'svc-lint-husky-')));
    project = join(sandbox, 'project');
    mkdirSync(project);
    env = isolatedEnv({ npm_config_offline: 'true', npm_config_update_notifier: 'false' });
    gitIn(project, env, 'init', '--quiet', '--initial-branch=main');
    ({ write, commit, commitCount } = gitProject(project, env));
    const documented = JSON.parse(snippetFor('package.json').text) as Record<string, unknown>;
    write('package.json', `${JSON.stringify({ name: 'fleet', private: true, ...documented }, null, 2)}\n`);
    write('.gitignore', 'node_modules/\n');
    linkPackages(project, ['svc-lint', 'husky', 'lint-staged']);
    const init = runProcess('npx', ['husky', 'init'], project, env);
    expect(init.status, init.output).toBe(0);
    write('.husky/pre-commit', snippetFor('.husky/pre-commit').text);
    const first = commit('Set up the hooks');
    expect(first.status, first.output).toBe(0);
  }, 60_000);

  afterAll(() => {
    if (sandbox) rmSync(sandbox, { recursive: true, force: true });
  });

  it('husky init kept the prepare script of the snippet and pointed git at the hooks', () => {
    expect(JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'))).toMatchObject({ scripts: { prepare: 'husky' } });
    expect(gitIn(project, env, 'config', 'core.hooksPath').stdout.trim()).toBe('.husky/_');
  });

  it('refuses a commit that stages a manifest with an error, and shows the finding with its file and line', () => {
    write('services/checkout/service.yaml', checkoutManifest(15000));
    const run = commit('Add the checkout service');
    expect(run.status, run.output).not.toBe(0);
    expect(run.output).toMatch(checkoutErrorInReport);
    expect(commitCount()).toBe(1);
  }, 60_000);

  it('lets the manifest through once the error is fixed', () => {
    write('services/checkout/service.yaml', checkoutManifest(800));
    const run = commit('Add the checkout service');
    expect(run.status, run.output).toBe(0);
    expect(commitCount()).toBe(2);
  }, 60_000);

  it('does not run svc-lint on YAML files that are not manifests', () => {
    write('notes/checkout.yaml', checkoutManifest(15000));
    const run = commit('Keep a note');
    expect(run.status, run.output).toBe(0);
    expect(run.output).not.toMatch(/svc-lint|hot-path-throughput/);
    expect(commitCount()).toBe(3);
  }, 60_000);
});
