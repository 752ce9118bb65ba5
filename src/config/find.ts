import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { findRepositoryRoot } from '../io/paths.js';

export const configFileNames = ['.svc-lint.yaml', '.svc-lint.yml'];

/** The config file a run reads: the one `config` names (relative to cwd), none (`false`), or the one found from cwd. */
export function configFileOf(config: string | false | undefined, cwd: string): string | undefined {
  if (config === false) return undefined;
  return config === undefined ? findConfigFile(cwd) : resolve(cwd, config);
}

/**
 * The config file for a run started in `startDirectory`: searched upward to the repository root, never above it (a
 * `.svc-lint.yaml` in /tmp or a home directory must not switch rules off for every repository below it) and never
 * above the home directory; outside a repository, only the starting directory counts.
 */
export function findConfigFile(startDirectory: string): string | undefined {
  const start = resolve(startDirectory);
  const home = homedir();
  const last = findRepositoryRoot(start) ?? start;
  for (let directory = start; ; directory = dirname(directory)) {
    for (const name of configFileNames) {
      const candidate = join(directory, name);
      if (existsSync(candidate)) return candidate;
    }
    if (directory === last || directory === home || dirname(directory) === directory) return undefined;
  }
}
