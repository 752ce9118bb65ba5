import { mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { lint, type LintOptions } from '../../src/lint.js';
import { makeWorkspace, manifest, removeWorkspaces } from './run-cli.js';
import { cacheEntries, damageCacheText, editCacheJudgments, replaceCacheJudgments, type CachedJudgments } from '../support/cache-file.js';
import { rowsPerPart } from '../../src/sources/cache/cache-table.js';
import { sourceColumn } from '../../src/sources/cache/workspace-cache.js';

afterAll(removeWorkspaces);

// The clock an hour ahead: files written a moment ago count as old, so the cache trusts their identities alone, as it
// does for every file not changed in the last seconds (a workspace changed within them is judged again each run).
beforeEach(() => void vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3_600_000 }));
afterEach(() => void vi.useRealTimers());

const goService = (name: string, extra: string[] = []) => manifest(name, ['language: go', 'workload: api', ...extra]);

/** checkout (linted) calls pricing, which only the rest of the workspace declares, at 30,000 req/s. */
function repository(): string {
  const root = makeWorkspace({
    'checkout/service.yaml': manifest('checkout', ['language: python', 'workload: api', 'dependsOn:', '  - service: pricing']),
    'pricing/service.yaml': goService('pricing', ['traffic:', '  peakRps: 30000', 'dependsOn:', '  - service: checkout']),
  });
  mkdirSync(join(root, '.git'));
  return root;
}

const lintCheckout = (root: string, options: Partial<LintOptions> = {}) =>
  lint({ cwd: root, patterns: ['checkout/service.yaml'], cache: '.svc-lint-cache', ...options });

/** What a report shows of the findings: rule, place and message. */
const shown = async (run: ReturnType<typeof lintCheckout>) =>
  (await run).findings.map(({ ruleId, line, column, message }) => `${ruleId} ${line}:${column} ${message}`);

/** A finding no rule gives: the proof that a judgment came from the cache. */
function poison(judgments: CachedJudgments): void {
  expect(judgments.size).toBe(1);
  for (const judgment of judgments.values()) {
    judgment.findings = [{ ruleId: 'unknown-dependency', messageId: 'unknown', data: { dependency: 'from-the-cache' }, file: 'checkout/service.yaml', range: { line: 1, column: 1, endLine: 1, endColumn: 2 }, service: 'checkout' }];
  }
}

const poisoned = expect.arrayContaining([expect.stringMatching(/^unknown-dependency 1:1 .*from-the-cache/)]);

