import { describe, expect, it } from 'vitest';
import { createLanguageRegistry } from './registry.js';

const registry = () =>
  createLanguageRegistry([], [
    { id: 'go', aliases: ['golang'] },
    { id: 'python', aliases: ['py', 'python3'] },
  ]);

describe('resolveAll', () => {
  it('resolves each name of a list, in order', () => {
    expect(registry().resolveAll(['Golang', 'py', 'Rust'])).toEqual(['go', 'python', 'rust']);
  });

  it('gives one frozen array for every list that resolves to the same ids, and another for another order', () => {
    const languages = registry();
    const first = languages.resolveAll(['go', 'python']);
    expect(languages.resolveAll(['golang', 'PY'])).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(languages.resolveAll(['python', 'go'])).not.toBe(first);
    expect(languages.resolveAll([])).toEqual([]);
  });
});

describe('resolveAll on names holding separators', () => {
  it('keeps lists apart whatever their names hold', () => {
    const languages = registry();
    expect(languages.resolveAll(['a\u0000b'])).toEqual(['a\u0000b']);
    expect(languages.resolveAll(['a', 'b'])).toEqual(['a', 'b']);
    expect(languages.resolveAll(['a","b'])).toEqual(['a","b']);
  });
});
