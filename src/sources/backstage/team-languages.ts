import type { LanguageRegistry } from '../../languages/registry.js';
import { splitList, type Parsed } from './annotations.js';

export function parseTeamLanguages(text: string, languages: LanguageRegistry): Parsed<readonly string[]> {
  const names = splitList(text);
  if (names.length === 0) {
    return { ok: false, problem: `must list languages separated by commas, e.g. "go, python", got ${JSON.stringify(text)}` };
  }
  return { ok: true, value: languages.resolveAll([...new Set(names.map((name) => languages.resolve(name)))]) };
}
