import { absoluteGlobs, findManifestFiles, findRepositoryRoot } from './files.js';
import type { LoadedConfig } from './config/load.js';

/**
 * The directory whose manifests graph rules see: the config file's directory, else the repository root,
 * else the cwd. With `include` in the config, its globs define the workspace instead.
 */
export function workspaceFiles(config: LoadedConfig, cwd: string, root?: string): string[] {
  const exclude = absoluteGlobs(config.directory, config.config.exclude ?? []);
  const include = config.config.include;
  if (root === undefined && include && include.length > 0) {
    return findManifestFiles(absoluteGlobs(config.directory, include), cwd, exclude).files;
  }
  const directory = root ?? (config.path ? config.directory : (findRepositoryRoot(cwd) ?? cwd));
  return findManifestFiles([directory], cwd, exclude).files;
}
