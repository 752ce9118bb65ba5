import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { removeWorkspaces } from '../cli/run-cli.js';
import { lintText } from '../hostile/support.js';
import { assertRangesInside, manifestText, yamlishText } from './support.js';

afterAll(removeWorkspaces);

const seed = 20_260_115;

/** lint() resolves for `text`, and every finding it reports lies inside `text`. */
async function lintsWithValidRanges(text: string): Promise<void> {
  const result = await lintText(text, 'fuzz.service.yaml');
  assertRangesInside(text, result.findings);
  for (const finding of result.findings) {
    if (finding.file !== 'fuzz.service.yaml') throw new Error(`a finding names ${finding.file}`);
  }
}

describe('lint() never throws, and every finding lies inside the text', () => {
  it('for arbitrary strings', { timeout: 30_000 }, async () => {
    // A quote left after a node: the parser's error token swallows a line break, which must not shift positions.
    const strayQuotes: [string][] = [['[]"\n'], ["- \n'\n"]];
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 200 }), lintsWithValidRanges), { numRuns: 200, seed, examples: strayQuotes });
  });

  it('for arbitrary Unicode, with line breaks of every kind', { timeout: 30_000 }, async () => {
    const pieces = fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('\n', '\r\n', '\r', '\t', ': ', '- ', '\uFEFF', '#', '---\n', '&a ', '*a'));
    const text = fc.array(pieces, { maxLength: 30 }).map((parts) => parts.join(''));
    await fc.assert(fc.asyncProperty(text, lintsWithValidRanges), { numRuns: 200, seed });
  });

  it('for any value written as YAML', { timeout: 30_000 }, async () => {
    await fc.assert(fc.asyncProperty(yamlishText, lintsWithValidRanges), { numRuns: 150, seed });
  });

  it('for manifest-shaped documents with random field values', { timeout: 30_000 }, async () => {
    await fc.assert(fc.asyncProperty(manifestText, lintsWithValidRanges), { numRuns: 200, seed });
  });
});
