import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runInProcess } from './run-in-process.js';
import { makeWorkspace, removeWorkspaces } from '../cli/run-cli.js';
import { repositoryRoot } from '../integrations/processes.js';
import { manifestText } from './support.js';
import { slowTestTimeout } from '../timeouts.js';

vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);


const cached = ['--cache', '--cache-location', '../lint-cache'];

/** Lints `args` in `root` without the cache and with it, and expects the same exit code, report and messages. */
async function expectSameWithCache(root: string, args: string[]): Promise<void> {
  const fresh = await runInProcess(args, root);
  const fromCache = await runInProcess([...args, ...cached], root);
  expect({ ...fromCache, stdout: fromCache.stdout.length }).toEqual({ ...fresh, stdout: fresh.stdout.length });
  expect(fromCache.stdout === fresh.stdout, 'the report differs with --cache').toBe(true);
}

function manifestsUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => /(^|[/.])(service|catalog-info)\.ya?ml$/.test(path))
    .map((path) => relative(root, join(root, path)))
    .sort();
}

describe('--cache gives byte-identical output', () => {
  it('over the fixture tree: every format, the whole tree and each manifest alone, cold and warm', { timeout: 240_000 }, async () => {
    const root = join(makeWorkspace(), 'repository');
    cpSync(join(repositoryRoot, 'fixtures'), root, { recursive: true });
    mkdirSync(join(root, '.git'));
    const manifests = manifestsUnder(root);
    expect(manifests.length).toBeGreaterThan(50);
    for (const format of ['json', 'sarif', 'stylish']) {
      // Cold (the cache is filled), then warm (everything comes from it).
      await expectSameWithCache(root, ['--format', format]);
      await expectSameWithCache(root, ['--format', format]);
    }
    // One file at a time in the warm workspace: what a hook or an editor save does.
    for (const manifest of manifests.filter((_, index) => index % 3 === 0)) await expectSameWithCache(root, ['--format', 'json', manifest]);
  });

  it('over the fixture tree once every file is old enough: every format and command takes the judgment from the cache', { timeout: 240_000 }, async () => {
    const root = join(makeWorkspace(), 'repository');
    cpSync(join(repositoryRoot, 'fixtures'), root, { recursive: true });
    mkdirSync(join(root, '.git'));
    const manifests = manifestsUnder(root);
    await withClock(true, async () => {
      const commands = [
        ...['json', 'sarif', 'stylish', 'compact', 'markdown', 'junit', 'github', 'gitlab', 'html'].map((format) => ['--format', format]),
        ['report', '--format', 'json'],
        ['report', '--format', 'html'],
        ['graph', '--format', 'dot'],
        ['graph', '--format', 'mermaid'],
      ];
      for (const args of commands) {
        // The first run keeps the judgment, the second takes it from the cache.
        await expectSameWithCache(root, args);
        await expectSameWithCache(root, args);
      }
      for (const manifest of manifests.filter((_, index) => index % 5 === 0)) {
        await expectSameWithCache(root, ['--format', 'json', manifest]);
        await expectSameWithCache(root, ['--format', 'json', manifest]);
      }
    });
  });
});

const serviceNames = ['orders', 'payments', 'search', 'fraud-scorer', 'edge'];

/** A manifest calling some of the others, so that the graph rules see edits to any file. */
const plausibleManifest = fc
  .record({
    name: fc.constantFrom(...serviceNames),
    language: fc.constantFrom('go', 'python', 'java', 'golang', 'rust'),
    workload: fc.constantFrom('api', 'ml-serving', 'etl', 'infrastructure'),
    peakRps: fc.constantFrom(50, 900, 9_000, 20_000, 60_000),
    calls: fc.subarray(serviceNames, { maxLength: 3 }),
    suppress: fc.boolean(),
  })
  .map(({ name, language, workload, peakRps, calls, suppress }) =>
    [
      'apiVersion: svc-lint/v1',
      'kind: Service',
      'metadata:',
      `  name: ${name}`,
      'spec:',
      ...(suppress ? ['  # svc-lint-disable-next-line hot-path-throughput -- measured'] : []),
      `  language: ${language}`,
      `  workload: ${workload}`,
      '  traffic:',
      `    peakRps: ${peakRps}`,
      ...(calls.length > 0 ? ['  dependsOn:', ...calls.map((call) => `    - service: ${call}`)] : []),
      '',
    ].join('\n'),
  );

