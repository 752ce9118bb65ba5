import { execFileSync, spawn } from 'node:child_process';
import { linkSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { builtBinary, childEnv, makeWorkspace, manifest, removeWorkspaces, runCli } from '../cli/run-cli.js';
import { expectExit, expectOneLineError, listTree, temporaryFilesIn } from './support.js';
import { slowTestTimeout } from '../timeouts.js';
import { cacheEntries } from '../support/cache-file.js';

vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

const pythonHot = manifest('orders', ['language: python', 'workload: api', 'traffic:', '  peakRps: 50000']);
const isRoot = process.getuid?.() === 0;

/** A workspace whose one manifest has a name svc-lint would not search for: only naming it on the command line lints it. */
function apiWorkspace(extra: Record<string, string> = {}): string {
  return makeWorkspace({ 'api.yaml': pythonHot, ...extra });
}

/** Every file's text and kind, to show that nothing was touched. */
function contents(root: string): Record<string, string> {
  return Object.fromEntries(
    listTree(root).map((path) => {
      const stats = lstatSync(join(root, path));
      if (stats.isFile()) return [path, readFileSync(join(root, path), 'utf8')];
      return [path, stats.isSymbolicLink() ? 'link' : stats.isCharacterDevice() ? 'character device' : stats.isFIFO() ? 'fifo' : 'directory'];
    }),
  );
}

/**
 * A character device that refuses every write with ENOSPC, like /dev/full, made inside the workspace when svc-lint runs
 * as root (the usual CI container): if writing ever replaced a device again, only this copy would suffer.
 */
function fullDevice(root: string): string {
  if (!isRoot) return '/dev/full';
  execFileSync('mknod', [join(root, 'full'), 'c', '1', '7']);
  return 'full';
}

describe('special files are written in place, never replaced', { timeout: 30_000 }, () => {
  it('-o on a device that is full: one line with ENOSPC, exit 2, and the device is still a device', () => {
    const root = apiWorkspace();
    const device = fullDevice(root);
    expectOneLineError(runCli(['api.yaml', '-f', 'json', '-o', device], { cwd: root }), `svc-lint: cannot write ${device}: ENOSPC`);
    expect(statSync(join(root, device)).isCharacterDevice()).toBe(true);
    expect(temporaryFilesIn(root)).toEqual([]);
  });

  it('-o through a link to /dev/null writes nothing anywhere and keeps the link', () => {
    const root = apiWorkspace();
    symlinkSync('/dev/null', join(root, 'discard'));
    const before = contents(root);
    const run = runCli(['api.yaml', '-f', 'sarif', '-o', 'discard'], { cwd: root });
    expectExit(run, 1);
    expect({ stdout: run.stdout, stderr: run.stderr }).toEqual({ stdout: '', stderr: '' });
    expect(contents(root)).toEqual(before);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('-o to a link like /dev/stdout (into /proc/self/fd) writes to stdout and keeps the link', () => {
    const root = apiWorkspace();
    symlinkSync('/proc/self/fd/1', join(root, 'stdout'));
    const run = runCli(['api.yaml', '-f', 'json', '-o', 'stdout'], { cwd: root });
    expectExit(run, 1);
    expect(JSON.parse(run.stdout).summary.errors).toBe(1);
    expect(lstatSync(join(root, 'stdout')).isSymbolicLink()).toBe(true);
  });

  it('-o /dev/stdout itself reaches the reader of stdout', () => {
    const root = apiWorkspace();
    const run = runCli(['api.yaml', '-f', 'compact', '-o', '/dev/stdout'], { cwd: root });
    expectExit(run, 1);
    expect(run.stdout).toMatch(/^api\.yaml: line 6, col 13, Error - .*\(hot-path-throughput\)\n$/);
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });

  it('-o to a FIFO hands the report to its reader', { timeout: 30_000 }, async () => {
    const root = apiWorkspace();
    execFileSync('mkfifo', [join(root, 'pipe')]);
    const child = spawn(process.execPath, [builtBinary, 'api.yaml', '-f', 'json', '-o', 'pipe'], { cwd: root, env: childEnv() });
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const report = readFileSync(join(root, 'pipe'), 'utf8');
    expect(await exited).toBe(1);
    expect(JSON.parse(report).summary.errors).toBe(1);
    expect(lstatSync(join(root, 'pipe')).isFIFO()).toBe(true);
  });

  it('a baseline or a cache is never a device: one line (or a note for the cache), the device untouched', () => {
    const root = apiWorkspace();
    const device = fullDevice(root);
    expectOneLineError(runCli(['baseline', 'api.yaml', '--baseline', device], { cwd: root }), `svc-lint: cannot write ${device}: it is not a regular file`);
    const cached = runCli(['api.yaml', '--cache', '--cache-location', device], { cwd: root });
    expectExit(cached, 1);
    expect(cached.stderr).toBe(`svc-lint: cannot write the cache ${device}: it is not a regular file\n`);
    expect(statSync(join(root, device)).isCharacterDevice()).toBe(true);
  });
});

describe('a manifest the run reads is never written over, whatever its name', { timeout: 30_000 }, () => {
  const refusal = 'svc-lint: refusing to write over api.yaml: this run reads it as a manifest; choose another file';

  it.each([
    ['-o', ['api.yaml', '-f', 'json', '-o', 'api.yaml']],
    ['--format json:', ['api.yaml', '--format', 'json:api.yaml']],
    ['--force does not change that', ['api.yaml', '-f', 'json', '-o', 'api.yaml', '--force']],
    ['report', ['report', 'api.yaml', '--format', 'json:api.yaml']],
  ])('%s: exit 2, one line, the manifest untouched', (_name, args) => {
    const root = apiWorkspace();
    const before = contents(root);
    expectOneLineError(runCli(args, { cwd: root }), refusal);
    expect(contents(root)).toEqual(before);
  });

  it('a link to the manifest under another name is refused too', () => {
    const root = apiWorkspace();
    symlinkSync('api.yaml', join(root, 'report.json'));
    const before = contents(root);
    expectOneLineError(runCli(['api.yaml', '-f', 'json', '-o', 'report.json'], { cwd: root }), 'svc-lint: refusing to write over report.json: this run reads it as a manifest; choose another file');
    expect(contents(root)).toEqual(before);
  });

  it('a hard link to it is replaced as a directory entry, the manifest keeps its text', () => {
    const root = apiWorkspace();
    linkSync(join(root, 'api.yaml'), join(root, 'copy.json'));
    expectOneLineError(runCli(['api.yaml', '-f', 'json', '-o', 'copy.json'], { cwd: root }), 'svc-lint: refusing to write over copy.json: this run reads it as a manifest; choose another file');
    expect(readFileSync(join(root, 'api.yaml'), 'utf8')).toBe(pythonHot);
  });

  it('--cache-location on the manifest: a note, the findings as usual, the manifest untouched', () => {
    const root = apiWorkspace();
    const before = contents(root);
    const run = runCli(['api.yaml', '--cache', '--cache-location', 'api.yaml', '-f', 'compact'], { cwd: root });
    expectExit(run, 1);
    expect(run.stdout).toMatch(/\(hot-path-throughput\)\n$/);
    expect(run.stderr).toBe('svc-lint: cannot write the cache api.yaml: this run reads it as a manifest\n');
    expect(contents(root)).toEqual(before);
  });

  it('baseline --baseline on the manifest: exit 2, one line, the manifest untouched', () => {
    const root = apiWorkspace();
    const before = contents(root);
    expectOneLineError(
      runCli(['baseline', 'api.yaml', '--baseline', 'api.yaml'], { cwd: root }),
      'svc-lint: refusing to write over api.yaml: it is not an svc-lint baseline, and svc-lint replaces only its own; remove it or choose another --baseline',
    );
    expect(contents(root)).toEqual(before);
  });
});

describe('a cache or a baseline replaces only svc-lint\'s own file', { timeout: 30_000 }, () => {
  it('--cache-location naming any other file: a note, the file untouched', () => {
    const root = apiWorkspace({ 'README.md': '# Orders\n\nHow to run the service.\n' });
    const before = contents(root);
    const run = runCli(['api.yaml', '--cache', '--cache-location', 'README.md', '-f', 'json'], { cwd: root });
    expectExit(run, 1);
    expect(run.stderr).toBe(
      'svc-lint: cannot write the cache README.md: it is not an svc-lint cache, and svc-lint replaces only its own: remove it or choose another --cache-location\n',
    );
    expect(contents(root)).toEqual(before);
  });

  it('a cache svc-lint wrote is replaced, even damaged, and so is an empty file', () => {
    for (const previous of ['', '{"fingerprint": "ab', '{ "fingerprint" : "0", "files": [] }', 'svc-lint cache 3\nfingerprint\n']) {
      const root = apiWorkspace({ 'lint.cache': previous });
      const run = runCli(['api.yaml', '--cache', '--cache-location', 'lint.cache', '-f', 'json'], { cwd: root });
      expectExit(run, 1);
      expect(run.stderr).toBe('');
      expect(cacheEntries(join(root, 'lint.cache'))).toHaveLength(1);
    }
  });

  it('baseline --baseline naming any other file: exit 2, one line, the file untouched', () => {
    const root = apiWorkspace({ 'notes.txt': 'do not lose me\n' });
    const before = contents(root);
    expectOneLineError(
      runCli(['baseline', 'api.yaml', '--baseline', 'notes.txt'], { cwd: root }),
      'svc-lint: refusing to write over notes.txt: it is not an svc-lint baseline, and svc-lint replaces only its own; remove it or choose another --baseline',
    );
    expect(contents(root)).toEqual(before);
  });

  it('a link named as the cache or the baseline is replaced, never followed', () => {
    const root = apiWorkspace({ 'elsewhere/keys': 'ssh-ed25519 AAAA\n' });
    symlinkSync('elsewhere/keys', join(root, '.svc-lint-cache'));
    symlinkSync('elsewhere/keys', join(root, '.svc-lint-baseline.json'));
    expectExit(runCli(['baseline', 'api.yaml'], { cwd: root }), 0);
    expectExit(runCli(['api.yaml', '--cache'], { cwd: root }), 0);
    expect(readFileSync(join(root, 'elsewhere/keys'), 'utf8')).toBe('ssh-ed25519 AAAA\n');
    expect(lstatSync(join(root, '.svc-lint-cache')).isFile()).toBe(true);
    expect(lstatSync(join(root, '.svc-lint-baseline.json')).isFile()).toBe(true);
  });
});

/** A process id that no process has now. */
function deadPid(): number {
  for (let pid = 4_000_000; ; pid -= 1) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
}

describe('temporary files', { timeout: 30_000 }, () => {
  it('are named so that one .gitignore line, *.svc-lint-tmp, covers them, and a killed run\'s are removed by the next', () => {
    const root = apiWorkspace();
    const leftover = `out/.lint.json.${deadPid()}-0123456789ab.svc-lint-tmp`;
    const oldOne = `out/.lint.json.${process.pid}-ba9876543210.svc-lint-tmp`;
    const writing = `out/.lint.json.${process.pid}-aaaaaaaaaaaa.svc-lint-tmp`;
    mkdirSync(join(root, 'out'));
    for (const path of [leftover, oldOne, writing]) writeFileSync(join(root, path), '{"partial": ');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    utimesSync(join(root, oldOne), twoDaysAgo, twoDaysAgo);
    execFileSync('git', ['init', '-q'], { cwd: root });
    writeFileSync(join(root, '.gitignore'), '*.svc-lint-tmp\n');
    expect(execFileSync('git', ['check-ignore', leftover, oldOne, writing], { cwd: root, encoding: 'utf8' }).split('\n')).toHaveLength(4);

    expectExit(runCli(['api.yaml', '--format', 'json:out/lint.json'], { cwd: root }), 1);
    // The file of a process that still runs (this test's) is another run's write in progress, unless it is a day old.
    expect(temporaryFilesIn(root)).toEqual([writing]);
  });
});
