import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeWorkspace, manifest, removeWorkspaces, runCli } from '../cli/run-cli.js';
import { expectExit, expectOneLineError, listTree, temporaryFilesIn } from './support.js';
import { slowTestTimeout } from '../timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

const pythonHot = manifest('orders', ['language: python', 'workload: api', 'traffic:', '  peakRps: 50000']);

function workspace(extra: Record<string, string> = {}): string {
  return makeWorkspace({ 'services/orders/service.yaml': pythonHot, ...extra });
}

describe('report files', () => {
  it('--output-file creates missing parent directories and holds what stdout would', () => {
    const root = workspace();
    const toStdout = runCli(['services', '--format', 'json'], { cwd: root });
    const run = runCli(['services', '--format', 'json', '--output-file', 'reports/ci/2026/lint.json'], { cwd: root });
    expectExit(run, 1);
    expect(run.stdout).toBe('');
    expect(readFileSync(join(root, 'reports/ci/2026/lint.json'), 'utf8')).toBe(toStdout.stdout);
  });

  it('--format name:path creates the parent directories of every report', () => {
    const root = workspace();
    const run = runCli(['services', '--format', 'json:a/b/lint.json', '--format', 'sarif:c/d/lint.sarif', '--format', 'compact'], { cwd: root });
    expectExit(run, 1);
    expect(run.stdout).toMatch(/^services\/orders\/service\.yaml: line 6, col 13, Error - /);
    expect(JSON.parse(readFileSync(join(root, 'a/b/lint.json'), 'utf8')).summary.errors).toBe(1);
    expect(JSON.parse(readFileSync(join(root, 'c/d/lint.sarif'), 'utf8')).runs[0].results).toHaveLength(1);
    expect(temporaryFilesIn(root)).toEqual([]);
  });

  it('replaces an existing report whole', () => {
    const root = workspace({ 'out/lint.json': 'old report, much longer than nothing at all'.repeat(1000) });
    expectExit(runCli(['services', '--format', 'json:out/lint.json'], { cwd: root }), 1);
    expect(JSON.parse(readFileSync(join(root, 'out/lint.json'), 'utf8')).summary.errors).toBe(1);
  });
});

describe('report paths that cannot be written: exit 2, one line, nothing left behind', () => {
  it('a parent that is a regular file', () => {
    const root = workspace({ 'notes.txt': 'keep me\n' });
    const before = listTree(root);
    expectOneLineError(runCli(['services', '--output-file', 'notes.txt/lint.json'], { cwd: root }), /^svc-lint: cannot write notes\.txt\/lint\.json: \S+/);
    expect(readFileSync(join(root, 'notes.txt'), 'utf8')).toBe('keep me\n');
    expect(listTree(root)).toEqual(before);
  });

  it('a grandparent that is a regular file', () => {
    const root = workspace({ 'notes.txt': 'keep me\n' });
    const before = listTree(root);
    expectOneLineError(runCli(['services', '--format', 'json:notes.txt/sub/lint.json'], { cwd: root }), 'svc-lint: cannot write notes.txt/sub/lint.json: notes.txt is a file, not a directory');
    expect(listTree(root)).toEqual(before);
  });

  it('a path that is an existing directory', () => {
    const root = workspace();
    mkdirSync(join(root, 'out'));
    const before = listTree(root);
    expectOneLineError(runCli(['services', '--format', 'sarif:out'], { cwd: root }), 'svc-lint: cannot write out: EISDIR');
    expect(listTree(root)).toEqual(before);
  });

  it('the same holds for graph, report and baseline files', () => {
    const root = workspace({ 'notes.txt': 'keep me\n' });
    const before = listTree(root);
    for (const args of [
      ['graph', 'services', '--format', 'dot:notes.txt/graph.dot'],
      ['report', 'services', '--format', 'json:notes.txt/capacity.json'],
      ['baseline', 'services', '--baseline', 'notes.txt/baseline.json'],
    ]) {
      const run = runCli(args, { cwd: root });
      expectOneLineError(run, /^svc-lint: cannot write notes\.txt\/\S+: notes\.txt is a file, not a directory$/);
    }
    expect(listTree(root)).toEqual(before);
  });

  it('a second report that fails leaves the first one complete and no temporary file', () => {
    const root = workspace({ 'notes.txt': 'keep me\n' });
    const run = runCli(['services', '--format', 'json:out/lint.json', '--format', 'sarif:notes.txt/lint.sarif'], { cwd: root });
    expectOneLineError(run, /^svc-lint: cannot write notes\.txt\/lint\.sarif: notes\.txt is a file, not a directory$/);
    if (existsSync(join(root, 'out/lint.json'))) {
      expect(JSON.parse(readFileSync(join(root, 'out/lint.json'), 'utf8')).summary.errors).toBe(1);
    }
    expect(temporaryFilesIn(root)).toEqual([]);
  });

  it.skipIf(process.getuid?.() === 0)('a read-only directory', () => {
    const root = workspace();
    mkdirSync(join(root, 'locked'));
    chmodSync(join(root, 'locked'), 0o555);
    const run = runCli(['services', '--format', 'json:locked/lint.json'], { cwd: root });
    chmodSync(join(root, 'locked'), 0o755);
    expectOneLineError(run, 'svc-lint: cannot write locked/lint.json: EACCES');
    expect(listTree(join(root, 'locked'))).toEqual([]);
  });

  it('the message when the parent is a file says so, not only a system error code', () => {
    const root = workspace({ 'notes.txt': 'keep me\n' });
    const run = runCli(['services', '--output-file', 'notes.txt/lint.json'], { cwd: root });
    expectOneLineError(run, /^svc-lint: cannot write notes\.txt\/lint\.json: .*not a directory/i);
  });
});