describe('--cache keeps what judging the workspace gave', () => {
  it('takes the findings of an unchanged workspace from the cache, and judges again once any of its manifests changes', async () => {
    const root = repository();
    const fresh = await shown(lintCheckout(root, { cache: undefined }));
    expect(fresh.length).toBeGreaterThan(0);
    expect(await shown(lintCheckout(root))).toEqual(fresh);
    editCacheJudgments(join(root, '.svc-lint-cache'), poison);
    expect(await shown(lintCheckout(root))).toEqual(poisoned);
    // pricing is not linted, but its traffic is what checkout is judged on: a change to it is a change to the judgment.
    // New times, and old enough that the cache trusts them alone: only the identity in the key can show the change.
    const touched = new Date(Date.now() - 60_000);
    utimesSync(join(root, 'pricing/service.yaml'), touched, touched);
    expect(await shown(lintCheckout(root))).toEqual(fresh);
  });

  it('judges again when the drift evidence the rules read changes', async () => {
    const root = repository();
    expect(await shown(lintCheckout(root))).not.toContainEqual(expect.stringMatching(/^language-drift/));
    editCacheJudgments(join(root, '.svc-lint-cache'), poison);
    writeFileSync(join(root, 'checkout/requirements.txt'), 'flask\n');
    const fresh = await shown(lintCheckout(root, { cache: undefined }));
    expect(await shown(lintCheckout(root))).toEqual(fresh);
  });

  it('judges each set of linted files and each set of rules on its own', async () => {
    const root = repository();
    await lintCheckout(root);
    editCacheJudgments(join(root, '.svc-lint-cache'), poison);
    const withOverride = { ruleOverrides: { 'unknown-dependency': 'warning' } } as const;
    expect(await shown(lintCheckout(root, withOverride))).toEqual(await shown(lintCheckout(root, { ...withOverride, cache: undefined })));
    const both = { patterns: ['checkout/service.yaml', 'pricing/service.yaml'] };
    expect(await shown(lintCheckout(root, both))).toEqual(await shown(lintCheckout(root, { ...both, cache: undefined })));
    expect(await shown(lintCheckout(root))).toEqual(poisoned);
  });

  it('applies the directives and the date afresh: the cache keeps the findings from before them', async () => {
    const root = makeWorkspace({
      'checkout/service.yaml': manifest('checkout', [
        '# svc-lint-disable-next-line hot-path-throughput until 2027-03-31 -- rewrite in Go tracked in PLAT-123',
        'language: python',
        'workload: api',
        'traffic:',
        '  peakRps: 25000',
      ]),
    });
    mkdirSync(join(root, '.git'));
    const onItsDate = await lintCheckout(root, { today: '2027-03-31' });
    expect(onItsDate.findings.filter((finding) => finding.ruleId === 'hot-path-throughput').map((finding) => finding.suppressed?.kind)).toEqual(['inline']);
    const dayAfter = await shown(lintCheckout(root, { today: '2027-04-01' }));
    expect(dayAfter).toEqual(await shown(lintCheckout(root, { today: '2027-04-01', cache: undefined })));
    expect(dayAfter).toContainEqual(expect.stringMatching(/^suppression-expired 6:3 /));
  });

  it('ignores a damaged judgment, whatever its shape, and judges again', async () => {
    const root = repository();
    const fresh = await shown(lintCheckout(root, { cache: undefined }));
    for (const damaged of ['', '{', 'null', '[]', '{"findings":[{}],"traffic":[],"undeclared":[],"evidenceDirectories":[]}', '{"findings":[],"traffic":[[1]],"undeclared":[],"evidenceDirectories":[]}']) {
      await lintCheckout(root);
      replaceCacheJudgments(join(root, '.svc-lint-cache'), damaged);
      expect(await shown(lintCheckout(root)), damaged).toEqual(fresh);
    }
  });

  it('reads only the parts of the cache a run uses: a damaged entry of a manifest it does not lint is never read while the judgment holds', { timeout: 60_000 }, async () => {
    const root = repository();
    // More manifests than one part of the cache's texts holds, so the last ones lie in a part of their own.
    for (let index = 0; index < rowsPerPart + 20; index++) {
      mkdirSync(join(root, `filler-${index}`));
      writeFileSync(join(root, `filler-${index}/service.yaml`), goService(`filler-${index}`));
    }
    const cachePath = join(root, '.svc-lint-cache');
    const lintAll = (options: Partial<LintOptions> = {}) => lint({ cwd: root, patterns: ['.'], cache: '.svc-lint-cache', ...options });
    const fresh = await shown(lintCheckout(root, { cache: undefined }));
    const freshAll = await shown(lintAll({ cache: undefined }));
    // The first run writes the cache into the directory it searched; the second finds the cache file there and keeps
    // that listing. From then on, runs write nothing.
    await lintCheckout(root);
    await lintCheckout(root);
    const entries = cacheEntries(cachePath);
    expect(entries.length).toBeGreaterThan(rowsPerPart);
    damageCacheText(cachePath, entries.at(-1)!.path, sourceColumn.declarations);

    const cacheNotes = async (run: ReturnType<typeof lint>) => (await run).notes.filter((note) => note.includes('cache'));
    const one = lintCheckout(root);
    expect(await shown(one)).toEqual(fresh);
    expect(await cacheNotes(one)).toEqual([]);
    // Judging the whole workspace reads every entry: the damaged one is read from its manifest, and said.
    const all = lintAll();
    expect(await shown(all)).toEqual(freshAll);
    expect(await cacheNotes(all)).toEqual(['ignored entries of the cache .svc-lint-cache that do not match their checksum (changed since svc-lint wrote them)']);
    // The cache was written anew without it.
    expect(await cacheNotes(lintAll())).toEqual([]);
  });
});

describe('a cache inside the workspace it describes', () => {
  /** What tells one write of the cache from another. */
  const written = (path: string) => {
    const { ino, mtimeMs, ctimeMs } = statSync(path);
    return { ino, mtimeMs, ctimeMs };
  };

  it('is not written again by runs that change nothing, though each write of it moves its directory\'s times', async () => {
    const root = repository();
    const cachePath = join(root, '.svc-lint-cache');
    await lintCheckout(root);
    await lintCheckout(root);
    const settled = written(cachePath);
    expect(await shown(lintCheckout(root))).toEqual(await shown(lintCheckout(root, { cache: undefined })));
    await lintCheckout(root);
    expect(written(cachePath)).toEqual(settled);
    // A file added beside it is still seen: the directory holds other entries now.
    writeFileSync(join(root, 'extra.service.yaml'), goService('extra'));
    expect((await lint({ cwd: root, patterns: ['.'], cache: '.svc-lint-cache' })).summary.files).toBe(3);
  });

  it('is not written again when the linted manifest lies beside it, whose drift evidence is that directory\'s', async () => {
    const root = makeWorkspace({ 'service.yaml': goService('single'), 'go.mod': 'module single\n' });
    mkdirSync(join(root, '.git'));
    const lintRoot = () => lint({ cwd: root, patterns: ['service.yaml'], cache: '.svc-lint-cache' });
    await lintRoot();
    await lintRoot();
    const settled = written(join(root, '.svc-lint-cache'));
    await lintRoot();
    expect(written(join(root, '.svc-lint-cache'))).toEqual(settled);
    // Evidence added beside it is still seen.
    writeFileSync(join(root, 'requirements.txt'), 'fastapi\n');
    const after = await lintRoot();
    expect(after.findings.map((finding) => finding.ruleId)).toEqual((await lint({ cwd: root, patterns: ['service.yaml'] })).findings.map((finding) => finding.ruleId));
    expect(written(join(root, '.svc-lint-cache'))).not.toEqual(settled);
  });
});

