import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, manifest, parseJsonReport, removeWorkspaces, runCli } from './run-cli.js';

/** A manifest that always yields exactly one finding, so each linted file shows up in the report. */
const flagged = (name: string) => manifest(name, ['language: python', 'workload: api', 'traffic:', '  peakRps: 15000']);

let root: string;
beforeAll(() => {
  root = makeWorkspace({
    'services/a/service.yaml': flagged('svc-a'),
    'services/b/service.yml': flagged('svc-b'),
    'services/c/api.service.yaml': flagged('svc-c'),
    'services/d/worker.service.yml': flagged('svc-d'),
    'services/e/deploy.yaml': flagged('svc-e'),
    'services/f/service.yaml.bak': flagged('svc-f'),
    'node_modules/some-package/service.yaml': flagged('svc-vendored'),
    'services/node_modules/nested/service.yaml': flagged('svc-nested-vendored'),
    '.git/service.yaml': flagged('svc-git'),
  });
});
afterAll(removeWorkspaces);

function lintedFiles(args: string[], cwd = root): string[] {
  const run = runCli(['--format', 'json', ...args], { cwd });
  return [...new Set(parseJsonReport(run).findings.map((finding) => finding.file))].sort();
}

const searchedNames = [
  'services/a/service.yaml',
  'services/b/service.yml',
  'services/c/api.service.yaml',
  'services/d/worker.service.yml',
];

describe('which files are linted', () => {
  it('searches the cwd when no path is given, by manifest name, skipping node_modules and .git', () => {
    expect(lintedFiles([])).toEqual(searchedNames);
  });

  it('searches a directory argument the same way', () => {
    expect(lintedFiles(['services'])).toEqual(searchedNames);
    expect(lintedFiles(['.'], `${root}/services/c`)).toEqual(['api.service.yaml']);
  });

  it('lints a file named explicitly whatever its name', () => {
    expect(lintedFiles(['services/e/deploy.yaml', 'services/f/service.yaml.bak'])).toEqual([
      'services/e/deploy.yaml',
      'services/f/service.yaml.bak',
    ]);
  });

  it('expands globs relative to the cwd', () => {
    expect(lintedFiles(['services/*/*.yml'])).toEqual(['services/b/service.yml', 'services/d/worker.service.yml']);
    expect(lintedFiles(['**/deploy.yaml'])).toEqual(['services/e/deploy.yaml']);
  });

  it('lints a file once when several arguments name it', () => {
    const run = runCli(['--format', 'json', 'services/a', 'services/a/service.yaml', 'services/*/service.yaml'], { cwd: root });
    const report = parseJsonReport(run);
    expect(report.summary).toMatchObject({ files: 1, services: 1, errors: 1 });
  });
});
