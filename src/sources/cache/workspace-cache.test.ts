import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ManifestSource } from '../manifest/source.js';
import { openWorkspaceCache, sourceColumn } from './workspace-cache.js';
import { rowOf, withText } from './cache-table.js';
import { editCacheRows } from '../../../test/support/cache-file.js';
import { identitiesAheadChannel } from './identities-ahead-channel.js';
import { IdentitiesAhead, lookUpAhead } from './identities-ahead.js';

const directories: string[] = [];
afterEach(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function scratch(): string {
  const directory = mkdtempSync(join(tmpdir(), 'svc-lint-cache-'));
  directories.push(directory);
  return directory;
}

const range = { line: 1, column: 1, endLine: 1, endColumn: 2 };

function sourceOf(file: { path: string; displayPath: string }, language = 'go'): ManifestSource {
  return {
    file,
    services: [
      {
        name: 'pricing',
        language,
        languageId: language,
        workload: 'api',
        deploymentTarget: 'container',
        dependsOn: [],
        file,
        documentIndex: 0,
        format: 'svc-lint/v1',
        locations: { document: range },
      },
    ],
    findings: [{ ruleId: 'manifest-schema', messageId: 'default', data: { path: 'spec', problem: 'x' }, file: file.displayPath, range }],
    directives: { directives: [{ kind: 'disable', rules: ['moderate-traffic'], reason: 'why', range, covers: { fromLine: 1, toLine: 9 } }], malformed: [] },
    judged: true,
  };
}

const longAgo = new Date('2020-01-01T00:00:00Z');

/** A source as data: the locations a cached service decodes when read compare as the ranges they hold. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null));

/** One run that reads a manifest (`whileReading` happens between the run's stat and its read), then the next run's cache. */
async function nextRunAfter(whileReading: (path: string) => void, { old = true } = {}) {
  const directory = scratch();
  const file = { path: join(directory, 'service.yaml'), displayPath: 'service.yaml' };
  writeFileSync(file.path, 'version one\n');
  if (old) utimesSync(file.path, longAgo, longAgo);
  const cachePath = join(directory, '.svc-lint-cache');
  const run = openWorkspaceCache(cachePath, 'f');
  expect(run.sourceOf(file, 'named')).toBeUndefined();
  run.beforeReading(file);
  whileReading(file.path);
  run.remember(file, 'named', sourceOf(file), readFileSync(file.path));
  expect(await run.save(new Set())).toBeUndefined();
  return { file, cachePath, next: () => openWorkspaceCache(cachePath, 'f') };
}

/** Rewrites the entry of `path` with a valid checksum and declarations no reader gives (a service without a language). */
function holdWhatNoReaderGives(cachePath: string, path: string): void {
  editCacheRows(cachePath, (rows) => rows.set(path, withText(rows.get(path)!, sourceColumn.declarations, JSON.stringify({ services: [{ name: 'pricing' }] }))));
}

describe('the workspace cache', () => {
  it('gives the whole source back for a file unchanged since it was read: services, findings and directives', async () => {
    const { file, next } = await nextRunAfter(() => {});
    expect(plain(next().sourceOf(file, 'named'))).toEqual(plain(sourceOf(file)));
    expect(next().problem()).toBeUndefined();
  });

  it('gives a file the graph rules read without linting it its services only', async () => {
    const { file, next } = await nextRunAfter(() => {});
    const readAgain = () => {
      throw new Error('an intact entry is never read again');
    };
    const { services, findings, undeclared, directives, judged } = next().servicesOf(file, 'searched', readAgain)!;
    expect(plain({ file, services, findings, undeclared, directives, judged })).toEqual(plain({ ...sourceOf(file), findings: [], directives: undefined, judged: undefined }));
  });

  it('decodes the services of a file the graph rules read only when they are first read, and reads a damaged entry again', async () => {
    const { file, cachePath, next } = await nextRunAfter(() => {});
    holdWhatNoReaderGives(cachePath, file.path);
    let readAgain = 0;
    const source = next().servicesOf(file, 'searched', () => {
      readAgain += 1;
      return sourceOf(file);
    })!;
    expect(readAgain).toBe(0);
    expect(plain(source.services)).toEqual(plain(sourceOf(file).services));
    expect(plain(source.undeclared)).toEqual(plain(sourceOf(file).undeclared));
    expect(readAgain).toBe(1);
  });

  it('keeps a file under the identity it had before it was read, so a save during the run is read again next time', async () => {
    // An editor saves the file after the run stat'ed it and while it reads it.
    const { file, next } = await nextRunAfter((path) => writeFileSync(path, 'version two, saved during the run\n'));
    expect(next().sourceOf(file, 'named')).toBeUndefined();
  });

  it('compares a file changed within the last seconds by content: an edit of the same size in the same tick is seen', async () => {
    const { file, cachePath, next } = await nextRunAfter(() => {}, { old: false });
    expect(plain(next().sourceOf(file, 'named'))).toEqual(plain(sourceOf(file)));
    // An edit of the same size in the same tick of the file system's clock leaves the identity as it was: the cache is
    // made to hold the identity the file has after the edit, which is what such an edit gives.
    writeFileSync(file.path, 'version two\n');
    const { size, ino, mtimeMs, ctimeMs } = statSync(file.path);
    editCacheRows(cachePath, (rows) => {
      const row = rows.get(file.path)!;
      expect(row.text(sourceColumn.contentHash)).toMatch(/^[0-9a-f]{64}$/);
      const texts = Array.from({ length: row.columns }, (_, column) => row.text(column)!);
      rows.set(file.path, rowOf({ size, ino, mtimeMs, ctimeMs }, texts));
    });
    expect(next().sourceOf(file, 'named')).toBeUndefined();
  });

  it('ignores a damaged cache with a reason for the note, and one of another configuration without a word', async () => {
    const { file, cachePath, next } = await nextRunAfter(() => {});
    const bytes = readFileSync(cachePath);
    writeFileSync(cachePath, bytes.subarray(0, bytes.length - 10));
    const truncated = next();
    expect(truncated.sourceOf(file, 'named')).toBeUndefined();
    expect(truncated.problem()).toMatch(/checksum does not match/);
    const other = openWorkspaceCache(cachePath, 'another configuration');
    expect(other.sourceOf(file, 'named')).toBeUndefined();
    expect(other.problem()).toBeUndefined();
  });

  it('reads a file again when an entry holds what no reader gives, even with a valid checksum', async () => {
    const { file, cachePath, next } = await nextRunAfter(() => {});
    holdWhatNoReaderGives(cachePath, file.path);
    expect(next().sourceOf(file, 'named')).toBeUndefined();
  });

  it('keeps the entries a run did not use without writing the file, and drops them once their path is gone', async () => {
    const { file, cachePath, next } = await nextRunAfter(() => {});
    const other = { path: join(file.path, '..', 'other.service.yaml'), displayPath: 'other.service.yaml' };
    writeFileSync(other.path, 'other\n');
    utimesSync(other.path, longAgo, longAgo);
    const second = next();
    expect(second.sourceOf(other, 'named')).toBeUndefined();
    second.beforeReading(other);
    second.remember(other, 'named', sourceOf(other), readFileSync(other.path));
    expect(await second.save(new Set())).toBeUndefined();
    const written = statSync(cachePath);
    // A run that opens the cache, uses neither entry and finds both paths there leaves the file as it is.
    const none = { path: join(file.path, '..', 'none.service.yaml'), displayPath: 'none.service.yaml' };
    const third = next();
    expect(third.sourceOf(none, 'named')).toBeUndefined();
    expect(await third.save(new Set())).toBeUndefined();
    expect(statSync(cachePath).mtimeMs).toBe(written.mtimeMs);
    expect(plain(next().sourceOf(file, 'named'))).toEqual(plain(sourceOf(file)));
    rmSync(other.path);
    const fourth = next();
    expect(fourth.sourceOf(none, 'named')).toBeUndefined();
    expect(await fourth.save(new Set())).toBeUndefined();
    expect(statSync(cachePath).ino).not.toBe(written.ino);
    writeFileSync(other.path, 'other\n');
    expect(next().sourceOf(other, 'named')).toBeUndefined();
    expect(plain(next().sourceOf(file, 'named'))).toEqual(plain(sourceOf(file)));
  });

  it('takes the identities another thread looked up ahead for the very cache file it opens, and for no other', async () => {
    const { file, cachePath, next } = await nextRunAfter(() => {});
    const lookedUpAhead = async (path: string) => {
      const channel = identitiesAheadChannel();
      await lookUpAhead(path, channel.processThread);
      return new IdentitiesAhead(channel.lintThread);
    };
    const ahead = await lookedUpAhead(cachePath);
    const copy = join(file.path, '..', 'copy-of-the-cache');
    copyFileSync(cachePath, copy);
    const aheadOfAnother = await lookedUpAhead(copy);
    // Touched once the other thread had looked (same content, other times): this run looked before, and takes the
    // entry; a run that looks itself, or that was looked ahead for another cache file, sees other times.
    utimesSync(file.path, new Date('2021-01-01T00:00:00Z'), new Date('2021-01-01T00:00:00Z'));
    expect(plain(openWorkspaceCache(cachePath, 'f', ahead).sourceOf(file, 'named'))).toEqual(plain(sourceOf(file)));
    expect(openWorkspaceCache(cachePath, 'f', aheadOfAnother).sourceOf(file, 'named')).toBeUndefined();
    expect(next().sourceOf(file, 'named')).toBeUndefined();
  });
});
