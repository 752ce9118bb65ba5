import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SvcLintError } from '../errors.js';
import { maxAliasCount, maxNestingDepth } from './limits.js';
import { readYamlDataFile } from './read-data-file.js';
import { decodeYamlBytes, documentProblems, parseYamlSafely, plainValueOf } from './safe-parse.js';

function configError(text: string | Uint8Array): string {
  const path = join(mkdtempSync(join(tmpdir(), 'svc-lint-yaml-')), '.svc-lint.yaml');
  writeFileSync(path, text);
  try {
    readYamlDataFile(path, '.svc-lint.yaml', 'config');
  } catch (error) {
    expect(error).toBeInstanceOf(SvcLintError);
    return (error as Error).message;
  }
  throw new Error('the config was accepted');
}

describe('one safe YAML reader', () => {
  it('refuses nesting past the limit before parsing', () => {
    const text = `a: ${'['.repeat(maxNestingDepth + 1)}${']'.repeat(maxNestingDepth + 1)}\n`;
    expect(parseYamlSafely(text)).toEqual({ tooDeep: { offset: 3 + maxNestingDepth } });
  });

  it('stops at the node budget', () => {
    expect(parseYamlSafely('a: [1, 2, 3, 4, 5]\n', { maxNodes: 4 })).toHaveProperty('tooManyNodes');
  });

  it('reports each position once, and duplicate keys only in a document that parses', () => {
    const parsed = parseYamlSafely('a: 1\na: 2\n---\nb: [[[1\n');
    if (!('documents' in parsed)) throw new Error('not parsed');
    const [first, second] = parsed.documents;
    expect(documentProblems(first!, 'a: 1\na: 2\n---\nb: [[[1\n').map((problem) => problem.code)).toEqual(['DUPLICATE_KEY']);
    expect(second!.errors.length).toBeGreaterThan(1);
    expect(documentProblems(second!, 'a: 1\na: 2\n---\nb: [[[1\n')).toHaveLength(1);
  });

  it('bounds alias expansion with one constant', () => {
    const anchors = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 6; level++) anchors.push(`a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]`);
    const parsed = parseYamlSafely(`${anchors.join('\n')}\n`);
    if (!('documents' in parsed)) throw new Error('not parsed');
    expect(plainValueOf(parsed.documents[0]!)).toMatchObject({ aliases: true });
    expect(maxAliasCount).toBe(100);
  });

  it('tells binary bytes from a bad UTF-8 byte', () => {
    expect(decodeYamlBytes(Uint8Array.from([0x61, 0x00]))).toMatchObject({ code: 'BINARY' });
    expect(decodeYamlBytes(Uint8Array.from([0x61, 0x0a, 0xe9]))).toMatchObject({ code: 'ENCODING', line: 2, column: 1 });
  });

  it('gives the config the same limits and answers as a manifest', () => {
    expect(configError(`rules: ${'['.repeat(maxNestingDepth + 1)}\n`)).toBe(`invalid config .svc-lint.yaml:1:${8 + maxNestingDepth}: the YAML nests deeper than 1,000 levels`);
    expect(configError(Uint8Array.from([0x72, 0x3a, 0x00]))).toBe('invalid config .svc-lint.yaml:1:1: this is a binary file, not YAML text');
    expect(configError('rules: {}\n---\nrules: {}\n')).toBe('invalid config .svc-lint.yaml:2:1: holds 2 YAML documents; a config is one');
    expect(configError('rules: {}\nrules: {}\n')).toBe('invalid config .svc-lint.yaml:2:1: invalid YAML: the key "rules" appears twice in one mapping');
  });
});
