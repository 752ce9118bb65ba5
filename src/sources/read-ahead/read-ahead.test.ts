import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createLanguageRegistry } from '../../languages/registry.js';
import { loadShippedLanguages } from '../../ruleset/shipped.js';
import { readManifestSource, type ReadSource } from '../manifest/source.js';
import { Worker } from 'node:worker_threads';
import { EarlyReadingThreads, readAhead, readingThreads, type AheadFile } from './read-ahead.js';
import { slowTestTimeout } from '../../../test/timeouts.js';

const shipped = loadShippedLanguages();
const languages = createLanguageRegistry(
  shipped.profiles.map((profile) => ({ ...profile, aliases: profile.aliases ?? [] })),
  shipped.known,
);
const root = mkdtempSync(join(tmpdir(), 'svc-lint-read-ahead-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function manifest(index: number): string {
  return [
    '# svc-lint-disable-next-line hot-path-throughput -- measured',
    'apiVersion: svc-lint/v1',
    'kind: Service',
    'metadata:',
    `  name: svc-${index}`,
    'spec:',
    `  language: ${index % 2 === 0 ? 'golang' : 'python'}`,
    '  workload: api',
    '  traffic:',
    `    peakRps: ${index * 1000}`,
    '  dependsOn:',
    `    - service: svc-${index + 1}`,
    index % 3 === 0 ? '  colour: blue' : '',
    '',
  ].join('\n');
}

describe('readingThreads', () => {
  it('reads on one thread when off, for one file, and under 5,000 files with auto', () => {
    expect(readingThreads('off', 50_000)).toBe(1);
    expect(readingThreads(4, 1)).toBe(1);
    expect(readingThreads('auto', 4999)).toBe(1);
  });

  it('takes a number as given (never more threads than files), and auto gives each thread 500 files at least', () => {
    expect(readingThreads(3, 10)).toBe(3);
    expect(readingThreads(8, 5)).toBe(5);
    expect(readingThreads('auto', 5000)).toBeGreaterThanOrEqual(availableParallelism() >= 2 ? 2 : 1);
    expect(readingThreads('auto', 100_000)).toBeLessThanOrEqual(4);
  });
});

describe('readAhead', () => {
  it('gives, for every file in another thread\'s share, exactly what reading it here gives', { timeout: slowTestTimeout }, async () => {
    const files: AheadFile[] = Array.from({ length: 12 }, (_, index) => {
      const path = join(root, `svc-${index}.service.yaml`);
      writeFileSync(path, index === 7 ? 'spec: [unclosed\n' : manifest(index));
      return { path, displayPath: `svc-${index}.service.yaml`, origin: index % 2 === 0 ? 'named' : 'searched' };
    });
    const byPath = new Map(files.map((file) => [file.path, file]));
    const described: string[] = [];
    const ahead = readAhead(files.map((file) => file.path), (path) => (described.push(path), byPath.get(path)!), 3, languages, 10);
    const taken = await Promise.all(files.map((file) => ahead.take(file.path)));
    // This thread keeps the first share; the two others read the rest.
    expect(taken.filter((read) => read === undefined).length).toBeGreaterThan(0);
    expect(taken.filter((read) => read !== undefined).length).toBeGreaterThan(0);
    // Only the files another thread reads are described for it.
    expect(described).toEqual(files.filter((_, index) => taken[index] !== undefined).map((file) => file.path));
    for (const [index, read] of taken.entries()) {
      if (read === undefined) continue;
      const file = files[index]!;
      expect(read).toEqual(readManifestSource({ path: file.path, displayPath: file.displayPath }, languages, 10, undefined, file.origin));
    }
  });

  it('hands over a share larger than one batch in order, every file of it read by the thread', { timeout: slowTestTimeout }, async () => {
    const files: AheadFile[] = Array.from({ length: 700 }, (_, index) => {
      const path = join(root, `many-${index}.service.yaml`);
      writeFileSync(path, manifest(index));
      return { path, displayPath: `many-${index}.service.yaml`, origin: 'searched' };
    });
    const byPath = new Map(files.map((file) => [file.path, file]));
    const adopted: { read: ReadSource; file: AheadFile }[] = [];
    const adopt = (read: ReadSource, file: AheadFile) => (adopted.push({ read, file }), read);
    const ahead = readAhead(files.map((file) => file.path), (path) => byPath.get(path)!, 2, languages, 10, adopt);
    const taken = await Promise.all(files.map((file) => ahead.take(file.path)));
    // Each read was adopted once, as it came, with the file it was described by: what `take` then answers.
    expect(adopted.map(({ file }) => file)).toEqual(files.slice(files.length - adopted.length));
    expect(adopted.map(({ read }) => read)).toEqual(taken.filter((read) => read !== undefined));
    expect(adopted.every(({ read }, index) => read === taken[files.length - adopted.length + index])).toBe(true);
    const read = taken.flatMap((source, index) => (source ? [{ source, file: files[index]! }] : []));
    // The other thread's share (262 files here) spans two batches of the thread's replies.
    expect(read.length).toBeGreaterThan(256);
    expect(read.map(({ file }) => file.path)).toEqual(files.slice(files.length - read.length).map((file) => file.path));
    for (const { source: { source }, file } of read) {
      expect(source.file).toEqual({ path: file.path, displayPath: file.displayPath });
      expect(source.services.map((service) => service.name)).toEqual([file.displayPath.replace(/^many-(\d+)\.service\.yaml$/, 'svc-$1')]);
    }
  });

  it('answers nothing for a file outside every share, and nothing at all with one thread', async () => {
    const describe = (path: string): AheadFile => ({ path, displayPath: path, origin: 'named' });
    expect(await readAhead([], describe, 2, languages, 10).take('/nowhere.service.yaml')).toBeUndefined();
    const path = join(root, 'alone.service.yaml');
    writeFileSync(path, manifest(1));
    expect(await readAhead([path], describe, 1, languages, 10).take(path)).toBeUndefined();
  });
});

describe('EarlyReadingThreads', () => {
  function files(prefix: string, count: number): AheadFile[] {
    return Array.from({ length: count }, (_, index) => {
      const path = join(root, `${prefix}-${index}.service.yaml`);
      writeFileSync(path, manifest(index));
      return { path, displayPath: `${prefix}-${index}.service.yaml`, origin: 'searched' };
    });
  }

  it('starts a thread once the search has found enough files, and a share goes to it', { timeout: slowTestTimeout }, async () => {
    const shared = files('early', 40);
    const byPath = new Map(shared.map((file) => [file.path, file]));
    const early = new EarlyReadingThreads(2);
    const asked = vi.spyOn(Worker.prototype, 'postMessage');
    early.foundFiles(1);
    // One file reads on one thread: nothing starts.
    expect(early.take()).toBeUndefined();
    early.foundFiles(1);
    early.foundFiles(38);
    const ahead = readAhead(shared.map((file) => file.path), (path) => byPath.get(path)!, 2, languages, 10, undefined, early);
    // The thread started early took the share: none was left waiting, and it was asked once.
    expect(early.take()).toBeUndefined();
    expect(asked).toHaveBeenCalledTimes(1);
    asked.mockRestore();
    const taken = await Promise.all(shared.map((file) => ahead.take(file.path)));
    const read = taken.flatMap((source, index) => (source ? [{ source, file: shared[index]! }] : []));
    expect(read.length).toBeGreaterThan(0);
    for (const { source, file } of read) {
      expect(source).toEqual(readManifestSource({ path: file.path, displayPath: file.displayPath }, languages, 10, undefined, file.origin));
    }
    early.end();
  });

  it('ends the threads no share went to', { timeout: slowTestTimeout }, async () => {
    const terminated = vi.spyOn(Worker.prototype, 'terminate');
    const early = new EarlyReadingThreads(3);
    early.foundFiles(10);
    const waiting = early.take()!;
    expect(waiting.startingMs).toBeLessThanOrEqual(250);
    const exited = new Promise((resolve) => waiting.worker.once('exit', resolve));
    // Two were started; one is taken here, the other ends with `end`, and no share is left for a third.
    early.end();
    expect(terminated).toHaveBeenCalledTimes(1);
    expect(early.take()).toBeUndefined();
    terminated.mockRestore();
    await waiting.worker.terminate();
    await exited;
  });

  it('never gives a share to a thread that ended while it waited: the run reads that share itself', { timeout: slowTestTimeout }, async () => {
    const started: Worker[] = [];
    const unref = vi.spyOn(Worker.prototype, 'unref').mockImplementation(function (this: Worker) {
      started.push(this);
    });
    const early = new EarlyReadingThreads(2);
    early.foundFiles(2);
    unref.mockRestore();
    expect(started).toHaveLength(1);
    const exited = new Promise((resolve) => started[0]!.once('exit', resolve));
    await started[0]!.terminate();
    await exited;
    expect(early.take()).toBeUndefined();
    const shared = files('ended', 6);
    const byPath = new Map(shared.map((file) => [file.path, file]));
    early.foundFiles(4);
    const ahead = readAhead(shared.map((file) => file.path), (path) => byPath.get(path)!, 2, languages, 10, undefined, early);
    // A new thread reads the share instead.
    expect((await Promise.all(shared.map((file) => ahead.take(file.path)))).some((read) => read !== undefined)).toBe(true);
    early.end();
  });
});
