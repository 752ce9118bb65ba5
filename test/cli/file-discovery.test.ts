import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeWorkspace, manifest, parseJsonReport, removeWorkspaces, runCli } from './run-cli.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

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

describe('what is svc-lint\'s: content decides', () => {
  const kubernetesService = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  type: ClusterIP\n';
  const unmarked = 'kind: Service\nmetadata:\n  name: orders\nspec:\n  language: go\n  workload: api\n';
  let content: string;
  beforeAll(() => {
    content = makeWorkspace({
      'k8s/service.yaml': kubernetesService,
      'mixed/service.yaml': `${flagged('svc-mixed')}---\n${kubernetesService}---\n${unmarked}`,
      'unmarked/service.yaml': unmarked,
      'empty/service.yaml': '# nothing yet\n',
      'broken/service.yaml': 'apiVersion: svc-lint/v1\nkind: Service\nmetadata:\n\tname: broken\n',
      'skeleton/service.yaml': manifest('${{ values.name }}', ['language: go', 'workload: api']),
      'chart/templates/service.yaml': '{{- if .Values.enabled }}\napiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n{{- end }}\n',
    });
  });

  function debugLines(run: ReturnType<typeof runCli>): string[] {
    return run.stderr.split('\n').filter((line) => line.startsWith('svc-lint: skipped '));
  }

  it('lints a searched file only for its svc-lint documents, and judges an unmarked document in a file that is ours', () => {
    const run = runCli(['--format', 'json', '--debug'], { cwd: content });
    const report = parseJsonReport(run);
    expect([...new Set(report.findings.map((finding) => finding.file))].sort()).toEqual(['broken/service.yaml', 'mixed/service.yaml']);
    const mixed = report.findings.filter((finding) => finding.file === 'mixed/service.yaml').map((finding) => `${finding.line} ${finding.ruleId}`);
    expect(mixed).toEqual(['6 hot-path-throughput', '18 manifest-schema']);
    expect(report.findings.find((finding) => finding.file === 'broken/service.yaml')?.ruleId).toBe('manifest-syntax');
    expect(report.summary).toMatchObject({ files: 2, skipped: 5 });
    expect(debugLines(run)).toEqual([
      "svc-lint: skipped chart/templates/service.yaml: another tool's document (apiVersion: v1, kind: Service)",
      'svc-lint: skipped empty/service.yaml: empty, or only comments',
      "svc-lint: skipped k8s/service.yaml: another tool's document (apiVersion: v1, kind: Service)",
      "svc-lint: skipped mixed/service.yaml:11: another tool's document (apiVersion: v1, kind: Service)",
      'svc-lint: skipped skeleton/service.yaml: a Backstage scaffolder template (${{ … }})',
      'svc-lint: skipped unmarked/service.yaml: no apiVersion (an svc-lint manifest starts with apiVersion: svc-lint/v1)',
    ]);
  });

  it('judges a named file as before, but for documents clearly another tool\'s', () => {
    const run = runCli(
      ['unmarked/service.yaml', 'empty/service.yaml', 'skeleton/service.yaml', 'chart/templates/service.yaml', '--format', 'json'],
      { cwd: content },
    );
    const report = parseJsonReport(run);
    expect(report.findings.map((finding) => `${finding.file} ${finding.ruleId} ${finding.message}`)).toEqual([
      'empty/service.yaml manifest-schema (file) declares no service: it is empty or holds only comments',
      'unmarked/service.yaml manifest-schema (document) is missing the required property "apiVersion"',
    ]);
    // A template is the skeleton of a manifest, whoever names it: skipped with a note, as README says.
    expect(run.stderr).toBe(
      "svc-lint: chart/templates/service.yaml holds no svc-lint manifest (another tool's document (apiVersion: v1, kind: Service)): skipped\n" +
        "svc-lint: skeleton/service.yaml holds no svc-lint manifest (a Backstage scaffolder template (${{ … }})): skipped\n",
    );
    expect(report.summary).toMatchObject({ files: 2, skipped: 2 });
  });

  it('tells the library caller what it skipped and why', async () => {
    const { lint } = await import('../../src/index.js');
    const result = await lint({ cwd: content, patterns: ['k8s', 'mixed'], config: false, workspace: false });
    expect(result.skipped).toEqual([
      { file: 'k8s/service.yaml', reason: "another tool's document (apiVersion: v1, kind: Service)" },
      { file: 'mixed/service.yaml', line: 11, reason: "another tool's document (apiVersion: v1, kind: Service)" },
    ]);
    expect(result.summary.skipped).toBe(1);
    expect(result.files).toEqual(['mixed/service.yaml']);
  });
});
