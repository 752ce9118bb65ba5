import type { LanguageRegistry } from '../../src/languages/registry.js';

const aliases: Record<string, string> = { golang: 'go', py: 'python', python3: 'python' };
const known = new Set(['go', 'python', 'node', 'java', 'rust']);

const resolve = (name: string) => {
  const lower = name.trim().toLowerCase();
  return aliases[lower] ?? lower;
};

/** A registry with just enough languages to exercise alias resolution in tests. */
export const testLanguages: LanguageRegistry = {
  resolve,
  resolveAll: (names) => names.map(resolve),
  isKnown: (id) => known.has(id),
  profile: () => undefined,
  profiles: () => [],
  misspelledName: () => undefined,
  definition: () => ({
    profiles: [],
    known: [...known].map((id) => ({ id, aliases: Object.keys(aliases).filter((alias) => aliases[alias] === id) })),
  }),
};
