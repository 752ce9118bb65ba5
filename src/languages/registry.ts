import type { KnownLanguage, LanguageProfile } from '../types.js';
import { nameIndex } from '../text/closest.js';

export interface LanguageRegistry {
  /** Lower-cases and resolves aliases (`golang` → `go`); unknown names come back lower-cased. */
  resolve(name: string): string;
  /**
   * `resolve` on each name of a list, as one frozen array per distinct list asked for: a workspace's teams name the
   * same few lists of languages thousands of times, and each service holds its list to the end of a run.
   */
  resolveAll(names: readonly string[]): readonly string[];
  /** Whether the id (after resolution) is a language svc-lint knows, with or without a profile. */
  isKnown(id: string): boolean;
  profile(id: string): LanguageProfile | undefined;
  /**
   * For a name that is neither a profile nor a known language but lies within a small edit distance of a known name
   * or alias (`pyhton`): that name. Undefined otherwise: known languages, and names far from every known one.
   */
  misspelledName(name: string): string | undefined;
  profiles(): LanguageProfile[];
  /** What the registry was made from (plain data): another thread makes the same registry from it. */
  definition(): LanguageDefinition;
}

export interface LanguageDefinition {
  profiles: readonly LanguageProfile[];
  known: readonly KnownLanguage[];
}

export function normalizeLanguageName(name: string): string {
  return name.trim().toLowerCase();
}

/** Profiles take precedence over known names; a later profile with the same id replaces an earlier one. */
export function createLanguageRegistry(
  profiles: readonly LanguageProfile[],
  known: readonly KnownLanguage[],
): LanguageRegistry {
  const canonicalByName = new Map<string, string>();
  const profileById = new Map<string, LanguageProfile>();
  const addNames = (id: string, aliases: readonly string[]) => {
    canonicalByName.set(normalizeLanguageName(id), id);
    for (const alias of aliases) canonicalByName.set(normalizeLanguageName(alias), id);
  };
  for (const language of known) addNames(language.id, language.aliases);
  for (const profile of profiles) {
    addNames(profile.id, profile.aliases);
    profileById.set(profile.id, profile);
  }
  let names: ReturnType<typeof nameIndex> | undefined;
  const resolve = (name: string) => {
    const normalized = normalizeLanguageName(name);
    return canonicalByName.get(normalized) ?? normalized;
  };
  const lists = new Map<string, readonly string[]>();
  return {
    misspelledName: (name) => {
      const normalized = normalizeLanguageName(name);
      if (canonicalByName.has(normalized)) return undefined;
      names ??= nameIndex(canonicalByName.keys());
      return names.closest(normalized, { maxDistance: misspellingDistance(normalized), maxSuggestions: 1 })[0];
    },
    resolve,
    resolveAll: (listed) => {
      const ids = listed.map(resolve);
      const key = JSON.stringify(ids);
      let shared = lists.get(key);
      if (!shared) lists.set(key, (shared = Object.freeze(ids)));
      return shared;
    },
    isKnown: (id) => canonicalByName.has(normalizeLanguageName(id)),
    profile: (id) => profileById.get(id),
    profiles: () => [...profileById.values()],
    definition: () => ({ profiles, known }),
  };
}

/**
 * How far a name may be from a known one to be taken for its misspelling: none below four characters (`r` is not a
 * misspelt `c`), one up to five (`pyton`), two from six (`pyhton`, `golnag`).
 */
function misspellingDistance(name: string): number {
  if (name.length < 4) return 0;
  return name.length < 6 ? 1 : 2;
}

/** A language as messages print it: its profile's name, else its id (`py` and `PYTHON` both print as Python). */
export function languageName(id: string, languages: LanguageRegistry): string {
  return languages.profile(id)?.name ?? id;
}
