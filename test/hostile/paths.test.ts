import { chmodSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadManifestSource, sourceLimits } from '../../src/sources/manifest/source.js';
import { setUp } from '../../src/ruleset/setup.js';
import { makeWorkspace, manifest, parseJsonReport, removeWorkspaces, runCli } from '../cli/run-cli.js';
import { expectExit, expectOneLineError } from './support.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

const goApi = (name: string) => manifest(name, ['language: go', 'workload: api']);
const searched = 'a directory is searched for service.yaml, *.service.yaml, catalog-info.yaml and *.catalog-info.yaml, or .yml';
const pythonHot = (name: string) => manifest(name, ['language: python', 'workload: api', 'traffic:', '  peakRps: 50000']);

describe('paths that lead nowhere', () => {
  it('a path that does not exist: exit 2 with one line', () => {
    const root = makeWorkspace({ 'service.yaml': goApi('orders') });
    expectOneLineError(runCli(['missing/service.yaml'], { cwd: root }), 'svc-lint: no such file or directory: missing/service.yaml');
  });

  it('a directory without manifests: exit 2 with one line naming it and what a directory is searched for', () => {
    const root = makeWorkspace({ 'empty/README.md': '# nothing to lint\n' });
    expectOneLineError(runCli(['empty', '--format', 'compact'], { cwd: root }), `svc-lint: no svc-lint manifest found for empty (${searched})`);
  });

  it('a directory without manifests with --no-error-on-unmatched-pattern: exit 0 with the same line as a note', () => {
    const root = makeWorkspace({ 'empty/README.md': '# nothing to lint\n' });
    const run = runCli(['empty', '--format', 'compact', '--no-error-on-unmatched-pattern'], { cwd: root });
    expectExit(run, 0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`svc-lint: no svc-lint manifest found for empty (${searched})\n`);
  });

  it('a glob that matches nothing: exit 2, or 0 with a note and an empty report with --no-error-on-unmatched-pattern', () => {
    const root = makeWorkspace({ 'service.yaml': goApi('orders') });
    expectOneLineError(runCli(['nowhere/**/*.yaml', '--format', 'json'], { cwd: root }), 'svc-lint: no svc-lint manifest found for nowhere/**/*.yaml');
    const run = runCli(['nowhere/**/*.yaml', '--format', 'json', '--no-error-on-unmatched-pattern'], { cwd: root });
    expectExit(run, 0);
    expect(parseJsonReport(run).summary.files).toBe(0);
    expect(run.stderr).toBe('svc-lint: no svc-lint manifest found for nowhere/**/*.yaml\n');
  });

  it('a matching pattern beside one that matches nothing: exit 2 naming only the empty one, or a lint with a note', () => {
    const root = makeWorkspace({ 'a/service.yaml': pythonHot('orders'), 'b/README.md': '' });
    expectOneLineError(runCli(['a', 'b', '--format', 'compact'], { cwd: root }), `svc-lint: no svc-lint manifest found for b (${searched})`);
    const run = runCli(['a', 'b', '--format', 'compact', '--no-error-on-unmatched-pattern'], { cwd: root });
    expectExit(run, 1);
    expect(run.stdout).toMatch(/^a\/service\.yaml: line 6, col 13, Error - .* \(hot-path-throughput\)\n$/);
    expect(run.stderr).toBe(`svc-lint: no svc-lint manifest found for b (${searched})\n`);
  });

  it('with no paths, a directory without manifests fails as ESLint does for "eslint ."', () => {
    const root = makeWorkspace({ 'README.md': '# nothing to lint\n' });
    expectOneLineError(runCli([], { cwd: root }), `svc-lint: no svc-lint manifest found for . (${searched})`);
  });
});

