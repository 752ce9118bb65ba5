import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { makeWorkspace, removeWorkspaces } from '../cli/run-cli.js';
import { lintFiles, lintText } from '../hostile/support.js';
import { assertRangesInside } from './support.js';

afterAll(removeWorkspaces);

const fixturesDirectory = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const maxMutants = 400;

/** Every YAML manifest under fixtures/<rule>/ (the examples fleet and the test tables left out). */
function fixtureManifests(): string[] {
  const found: string[] = [];
  const walk = (directory: string) => {
    for (const entry of readdirSync(directory)) {
      const path = join(directory, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(entry) && entry !== 'cases.yaml') found.push(path);
    }
  };
  for (const entry of readdirSync(fixturesDirectory)) {
    if (entry !== 'examples' && statSync(join(fixturesDirectory, entry)).isDirectory()) walk(join(fixturesDirectory, entry));
  }
  return found.sort();
}

type Mutation =
  | { kind: 'flip-byte'; at: number; bit: number }
  | { kind: 'delete-line'; at: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'insert-byte'; at: number; byte: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip-byte' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert-byte' as const), at: fc.nat(), byte: fc.constantFrom(0x09, 0x0a, 0x0d, 0x20, 0x22, 0x23, 0x26, 0x2a, 0x2d, 0x3a, 0x5b, 0x7b, 0x7c) }),
);

function mutate(text: string, change: Mutation): string {
  const lines = text.split('\n');
  switch (change.kind) {
    case 'flip-byte': {
      // Flips a bit of a character code, keeping the text a string (as an editor buffer would be).
      if (text.length === 0) return text;
      const at = change.at % text.length;
      return text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ (1 << change.bit)) + text.slice(at + 1);
    }
    case 'delete-line':
      lines.splice(change.at % lines.length, 1);
      return lines.join('\n');
    case 'duplicate-line': {
      const at = change.at % lines.length;
      lines.splice(at, 0, lines[at]!);
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, change.at % (text.length + 1));
    case 'insert-byte': {
      const at = change.at % (text.length + 1);
      return text.slice(0, at) + String.fromCharCode(change.byte) + text.slice(at);
    }
  }
}

describe('mutated fixtures', () => {
  const manifests = fixtureManifests();

  it('are found: every rule directory contributes its manifests', () => {
    expect(manifests.length).toBeGreaterThan(50);
  });

  it('never make lint() throw, and every finding lies inside the mutated text', { timeout: 60_000 }, async () => {
    const texts = manifests.map((path) => readFileSync(path, 'utf8'));
    const mutant = fc.tuple(fc.nat({ max: texts.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }));
    await fc.assert(
      fc.asyncProperty(mutant, async ([index, changes]) => {
        const text = changes.reduce(mutate, texts[index]!);
        const result = await lintText(text, 'mutant.service.yaml');
        assertRangesInside(text, result.findings);
      }),
      { numRuns: maxMutants, seed: 20_260_115 },
    );
  });

  it('with raw bytes flipped on disk (invalid UTF-8, NUL bytes) are findings, never exceptions', { timeout: 60_000 }, async () => {
    const files = manifests.map((path) => readFileSync(path));
    const root = makeWorkspace();
    const flips = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })), { minLength: 1, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: files.length - 1 }), flips, async (index, changes) => {
        const bytes = Buffer.from(files[index]!);
        for (const [at, bit] of changes) if (bytes.length > 0) bytes[at % bytes.length]! ^= 1 << bit;
        writeFileSync(join(root, 'mutant.service.yaml'), bytes);
        const result = await lintFiles(root, ['mutant.service.yaml']);
        assertRangesInside(new TextDecoder().decode(bytes), result.findings);
      }),
      { numRuns: 150, seed: 20_260_115 },
    );
  });
});
