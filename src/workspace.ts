import { resolve } from 'node:path';
import type { LoadedConfig } from './config/load.js';
import { absoluteGlobs, findManifestFiles, findRepositoryRoot, isInsideDirectory } from './files.js';

export interface WorkspaceRequest {
  config: LoadedConfig;
  cwd: string;
  /** An explicit workspace directory (the library's `workspace` option). */
  root?: string;
  /** The files being linted, already read. */
  reportedFiles: readonly string[];
  /** The patterns they came from, to skip searching a directory twice. */
  patterns: readonly string[];
}

/**
 * The other manifests graph rules see besides the linted ones: those of the config's `include`, else under the
 * config file's directory, else under the repository root. Outside a repository and without a config there are
 * none (svc-lint does not search a home directory or /tmp), nor when no linted file lies inside the workspace.
 */
export function workspaceFiles(request: WorkspaceRequest): string[] {
  const { config, cwd } = request;
  const exclude = absoluteGlobs(config.directory, config.config.exclude ?? []);
  const include = config.config.include;
  if (request.root === undefined && include && include.length > 0) {
    const globs = absoluteGlobs(config.directory, include);
    // Without paths, the linted files came from these very globs: there is nothing else to search for.
    const searched = globs.length === request.patterns.length && globs.every((glob, index) => glob === request.patterns[index]);
    return searched ? [] : findManifestFiles(globs, cwd, exclude).files;
  }
  const root = request.root ?? (config.path ? config.directory : findRepositoryRoot(cwd));
  if (root === undefined) return [];
  if (!request.reportedFiles.some((file) => isInsideDirectory(root, file))) return [];
  if (request.patterns.some((pattern) => resolve(cwd, pattern) === root)) return [];
  return findManifestFiles([root], cwd, exclude).files;
}
