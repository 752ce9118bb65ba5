import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runWithCodeCache } from './code-cache.js';

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

function scriptFile(source: string): { script: string; cache: string } {
  const directory = mkdtempSync(join(tmpdir(), 'svc-lint-code-cache-'));
  directories.push(directory);
  const script = join(directory, 'script.cjs');
  writeFileSync(script, source);
  return { script, cache: `${script}.code-cache` };
}

const answering = (value: number) => `module.exports = { answer: () => ${value}, file: __filename, fs: typeof require('node:fs').readFileSync };\n`;

describe('runWithCodeCache', () => {
  it('runs a CommonJS script, keeps its code after the run and compiles nothing from then on', async () => {
    const { script, cache } = scriptFile(answering(1));
    const first = runWithCodeCache(script, cache);
    expect(first.fromCache).toBe(false);
    expect(first.exports).toMatchObject({ file: script, fs: 'function' });
    expect((first.exports as { answer: () => number }).answer()).toBe(1);
    await first.saveCodeCache();
    expect(readFileSync(cache, 'latin1').split('\n')[0]).toMatch(/^svc-lint-code-cache\/2 [0-9a-f]{64} [0-9a-f]{64}$/);

    const second = runWithCodeCache(script, cache);
    expect(second.fromCache).toBe(true);
    expect((second.exports as { answer: () => number }).answer()).toBe(1);
    const written = statSync(cache).mtimeMs;
    await second.saveCodeCache();
    expect(statSync(cache).mtimeMs).toBe(written);
  });

  it('never runs the code of another source, even one of the same length (V8 compares only lengths)', async () => {
    const { script, cache } = scriptFile(answering(1));
    const first = runWithCodeCache(script, cache);
    (first.exports as { answer: () => number }).answer();
    await first.saveCodeCache();
    writeFileSync(script, answering(2));

    const edited = runWithCodeCache(script, cache);
    expect(edited.fromCache).toBe(false);
    expect((edited.exports as { answer: () => number }).answer()).toBe(2);
    await edited.saveCodeCache();
    expect(runWithCodeCache(script, cache).fromCache).toBe(true);
  });

  it.each([
    ['a flipped byte in the data', (bytes: Buffer) => Buffer.concat([bytes.subarray(0, -10), Buffer.from([bytes[bytes.length - 10]! ^ 0xff]), bytes.subarray(-9)])],
    ['a truncated file', (bytes: Buffer) => bytes.subarray(0, bytes.length >> 1)],
    ['no header', (bytes: Buffer) => bytes.subarray(bytes.indexOf(0x0a) + 1)],
    ['an empty file', () => Buffer.alloc(0)],
  ])('ignores a damaged cache (%s), runs the source and writes the cache again', async (_damage, damage) => {
    const { script, cache } = scriptFile(answering(3));
    await runWithCodeCache(script, cache).saveCodeCache();
    writeFileSync(cache, damage(readFileSync(cache)));

    const run = runWithCodeCache(script, cache);
    expect(run.fromCache).toBe(false);
    expect((run.exports as { answer: () => number }).answer()).toBe(3);
    await run.saveCodeCache();
    expect(runWithCodeCache(script, cache).fromCache).toBe(true);
  });

  it('runs without a cache where none can be written', async () => {
    const { script } = scriptFile(answering(4));
    const cache = join(script, '..', 'missing-directory', 'script.cjs.code-cache');
    const run = runWithCodeCache(script, cache);
    await expect(run.saveCodeCache()).resolves.toBeUndefined();
    expect(runWithCodeCache(script, cache).fromCache).toBe(false);
  });

  it('keeps the line numbers of the script in its stack traces', () => {
    const { script, cache } = scriptFile('\n\nmodule.exports = new Error("here").stack;\n');
    expect(runWithCodeCache(script, cache).exports).toContain(`${script}:3:`);
  });
});
