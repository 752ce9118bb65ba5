import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { receiveMessageOnPort } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeCacheFile, readCacheFile } from './cache-file.js';
import { IdentityMemo, identityOf, readIdentity } from './file-identity.js';
import { identitiesAheadChannel } from './identities-ahead-channel.js';
import { IdentitiesAhead, lookUpAhead, pathsToLookUp } from './identities-ahead.js';

const root = mkdtempSync(join(tmpdir(), 'svc-lint-ahead-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let caches = 0;

/** A cache file whose head names `manifests`, the searched `directories` and the drift evidence of `evidence`. */
function cacheNaming(manifests: string[], directories: string[], evidence: string[] = []) {
  const payload = {
    sources: { paths: manifests },
    searches: new Map([['search', { directories }]]),
    evidence: { paths: evidence },
  };
  const path = join(root, `cache-${caches++}`);
  writeFileSync(path, encodeCacheFile('f'.repeat(64), payload));
  const read = readCacheFile<unknown>(path, 'f'.repeat(64));
  if (read.kind !== 'read') throw new Error('the cache was not read back');
  return { path, file: read.file, payload: read.payload };
}

function workspace(count: number) {
  const directory = join(root, `workspace-${caches}`);
  const manifests = Array.from({ length: count }, (_, index) => {
    mkdirSync(join(directory, `s${index}`), { recursive: true });
    const path = join(directory, `s${index}`, 'service.yaml');
    writeFileSync(path, `name: s${index}\n`);
    return path;
  });
  return { directory, manifests, directories: [directory, ...manifests.map((path) => join(path, '..'))] };
}

describe('pathsToLookUp', () => {
  it('names each manifest and directory once, in the order both threads derive from the head', () => {
    const order = pathsToLookUp({ sources: { paths: ['/w/a.yaml', '/w/b.yaml'] }, searches: new Map([['k', { directories: ['/w', '/w/x'] }]]), evidence: { paths: ['/w/x', '/w/y'] } });
    expect([...order!]).toEqual([
      ['/w', 0],
      ['/w/x', 1],
      ['/w/a.yaml', 2],
      ['/w/b.yaml', 3],
      ['/w/y', 4],
    ]);
  });

  it('is undefined for a head that is not an svc-lint cache', () => {
    expect(pathsToLookUp(undefined)).toBeUndefined();
    expect(pathsToLookUp({ sources: { paths: 'x' }, searches: new Map(), evidence: { paths: [] } })).toBeUndefined();
    expect(pathsToLookUp({ sources: { paths: [] }, searches: {}, evidence: { paths: [] } })).toBeUndefined();
    expect(pathsToLookUp({ sources: { paths: [] }, searches: new Map([['k', null]]), evidence: { paths: [] } })).toBeUndefined();
  });
});

describe('looking identities up ahead', () => {
  it('gives the lint thread what stat gives for every path of the cache it opens, and -1 for a path gone', async () => {
    const { manifests, directories } = workspace(3);
    const gone = join(root, 'gone.yaml');
    const cache = cacheNaming([...manifests, gone], directories);
    const channel = identitiesAheadChannel();
    await lookUpAhead(cache.path, channel.processThread);
    const lookedUp = new IdentitiesAhead(channel.lintThread).take(cache.file, cache.payload)!;
    expect(lookedUp).toBeDefined();
    for (const path of [...manifests, ...directories]) expect(readIdentity(lookedUp.numbers, lookedUp.positionOf(path)!)).toEqual(identityOf(path));
    expect(lookedUp.positionOf(gone)).toBe(-1);
    expect(lookedUp.positionOf(join(root, 'not-named.yaml'))).toBeUndefined();
  });

  it('gives nothing for another cache file than the one the lint thread opens, and stops looking then', async () => {
    const { manifests, directories } = workspace(1);
    const looked = cacheNaming(manifests, directories);
    const opened = cacheNaming(manifests, directories);
    const channel = identitiesAheadChannel();
    await lookUpAhead(looked.path, channel.processThread);
    expect(new IdentitiesAhead(channel.lintThread).take(opened.file, opened.payload)).toBeUndefined();
    expect(channel.processThread.state[1]).toBe(1);
  });

  it('gives nothing when there is no cache at the path, without keeping the lint thread waiting', async () => {
    const channel = identitiesAheadChannel();
    await lookUpAhead(join(root, 'no-cache'), channel.processThread);
    const { file, payload } = cacheNaming([], [root]);
    const started = performance.now();
    expect(new IdentitiesAhead(channel.lintThread).take(file, payload)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('stops between batches once the lint thread wants nothing more, leaving the rest to it', async () => {
    const manifests = Array.from({ length: 3000 }, (_, index) => join(root, `absent-${index}.yaml`));
    const cache = cacheNaming(manifests, []);
    const channel = identitiesAheadChannel();
    channel.lintThread.state[1] = 1;
    await lookUpAhead(cache.path, channel.processThread);
    const { shared } = receiveMessageOnPort(channel.lintThread.port)!.message as { shared: SharedArrayBuffer };
    const numbers = new Float64Array(shared, 8);
    expect(numbers[0]).toBe(-1);
    expect(numbers[2999 * 4]).toBeNaN();
  });
});

describe('IdentityMemo with identities looked up ahead', () => {
  it('answers from them (the run looks each path up once), and looks up a path they lack itself', async () => {
    const { manifests, directories } = workspace(2);
    const cache = cacheNaming(manifests, directories);
    const channel = identitiesAheadChannel();
    await lookUpAhead(cache.path, channel.processThread);
    const before = identityOf(manifests[0]!);
    writeFileSync(manifests[0]!, 'name: changed after the look-up\n');
    const memo = new IdentityMemo();
    memo.useLookedUpAhead(new IdentitiesAhead(channel.lintThread).take(cache.file, cache.payload)!);
    expect(memo.of(manifests[0]!)).toEqual(before);
    expect(memo.of(manifests[0]!)).not.toEqual(identityOf(manifests[0]!));
    const unnamed = join(root, 'unnamed.service.yaml');
    writeFileSync(unnamed, 'x');
    expect(memo.of(unnamed)).toEqual(identityOf(unnamed));
  });
});
