import fs, { readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { realPathOf } from '../io/existing-files.js';
import { evidenceEntries } from './evidence/detect.js';
import fg from 'fast-glob';
import { SvcLintError } from '../errors.js';
import { didYouMean } from '../text/closest.js';

/** The file names a directory is searched for. */
export const manifestFilePatterns = [
  '**/service.yaml',
  '**/service.yml',
  '**/*.service.yaml',
  '**/*.service.yml',
  '**/catalog-info.yaml',
  '**/catalog-info.yml',
  '**/*.catalog-info.yaml',
  '**/*.catalog-info.yml',
];

/** The file names above, as a sentence says them. */
export const manifestFileNamesText = 'service.yaml, *.service.yaml, catalog-info.yaml and *.catalog-info.yaml, or .yml';

/** The file names above, as one test on a base name. */
const manifestFileName = /^(?:.+\.)?(?:service|catalog-info)\.ya?ml$/;

export function isManifestFileName(path: string): boolean {
  return manifestFileName.test(basename(path));
}

export const alwaysIgnored = ['**/node_modules/**', '**/.git/**'];

/** Symbolic links are not followed while searching: a link loop would never end. Paths given by name still work. */
const searchOptions = { absolute: true, onlyFiles: true, suppressErrors: true, followSymbolicLinks: false } as const;

export interface FoundFiles {
  /** Absolute paths, sorted, without duplicates. */
  files: string[];
  /**
   * The files found only by searching a directory for manifest names; the others were named (a file path or a glob)
   * and are judged whatever their content.
   */
  searched: ReadonlySet<string>;
  /** Patterns or directories that matched no manifest. */
  unmatched: string[];
  /** Files named explicitly that the config's `exclude` leaves out. */
  excluded: string[];
}

/**
 * Searches answered from an earlier run: `found` gives the files a search with the same key found, when no directory
 * it read has changed since; a recorder hears of each directory a search reads (before it is read, and what it held)
 * and keeps the result.
 */
export interface SearchCache {
  found(key: string): string[] | undefined;
  recorder(): {
    beforeReadingDirectory(directory: string): void;
    readDirectory(directory: string, entries: readonly fs.Dirent[]): void;
    keep(key: string, files: string[]): void;
  };
}

/** What a run shares between its searches, and hands on to what reads the files they find. */
export interface SearchContext {
  /** Searches answered from an earlier run. */
  cache?: SearchCache;
  /**
   * The real path of each file a directory search found: the directory's real path and the file's path below it, as a
   * search follows no link (so no file needs a `realpath` of its own).
   */
  realPaths?: Map<string, string>;
  /** Of each directory a search read that holds a manifest, the entries that can be drift evidence (usually none). */
  listings?: Map<string, readonly fs.Dirent[]>;
  /** Told, as a search reads directories, how many files named like a manifest each held. */
  foundManifests?: (count: number) => void;
}

type GlobOptions = fg.Options & { cwd: string; ignore: string[] };

function manifestsIn(entries: readonly fs.Dirent[]): number {
  return entries.reduce((count, entry) => (manifestFileName.test(entry.name) ? count + 1 : count), 0);
}

/**
 * `fg.sync` (absolute, resolved paths), or its answer from the cache when nothing it read has changed (and then a walk
 * kept for next time).
 */
function search(patterns: string | string[], options: GlobOptions, context: SearchContext): string[] {
  const { cache, listings, foundManifests } = context;
  const key = JSON.stringify([patterns, options.cwd, options.ignore]);
  const cached = cache?.found(key);
  if (cached) return cached;
  const recorder = cache?.recorder();
  const readdirSync = ((directory: string, readOptions: { withFileTypes: true }) => {
    recorder?.beforeReadingDirectory(directory);
    const entries = fs.readdirSync(directory, readOptions);
    recorder?.readDirectory(directory, entries);
    const manifests = listings || foundManifests ? manifestsIn(entries) : 0;
    if (manifests > 0) {
      listings?.set(directory, evidenceEntries(entries));
      foundManifests?.(manifests);
    }
    return entries;
  }) as unknown as typeof fs.readdirSync;
  // Resolved once here (and kept so): whoever reads the answer, from the cache or not, takes the paths as they are.
  const files = fg.sync(patterns, { ...options, fs: { readdirSync } }).map((file) => resolve(file));
  recorder?.keep(key, files);
  return files;
}

/** A search follows no link below `directory`: each file found lies at the directory's real path plus its path below it. */
function noteRealPaths(directory: string, files: readonly string[], into: Map<string, string>): void {
  const real = realPathOf(directory);
  for (const path of files) {
    if (path.startsWith(directory) && (path[directory.length] === sep || directory.endsWith(sep))) into.set(path, real === directory ? path : join(real, path.slice(directory.length)));
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Whether `pattern` is a glob (`*`, `?`, braces…) rather than a path. */
export function isGlob(pattern: string): boolean {
  return fg.isDynamicPattern(pattern);
}

/** The names beside `path` in its directory (none when the directory cannot be read), to suggest for a mistyped one. */
function siblingNames(path: string): string[] {
  try {
    return readdirSync(dirname(path));
  } catch {
    return [];
  }
}

/** Turns globs relative to `directory` into the absolute form `ignore` takes. */
export function absoluteGlobs(directory: string, globs: readonly string[]): string[] {
  return globs.map((glob) => `${fg.convertPathToPattern(directory)}/${glob}`);
}

function isIgnored(file: string, ignore: readonly string[]): boolean {
  return fg.sync(fg.convertPathToPattern(file), { ...searchOptions, onlyFiles: false, ignore: [...ignore] }).length === 0;
}

/**
 * Each pattern is a file (linted whatever its name), a directory (searched for manifest file names) or a glob.
 * A path that is neither an existing file or directory nor a glob is an error.
 */
/** `exclude` holds absolute globs (see `absoluteGlobs`). */
export function findManifestFiles(patterns: readonly string[], cwd: string, exclude: readonly string[] = [], context: SearchContext = {}): FoundFiles {
  const found = new Set<string>();
  const named = new Set<string>();
  const unmatched: string[] = [];
  const excluded: string[] = [];
  const ignore = [...alwaysIgnored, ...exclude];
  for (const pattern of patterns) {
    const absolute = resolve(cwd, pattern);
    const stats = statOrUndefined(absolute);
    let matches: string[];
    let isSearch = false;
    if (stats?.isFile()) {
      const ignored = isIgnored(absolute, ignore);
      if (ignored) excluded.push(pattern);
      matches = ignored ? [] : [absolute];
    } else if (stats?.isDirectory()) {
      matches = search(manifestFilePatterns, { ...searchOptions, cwd: absolute, ignore }, context);
      isSearch = true;
      if (context.realPaths) noteRealPaths(absolute, matches, context.realPaths);
    } else if (isGlob(pattern)) {
      matches = search(pattern, { ...searchOptions, cwd, ignore }, context);
    } else {
      throw new SvcLintError('path', `no such file or directory: ${pattern}${didYouMean(basename(absolute), siblingNames(absolute))}`);
    }
    if (matches.length === 0 && !excluded.includes(pattern)) unmatched.push(pattern);
    for (const file of matches) {
      found.add(file);
      if (!isSearch) named.add(file);
    }
  }
  const files = [...found].sort();
  return { files, searched: new Set(files.filter((file) => !named.has(file))), unmatched, excluded };
}

