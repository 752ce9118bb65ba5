import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The package root: one level above this module, whether it runs from src/ or dist/. */
const packageRoot = fileURLToPath(new URL('..', import.meta.url));

export function packagePath(...segments: string[]): string {
  return join(packageRoot, ...segments);
}
