import type { Evidence } from './types.js';

/**
 * Evidence names a runtime or a toolchain; languages built with the same toolchain count as matching it (a
 * TypeScript service has a package.json, a Kotlin one without the Kotlin plugin a plain build.gradle, a C service
 * a CMake project that enables C++ too, an F# service a .NET image or solution).
 */
const languagesSharingRuntime: Record<string, readonly string[]> = {
  node: ['javascript', 'typescript'],
  java: ['kotlin', 'scala', 'groovy', 'clojure'],
  kotlin: ['java'],
  cpp: ['c'],
  csharp: ['fsharp'],
};

export type DriftVerdict = { drift: false } | { drift: true; evidence: Evidence[] };

export function evidenceMatches(declared: string, evidence: Evidence): boolean {
  const id = declared.toLowerCase();
  return evidence.languageId === id || (languagesSharingRuntime[evidence.languageId] ?? []).includes(id);
}

/** Drift only when there is evidence and none of it agrees with the declared language id. */
export function languageDriftVerdict(declared: string, evidence: readonly Evidence[]): DriftVerdict {
  if (evidence.length === 0) return { drift: false };
  if (evidence.some((item) => evidenceMatches(declared, item))) return { drift: false };
  return { drift: true, evidence: [...evidence] };
}
