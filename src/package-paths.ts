import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The package root: one level above this module, whether it runs from src/ or dist/. */
const packageRoot = fileURLToPath(new URL('..', import.meta.url));

export function packagePath(...segments: string[]): string {
  return join(packageRoot, ...segments);
}

let cachedVersion: string | undefined;

/** svc-lint's version from its package.json, read once. */
export function packageVersion(): string {
  cachedVersion ??= (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
  return cachedVersion;
}