const files = ['a/service.yaml', 'b/service.yaml', 'c/service.yaml', 'd/api.service.yaml', 'd/catalog-info.yaml'];
const buildFiles = ['go.mod', 'requirements.txt', 'Dockerfile'];

/**
 * One change between two runs: a new text, an edit that keeps the size (a digit or a letter swapped, in the same tick
 * of the clock as the write before it), the same edit with the modification time set back, a build file beside a
 * manifest (drift evidence), a file removed or a new file.
 */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('write' as const), file: fc.constantFrom(...files), text: fc.oneof(plausibleManifest, manifestText) }),
  fc.record({ kind: fc.constant('same-size' as const), file: fc.constantFrom(...files), keepMtime: fc.boolean(), seed: fc.nat() }),
  fc.record({ kind: fc.constant('build-file' as const), file: fc.constantFrom(...files), name: fc.constantFrom(...buildFiles), text: fc.constantFrom('module x\n', 'flask\n', 'FROM golang:1.22\n', 'FROM python:3.12\n') }),
  fc.record({ kind: fc.constant('remove' as const), file: fc.constantFrom(...files) }),
);

const checkedOutAt = new Date('2026-01-05T10:00:00Z');

type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

/** Swaps one character for another of the same byte length, so that the file keeps its size. */
function sameSizeChange(text: string, seed: number): string {
  const positions = [...text].map((character, index) => ({ character, index })).filter(({ character }) => /[a-z0-9]/.test(character));
  if (positions.length === 0) return text;
  const { character, index } = positions[seed % positions.length]!;
  const replacement = /[0-9]/.test(character) ? String((Number(character) + 1) % 10) : character === 'o' ? 'y' : 'o';
  return text.slice(0, index) + replacement + text.slice(index + 1);
}

function applyEdit(root: string, change: Edit): void {
  const path = join(root, change.file);
  mkdirSync(join(path, '..'), { recursive: true });
  switch (change.kind) {
    case 'write':
      writeFileSync(path, change.text);
      return;
    case 'same-size': {
      let before: ReturnType<typeof statSync>;
      try {
        before = statSync(path);
      } catch {
        return;
      }
      writeFileSync(path, sameSizeChange(readFileSync(path, 'utf8'), change.seed));
      if (change.keepMtime) utimesSync(path, before.atime, before.mtime);
      return;
    }
    case 'build-file':
      writeFileSync(join(path, '..', change.name), change.text);
      return;
    case 'remove':
      rmSync(path, { force: true });
  }
}

/**
 * Runs `work` with the clock an hour ahead, or as it is: files written a moment ago then count as old, and the cache
 * trusts their identities alone (as it does for files not changed in the last seconds), or as recent, and it compares
 * their content too.
 */
async function withClock(ahead: boolean, work: () => Promise<void>): Promise<void> {
  if (!ahead) return work();
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3_600_000 });
  try {
    await work();
  } finally {
    vi.useRealTimers();
  }
}

describe('--cache after random edits', () => {
  it('gives what a run without it gives, whatever changed between runs', { timeout: 300_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(plausibleManifest, { minLength: files.length, maxLength: files.length }),
        fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        (texts, rounds, clockAhead) => withClock(clockAhead, async () => {
        const root = join(makeWorkspace(), 'repository');
        files.forEach((file, index) => {
          mkdirSync(join(root, file, '..'), { recursive: true });
          writeFileSync(join(root, file), texts[index]!);
          // Whole seconds, as an archive or a checkout leaves them: an edit can then set the very same time back.
          utimesSync(join(root, file), checkedOutAt, checkedOutAt);
        });
        mkdirSync(join(root, '.git'));
        await expectSameWithCache(root, ['--format', 'json']);
        for (const changes of rounds) {
          for (const change of changes) applyEdit(root, change);
          // The whole workspace, then one file of it (the graph rules read the others from the cache).
          await expectSameWithCache(root, ['--format', 'json', '--no-error-on-unmatched-pattern']);
          await expectSameWithCache(root, ['--format', 'json', '--no-error-on-unmatched-pattern', 'a']);
          // Nothing changed since the run of the whole workspace: its judgment comes from the cache (the clock ahead).
          await expectSameWithCache(root, ['--format', 'json', '--no-error-on-unmatched-pattern']);
        }
      })),
      { numRuns: 30, seed: 20_261_202 },
    );
  });
});