describe('symbolic links', () => {
  it('a symlink loop under a scanned directory: the search ends and the real files are linted', () => {
    const root = makeWorkspace({ 'services/orders/service.yaml': pythonHot('orders') });
    symlinkSync('..', join(root, 'services/orders/parent'));
    symlinkSync('.', join(root, 'services/self'));
    mkdirSync(join(root, 'services/a'));
    mkdirSync(join(root, 'services/b'));
    symlinkSync('../b', join(root, 'services/a/to-b'));
    symlinkSync('../a', join(root, 'services/b/to-a'));
    const run = runCli(['services', '--format', 'json'], { cwd: root });
    expectExit(run, 1);
    const report = parseJsonReport(run);
    expect(report.summary.files).toBe(1);
    expect(report.findings.map((f) => `${f.file} ${f.line}:${f.column} ${f.ruleId}`)).toEqual([
      'services/orders/service.yaml 6:13 hot-path-throughput',
    ]);
  });

  it('a symlink to a missing file under a scanned directory is passed over', () => {
    const root = makeWorkspace({ 'service.yaml': goApi('orders') });
    symlinkSync('gone.yaml', join(root, 'dangling.service.yaml'));
    const run = runCli(['--format', 'json'], { cwd: root });
    expectExit(run, 0);
    expect(parseJsonReport(run).summary).toMatchObject({ files: 1, services: 1 });
  });

  it('an explicitly named symlink to a manifest is linted', () => {
    const root = makeWorkspace({ 'real/service.yaml': pythonHot('orders') });
    symlinkSync('real/service.yaml', join(root, 'link.service.yaml'));
    const run = runCli(['link.service.yaml', '--format', 'json'], { cwd: root });
    expectExit(run, 1);
    const report = parseJsonReport(run);
    expect(report.findings.map((f) => `${f.file} ${f.line}:${f.column} ${f.ruleId}`)).toEqual(['link.service.yaml 6:13 hot-path-throughput']);
  });

  it('a directory searched through a symlink and a manifest in it named by its real path are one file', () => {
    const root = makeWorkspace({ 'real/orders/service.yaml': pythonHot('orders') });
    symlinkSync('real', join(root, 'alias'));
    const run = runCli(['alias', 'real/orders/service.yaml', '--format', 'json'], { cwd: root });
    expectExit(run, 1);
    const report = parseJsonReport(run);
    expect(report.findings.map((f) => `${f.file} ${f.ruleId}`)).toEqual(['alias/orders/service.yaml hot-path-throughput']);
    expect(report.summary).toMatchObject({ files: 1, services: 1, errors: 1 });
  });

  it('a manifest named both directly and through a symlink is linted once, without a duplicate of itself', () => {
    const root = makeWorkspace({ 'real/service.yaml': pythonHot('orders') });
    symlinkSync('real/service.yaml', join(root, 'link.service.yaml'));
    const run = runCli(['real/service.yaml', 'link.service.yaml', '--format', 'json'], { cwd: root });
    expectExit(run, 1);
    const report = parseJsonReport(run);
    expect(report.findings.map((f) => f.ruleId)).toEqual(['hot-path-throughput']);
    expect(report.summary).toMatchObject({ files: 1, services: 1, errors: 1 });
  });
});

describe('files that cannot be read', () => {
  it('a file the system refuses to read (EIO) is a manifest-syntax finding, and the other files are still linted', () => {
    const root = makeWorkspace({ 'ok/service.yaml': pythonHot('orders') });
    // /proc/self/mem stats as a regular file but reading it from offset 0 fails with EIO, even for root.
    symlinkSync('/proc/self/mem', join(root, 'mem.service.yaml'));
    const run = runCli(['mem.service.yaml', 'ok', '--format', 'compact'], { cwd: root });
    expectExit(run, 1);
    expect(run.stdout.split('\n')[0]).toBe('mem.service.yaml: line 1, col 1, Error - cannot read the file (EIO) (manifest-syntax)');
    expect(run.stdout.split('\n')[1]).toMatch(/^ok\/service\.yaml: line 6, col 13, Error - .*\(hot-path-throughput\)$/);
  });

  it('a path that turns out to be a directory when read is a "cannot read" finding (EISDIR)', () => {
    const root = makeWorkspace({ 'dir.service.yaml/keep': '' });
    const { languages } = setUp({ cwd: root, config: false });
    const source = loadManifestSource({ path: join(root, 'dir.service.yaml'), displayPath: 'dir.service.yaml' }, languages, sourceLimits(10));
    expect(source.services).toEqual([]);
    expect(source.findings).toEqual([
      {
        ruleId: 'manifest-syntax',
        messageId: 'default',
        data: { reason: 'cannot read the file (EISDIR)', code: 'EISDIR' },
        file: 'dir.service.yaml',
        range: { line: 1, column: 1, endLine: 1, endColumn: 1 },
      },
    ]);
  });

  it('a file removed between the search and the read is a "cannot read" finding (ENOENT)', () => {
    const root = makeWorkspace();
    const { languages } = setUp({ cwd: root, config: false });
    const source = loadManifestSource({ path: join(root, 'gone.service.yaml'), displayPath: 'gone.service.yaml' }, languages, sourceLimits(10));
    expect(source.findings.map((finding) => finding.data)).toEqual([{ reason: 'cannot read the file (ENOENT)', code: 'ENOENT' }]);
  });

  it.skipIf(process.getuid?.() === 0)('a file without read permission is a "cannot read" finding (EACCES)', () => {
    const root = makeWorkspace({ 'locked.service.yaml': goApi('orders') });
    chmodSync(join(root, 'locked.service.yaml'), 0o000);
    const run = runCli(['--format', 'compact'], { cwd: root });
    chmodSync(join(root, 'locked.service.yaml'), 0o644);
    expectExit(run, 1);
    expect(run.stdout).toBe('locked.service.yaml: line 1, col 1, Error - cannot read the file (EACCES) (manifest-syntax)\n');
    expect(existsSync(join(root, 'locked.service.yaml'))).toBe(true);
  });
});
