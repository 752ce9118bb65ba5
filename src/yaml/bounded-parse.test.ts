import fc from 'fast-check';
import { CST, Lexer, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { isNodeLexeme } from './bounded-parse.js';

const nodeTypes = new Set([
  'scalar',
  'single-quoted-scalar',
  'double-quoted-scalar',
  'block-scalar-header',
  'alias',
  'flow-map-start',
  'flow-seq-start',
  'seq-item-ind',
  'explicit-key-ind',
  'doc-start',
]);

const samples = [
  'a: 1\nb: [x, "y", \'z\']\nc: {d: *e}\n? k\n: v\n- -1\n--- |\n  text\n... \n%YAML 1.2\n---\n&a !tag >\n  folded\n# c\n',
  '\ufeff- [a, {b: c}]\n- *ref\n-\t"q"\r\n',
];

function yamlOf(value: unknown): string {
  try {
    return stringify(value);
  } catch {
    return String(value);
  }
}

function lexemes(text: string): string[] {
  return [...new Lexer().lex(text)];
}

describe('isNodeLexeme', () => {
  it('answers as CST.tokenType does for the node types, for every lexeme of hand-picked YAML', () => {
    for (const lexeme of samples.flatMap(lexemes)) expect(isNodeLexeme(lexeme), JSON.stringify(lexeme)).toBe(nodeTypes.has(CST.tokenType(lexeme) ?? ''));
  });

  it('answers as CST.tokenType does for every lexeme of any YAML value and of any text', () => {
    const text = fc.oneof(fc.anything().map(yamlOf), fc.string({ unit: 'binary' }));
    fc.assert(
      fc.property(text, (source) => {
        for (const lexeme of lexemes(source)) if (isNodeLexeme(lexeme) !== nodeTypes.has(CST.tokenType(lexeme) ?? '')) return false;
        return true;
      }),
      { numRuns: 300, seed: 20_261_202 },
    );
  });
});
