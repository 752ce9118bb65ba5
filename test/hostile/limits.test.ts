import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadShippedLanguages } from '../../src/ruleset/shipped.js';
import { createLanguageRegistry } from '../../src/languages/registry.js';
import { chargeNodes, loadManifestSource, maxNodesPerFile, sourceLimits } from '../../src/sources/manifest/source.js';
import { builtBinary, childEnv, makeWorkspace, removeWorkspaces, type CliRun } from '../cli/run-cli.js';
import { expectExit, expectOneLineError, listTree } from './support.js';
import { slowTestTimeout } from '../timeouts.js';

vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

afterAll(removeWorkspaces);

const tooManyNodes =
  'the YAML holds more than 250,000 nodes (keys, values, list items and documents), which svc-lint refuses as a resource-exhaustion risk: a manifest needs a few dozen';

/** Runs the built CLI with a hard deadline (SIGKILL), so that a regression fails the test instead of hanging it. */
function runWithin(deadlineMs: number, root: string, args: string[], env: Record<string, string> = {}): CliRun & { ms: number } {
  const started = Date.now();
  const run = spawnSync(process.execPath, [builtBinary, ...args], {
    cwd: root,
    env: childEnv(env),
    encoding: 'utf8',
    timeout: deadlineMs,
    killSignal: 'SIGKILL',
    maxBuffer: 64 * 1024 * 1024,
  });
  expect(run.error?.message ?? 'finished').toBe('finished');
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, ms: Date.now() - started };
}

describe('the node budget: a file of few bytes and many nodes is one finding, fast', { timeout: 120_000 }, () => {
  it.each([
    // Each took a gigabyte or more: 10-17 s and 1.08 GB at 2 MB; 3M `[]` took 224 s and 4 GB; 1M `---` 20 s and 1 GB.
    ['a flow list of 1,000,000 zeros (2 MB)', `a: [${Array.from({ length: 1_000_000 }, () => '0').join(',')}]\n`, 1, 500_001],
    ['1,000,000 empty lists (3 MB)', `a: [${Array.from({ length: 1_000_000 }, () => '[]').join(',')}]\n`, 1, 749_999],
    ['1,000,000 document markers (4 MB)', '---\n'.repeat(1_000_000), 250_001, 1],
  ])('%s', (_name, text, line, column) => {
    const root = makeWorkspace({ 'many.service.yaml': text });
    const before = listTree(root);
    const run = runWithin(60_000, root, ['--format', 'compact']);
    expectExit(run, 1);
    expect(run.stderr).toBe('');
    expect(listTree(root)).toEqual(before);
    expect(run.stdout).toBe(`many.service.yaml: line ${line}, col ${column}, Error - ${tooManyNodes} (manifest-syntax)\n`);
    // Stops where the limit is reached: a fraction of what parsing the whole took.
    expect(run.ms).toBeLessThan(30_000);
  });

  it('the JSON report carries the message id and the limit', () => {
    const root = makeWorkspace({ 'many.service.yaml': '- x\n'.repeat(maxNodesPerFile + 1) });
    const run = runWithin(60_000, root, ['--format', 'json']);
    const [finding] = JSON.parse(run.stdout).findings;
    expect(finding).toMatchObject({ ruleId: 'manifest-syntax', messageId: 'too-many-nodes', data: { limit: 250_000 }, line: 125_001 });
  });

  it('a run out of heap ends with one line and exit 2, never a V8 fatal error', () => {
    // 200,000 keys are within the node budget, but not within a 64 MB heap.
    const root = makeWorkspace({ 'wide.service.yaml': Array.from({ length: 200_000 }, (_, index) => `key-${index}: value\n`).join('') });
    const before = listTree(root);
    const run = runWithin(60_000, root, ['--format', 'json:report.json'], { NODE_OPTIONS: '--max-old-space-size=64' });
    expectOneLineError(run, /^svc-lint: out of memory: the run needed more than its \d+ MB of heap; lint fewer files at a time, or allow more with NODE_OPTIONS=--max-old-space-size=<MB>$/);
    expect(listTree(root)).toEqual(before);
  });
});

describe('the node budget of a run', () => {
  const languages = createLanguageRegistry(
    loadShippedLanguages().profiles.map((profile) => ({ ...profile, aliases: profile.aliases ?? [] })),
    loadShippedLanguages().known,
  );

  it('each parsed file takes its nodes from it; the file that would go past it is a one-line error', () => {
    const root = makeWorkspace({ 'a.service.yaml': 'a: [1, 2, 3]\n', 'b.service.yaml': 'b: [1, 2, 3]\n' });
    // As if the run had already parsed all but six of its nodes.
    const limits = sourceLimits(10);
    limits.runNodes.left = 6;
    const file = (name: string) => ({ path: join(root, name), displayPath: name });
    const first = loadManifestSource(file('a.service.yaml'), languages, limits);
    expect(first.findings.map((finding) => finding.messageId)).not.toContain('too-many-nodes');
    expect(limits.runNodes.left).toBe(1);
    expect(() => loadManifestSource(file('b.service.yaml'), languages, limits)).toThrow(
      'the run has parsed 19,999,999 YAML nodes and b.service.yaml would take it past 20,000,000, the most one run parses: lint fewer files at a time',
    );
  });

  it('charges a file read by another thread in the run\'s order: one above the per-file limit costs nothing, unless less than a file is left', () => {
    const source = { file: { path: '/w/big.service.yaml', displayPath: 'big.service.yaml' }, services: [], findings: [] };
    const limits = sourceLimits(10);
    expect(chargeNodes({ source, nodes: maxNodesPerFile + 1 }, limits)).toBe(source);
    expect(limits.runNodes.left).toBe(20_000_000);
    expect(chargeNodes({ source, nodes: 40 }, limits)).toBe(source);
    expect(limits.runNodes.left).toBe(20_000_000 - 40);
    limits.runNodes.left = maxNodesPerFile - 1;
    expect(() => chargeNodes({ source, nodes: maxNodesPerFile + 1 }, limits)).toThrow('big.service.yaml would take it past 20,000,000');
    expect(() => chargeNodes({ source, nodes: maxNodesPerFile }, limits)).toThrow('would take it past');
  });
});
