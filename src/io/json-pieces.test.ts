import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inPieces, jsonPieces } from './json-pieces.js';

const joined = (document: unknown, indent: 0 | 2) => [...jsonPieces(document, indent)].join('');

describe('jsonPieces', () => {
  it.each([0, 2] as const)('gives what JSON.stringify gives, with indent %i', (indent) => {
    const items = [{ a: 1, b: [1, 2, { c: 'x' }] }, 'text', null, 3, [], {}];
    const document = { head: { nested: true }, items, empty: [], tail: 'end' };
    const piecewise = { ...document, items: inPieces(items), empty: inPieces([]) };
    expect(joined(piecewise, indent)).toBe(`${JSON.stringify(document, null, indent)}\n`);
  });

  it('handles a document that is itself the array, and several arrays at any depth', () => {
    const items = [{ x: 1 }, { y: [2, 3] }];
    expect(joined(inPieces(items), 2)).toBe(`${JSON.stringify(items, null, 2)}\n`);
    const document = { runs: [{ tool: 'a', results: items }, { tool: 'b', results: [] }] };
    const piecewise = { runs: [{ tool: 'a', results: inPieces(items) }, { tool: 'b', results: inPieces([]) }] };
    expect(joined(piecewise, 2)).toBe(`${JSON.stringify(document, null, 2)}\n`);
  });

  it('turns the items to text one at a time, as they are asked for', () => {
    const produced: number[] = [];
    function* items() {
      for (let index = 0; index < 3; index += 1) {
        produced.push(index);
        yield { index };
      }
    }
    const pieces = jsonPieces({ items: inPieces(items()) }, 0);
    expect(pieces.next().value).toBe('{"items":');
    expect(pieces.next().value).toBe('[{"index":0}');
    expect(produced).toEqual([0]);
  });

  it('matches JSON.stringify for any JSON value, strings that look like the marker included', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue()), fc.jsonValue(), fc.constantFrom(0 as const, 2 as const), (items, other, indent) => {
        const document = { other, items, marker: 'svc-lint-items-0' };
        expect(joined({ ...document, items: inPieces(items) }, indent)).toBe(`${JSON.stringify(document, null, indent)}\n`);
      }),
    );
  });
});
