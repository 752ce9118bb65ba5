import { realpathSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import fg from 'fast-glob';
import type { SvcLintError } from '../errors.js';
import { findRepositoryRoot, isInsideDirectory } from '../io/paths.js';
import type { YamlPath } from '../yaml/locate.js';
import type { SvcLintConfig } from './types.js';

/**
 * Where `path` really is: its real path, or for a path that does not exist yet, the real path of its nearest existing
 * ancestor with the rest appended. A link inside the repository to a directory outside it leads outside.
 */
function realLocation(path: string): string {
  const rest: string[] = [];
  for (let current = resolve(path); ; current = dirname(current)) {
    try {
      return join(realpathSync.native(current), ...rest.reverse());
    } catch {
      if (dirname(current) === current) return resolve(path);
      rest.push(basename(current));
    }
  }
}

/** The directories a glob from the config searches: the static part of each pattern fast-glob derives from it. */
function searchedDirectories(glob: string, directory: string): string[] {
  if (!fg.isDynamicPattern(glob)) return [resolve(directory, glob)];
  return fg.generateTasks([glob], { cwd: directory }).map((task) => resolve(directory, task.base));
}

/**
 * The paths in a config (`include`, `exclude`, `baseline`) must stay inside the repository that holds the config, or
 * inside the config's own directory outside a repository: a config that a checkout brings along must not make
 * svc-lint read `/etc/passwd` into a report, search the whole disk, or write its baseline over `~/.ssh`.
 */
export function checkContainment(
  config: SvcLintConfig,
  configDirectory: string,
  errorAt: (at: YamlPath, problem: string) => SvcLintError,
): void {
  const root = findRepositoryRoot(configDirectory) ?? configDirectory;
  const realRoot = realLocation(root);
  const where = findRepositoryRoot(configDirectory) ? `the repository (${root})` : `the config's directory (${root})`;
  const escapes = (path: string) => !isInsideDirectory(realRoot, realLocation(path));
  for (const key of ['include', 'exclude'] as const) {
    (config[key] ?? []).forEach((glob, index) => {
      if (searchedDirectories(glob, configDirectory).some(escapes)) {
        throw errorAt([key, index], `${JSON.stringify(glob)} reaches outside ${where}; a config's paths must stay inside it`);
      }
    });
  }
  if (config.baseline !== undefined && escapes(resolve(configDirectory, config.baseline))) {
    throw errorAt(['baseline'], `${JSON.stringify(config.baseline)} is outside ${where}; remove it from the config and pass --baseline on the command line to use a file elsewhere`);
  }
}
