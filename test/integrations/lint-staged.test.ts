import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeWorkspace, manifest, parseJsonReport, removeWorkspaces, runCli } from '../cli/run-cli.js';
import { snippetFor } from './doc-snippets.js';
import { stagedPaths } from './manifest-paths.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

const hotPythonApi = manifest('checkout-api', ['language: python', 'workload: api', 'traffic:', '  peakRps: 15000']);

describe('files passed as absolute paths, as lint-staged passes them', () => {
  const root = makeWorkspace({
    'services/checkout/service.yaml': hotPythonApi,
    'services/search/service.yaml': manifest('search-api', ['language: python', 'workload: api', 'traffic:', '  peakRps: 20000']),
  });
  const staged = join(root, 'services/checkout/service.yaml');

  it('reports them relative to the directory svc-lint runs in, and reports only them', () => {
    const run = runCli(['--format', 'json', staged], { cwd: root });
    expect(run.status).toBe(1);
    const findings = parseJsonReport(run).findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId}`);
    expect(findings).toEqual(['services/checkout/service.yaml:6:13 hot-path-throughput']);
  });

  it('prints the same report as the repository-relative path pre-commit passes', () => {
    const absolute = runCli(['--format', 'compact', staged], { cwd: root });
    const relative = runCli(['--format', 'compact', 'services/checkout/service.yaml'], { cwd: root });
    expect(absolute.stdout).toBe(relative.stdout);
    expect(absolute.stdout).toMatch(/^services\/checkout\/service\.yaml: line 6, col 13, Error - .* \(hot-path-throughput\)\n$/);
  });

  it('still reads the configuration at the repository root', () => {
    const configured = makeWorkspace({
      '.svc-lint.yaml': 'rules:\n  hot-path-throughput: warning\n',
      'services/checkout/service.yaml': hotPythonApi,
    });
    const run = runCli(['--format', 'json', join(configured, 'services/checkout/service.yaml')], { cwd: configured });
    expect(run.status).toBe(0);
    expect(parseJsonReport(run).findings.map((finding) => [finding.file, finding.severity])).toEqual([
      ['services/checkout/service.yaml', 'warning'],
    ]);
  });
});

describe('the documented lint-staged glob', () => {
  const config = JSON.parse(snippetFor('package.json').text) as { 'lint-staged': Record<string, string> };
  const [glob, command] = Object.entries(config['lint-staged'])[0]!;

  it('runs svc-lint with the staged files appended', () => {
    expect(command).toBe('svc-lint');
  });

  // lint-staged matches with micromatch-style globs (dot files included); fast-glob follows the same syntax.
  it('selects the same paths as the pre-commit hook', () => {
    const root = makeWorkspace(Object.fromEntries(stagedPaths.map(([path]) => [path, ''])));
    writeFileSync(join(root, 'unrelated.txt'), '');
    const selected = fg.sync(glob, { cwd: root, dot: true }).sort();
    const manifests = stagedPaths.filter(([, isManifest]) => isManifest).map(([path]) => path).sort();
    expect(selected).toEqual(manifests);
  });
});
