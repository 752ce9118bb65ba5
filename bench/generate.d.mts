/** Writes `count` manifests under `dir`/services, the same for the same seed; see generate.mjs. */
export function generateWorkspace(
  dir: string,
  count: number,
  seed?: number,
): { dir: string; manifests: number; edges: number; hotPathThroughputViolations: number };
