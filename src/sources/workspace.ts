import { homedir, tmpdir } from 'node:os';
import { dirname, parse, resolve, sep } from 'node:path';
import type { LoadedConfig } from '../config/load.js';
import { absoluteGlobs, findManifestFiles, type SearchContext } from './files.js';
import { findRepositoryRoot, isInsideDirectory } from '../io/paths.js';

export interface WorkspaceRequest {
  config: LoadedConfig;
  cwd: string;
  /** An explicit workspace directory (the library's `workspace` option). */
  root?: string;
  /** The files being linted, already read. */
  lintedFiles: readonly string[];
  /** The patterns they came from, to skip searching a directory twice. */
  patterns: readonly string[];
  /** What the run's searches share (an earlier run's answers, the real paths and listings they find). */
  search?: SearchContext;
}

/** The directory every path lies in (the deepest one). */
function sharedDirectory(paths: readonly string[]): string {
  const split = paths.map((path) => dirname(path).split(sep));
  const shared: string[] = [];
  for (let index = 0; index < split[0]!.length; index++) {
    const segment = split[0]![index]!;
    if (!split.every((parts) => parts[index] === segment)) break;
    shared.push(segment);
  }
  return shared.join(sep) || parse(paths[0]!).root;
}

/** The filesystem root, a home directory, the temporary directory, or a directory above one of them. */
function isTooBroad(directory: string): boolean {
  if (parse(directory).root === directory) return true;
  return [homedir(), tmpdir()].some((broad) => isInsideDirectory(directory, resolve(broad)));
}

/**
 * Without a config or repository: the current directory when it holds every linted file, else the directory they
 * share; never a directory too broad to search (the filesystem root, a home or the temporary directory).
 */
function fallbackRoot(cwd: string, files: readonly string[]): string | undefined {
  if (files.length === 0) return undefined;
  const candidates = files.every((file) => isInsideDirectory(cwd, file)) ? [cwd, sharedDirectory(files)] : [sharedDirectory(files)];
  return candidates.find((candidate) => !isTooBroad(candidate));
}

/**
 * The other manifests graph rules see besides the linted ones: those of the config's `include`, else under the
 * config file's directory, else under the repository root, else under the fallback directory above. None when no
 * linted file lies inside the workspace.
 */
export function workspaceFiles(request: WorkspaceRequest): string[] {
  const { config, cwd } = request;
  const exclude = absoluteGlobs(config.directory, config.config.exclude ?? []);
  const include = config.config.include;
  if (request.root === undefined && include && include.length > 0) {
    const globs = absoluteGlobs(config.directory, include);
    // Without paths, the linted files came from these very globs: there is nothing else to search for.
    const searched = globs.length === request.patterns.length && globs.every((glob, index) => glob === request.patterns[index]);
    return searched ? [] : findManifestFiles(globs, cwd, exclude, request.search).files;
  }
  const root = request.root ?? (config.path ? config.directory : (findRepositoryRoot(cwd) ?? fallbackRoot(cwd, request.lintedFiles)));
  if (root === undefined) return [];
  if (!request.lintedFiles.some((file) => isInsideDirectory(root, file))) return [];
  if (request.patterns.some((pattern) => resolve(cwd, pattern) === root)) return [];
  return findManifestFiles([root], cwd, exclude, request.search).files;
}
