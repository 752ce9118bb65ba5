import type { LanguagePath, Service } from '../types.js';
import type { LanguageRegistry } from '../languages/registry.js';

export type ServicePath = LanguagePath | 'neither';

/** The side of the hot/smart split a service's language sits on; a language on both sides, or on none, is neither. */
export function pathOf(service: Service, languages: LanguageRegistry): ServicePath {
  const paths = languages.profile(service.languageId)?.paths ?? [];
  if (paths.length !== 1) return 'neither';
  return paths[0]!;
}
