import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { judgeSources, judgeWithCache } from './judge.js';
import { packagePath } from './package-paths.js';
import { setUp } from './ruleset/setup.js';
import { loadManifestSource, sourceLimits } from './sources/manifest/source.js';
import type { WorkspaceCache } from './sources/cache/workspace-cache.js';

// A full collection on demand, to see what a judgment still holds.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const cwd = packagePath('fixtures', 'examples');
const setup = setUp({ cwd, config: false });
const sources = ['checkout-api', 'edge-gateway', 'fraud-scorer', 'nightly-etl', 'recommender'].map((name) => {
  const displayPath = `${name}/service.yaml`;
  return loadManifestSource({ path: join(cwd, displayPath), displayPath }, setup.languages, sourceLimits(1));
});

/** The part of a workspace cache that judging reads, keeping judgments in `judgments`; `taken` counts the ones read. */
function cacheOf(judgments: Map<string, string>, taken = { count: 0 }): WorkspaceCache {
  const judging: Pick<WorkspaceCache, 'judgmentKey' | 'judgment' | 'rememberJudgment' | 'evidenceRead' | 'hasCurrentEvidence'> = {
    judgmentKey: () => 'the workspace',
    judgment: (key) => {
      taken.count += 1;
      return judgments.get(key);
    },
    rememberJudgment: (key, text) => void judgments.set(key, text),
    evidenceRead: () => [],
    hasCurrentEvidence: () => true,
  };
  return judging as WorkspaceCache;
}

describe('a judgment taken from the cache', () => {
  it('keeps neither the cache nor what it read once judged', async () => {
    const judgments = new Map<string, string>();
    const judged = judgeWithCache(cacheOf(judgments), setup, sources, sources, { cwd, today: '2026-12-03' });
    expect(judgments.size).toBe(1);

    const taken = { count: 0 };
    let cache: WorkspaceCache | undefined = cacheOf(judgments, taken);
    const held = new WeakRef(cache);
    const remembered = judgeWithCache(cache, setup, sources, sources, { cwd, today: '2026-12-03' });
    cache = undefined;
    // A WeakRef holds its target until the job that made it ends.
    await new Promise((resolve) => setImmediate(resolve));
    collectGarbage();

    expect(taken.count).toBe(1);
    expect(held.deref()).toBeUndefined();
    // Still in use after the collection: its decisions and analysis are what could have kept the cache.
    expect(remembered.analysis.capacity().services.length).toBe(judged.analysis.capacity().services.length);
    expect(remembered.findings.map((finding) => finding.message)).toEqual(judged.findings.map((finding) => finding.message));
  });
});

describe('judging with a safe point', () => {
  it('reaches it after the analysis, after each rule, after the exemptions and after rendering, and finds the same', () => {
    const plain = judgeSources(setup, sources, sources, { cwd, today: '2026-12-03' });
    let reached = 0;
    const collecting = judgeSources(setup, sources, sources, {
      cwd,
      today: '2026-12-03',
      safePoint: () => {
        reached += 1;
        collectGarbage();
      },
    });
    const rulesRun = setup.rules.filter((entry) => entry.rule.enabled && entry.template).length;
    expect(rulesRun).toBeGreaterThan(10);
    expect(reached).toBe(1 + rulesRun + 2);
    expect(JSON.stringify(collecting.findings)).toBe(JSON.stringify(plain.findings));
  });
});
