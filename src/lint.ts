import { realPathOf } from './io/existing-files.js';
import { resolve } from 'node:path';
import { detectLanguageEvidence, languageEvidenceReader } from './sources/evidence/detect.js';
import { absoluteGlobs, findManifestFiles, isGlob, manifestFileNamesText, type FoundFiles, type SearchContext } from './sources/files.js';
import { displayPathOf } from './io/paths.js';
import { SvcLintError } from './errors.js';
import { countOf } from './text/count.js';
import { compactSource, TextPool } from './sources/manifest/compact.js';
import { chargeNodes, defaultMaxFileSizeMb, loadManifestSource, sourceLimits, withOwnFile, type ManifestSource, type ReadSource } from './sources/manifest/source.js';
import { EarlyReadingThreads, readAhead, readingThreads, type Concurrency, type ReadAhead } from './sources/read-ahead/read-ahead.js';
import type { LoadedConfig } from './config/load.js';
import { setUp, type Setup, type SetupOptions } from './ruleset/setup.js';
import { isCounted, type Finding, type ManifestFile, type ResolvedRule, type Service, type SkippedSource, type UndeclaredCallee } from './types.js';
import type { ManifestOrigin } from './sources/manifest/read.js';
import type { BaselineEntry } from './exemptions/baseline.js';
import { workspaceFiles } from './sources/workspace.js';
import { separateSkipped } from './sources/manifest/skipped.js';
import type { Analysis } from './analysis/analysis.js';
import { cacheFingerprint, openWorkspaceCache, type WorkspaceCache } from './sources/cache/workspace-cache.js';
import { cacheFilePath } from './sources/cache/cache-file.js';
import { checksWaivers, judgeSources, judgeWithCache, type JudgeOptions } from './judge.js';
import { packageVersion } from './package-paths.js';
import type { IdentitiesAhead } from './sources/cache/identities-ahead.js';

export interface LintOptions extends SetupOptions {
  /** Files, directories and globs; none means the config's `include`, else `cwd`. */
  patterns?: readonly string[];
  /** Lint this text as the file `filename` (relative to cwd) instead of reading files: an editor's buffer. */
  stdin?: { text: string; filename: string };
  /**
   * The directory whose manifests the graph rules see, whatever files are linted; by default the config's `include`,
   * else the config file's directory, else the repository root, else cwd when it holds the linted files, else the
   * directory they share (never `/`, a home or the temporary directory). `false`: only the linted files.
   */
  workspace?: string | false;
  /** Today's date (YYYY-MM-DD) for expiring suppressions and waivers; defaults to the current UTC date. */
  today?: string;
  /** `false` ignores inline directives; by default the config's `allowInlineSuppressions` (true) decides. */
  allowInlineSuppressions?: boolean;
  /** A baseline file (relative to cwd) to compare with, `false` for none; by default the config's `baseline`. */
  baseline?: string | false;
  /**
   * A file (relative to cwd) to keep what the graph rules saw of unchanged workspace manifests in, so the next run
   * reads only the files that changed; `true` for `.svc-lint-cache` beside the config file (else in cwd); none by
   * default.
   */
  cache?: string | true;
  /**
   * Whether paths, globs or the config's `include` that select no manifest throw a `SvcLintError` (kind `path`), as
   * ESLint's "No files matching the pattern" does; `false` turns each into a note. Default true.
   */
  errorOnUnmatchedPattern?: boolean;
  /**
   * `false` skips the exemptions stage (inline directives, waivers and the baseline): for a picture of the workspace
   * (`svc-lint graph`), which shows every finding. Default true.
   */
  exempt?: boolean;
  /** The config, languages and rules already set up for these options (a command that read the config first). */
  setup?: Setup;
  /**
   * How many threads read and parse manifests, this one included: `auto` (the default) uses one per core, up to four,
   * when a run has at least 5,000 files to read and no `cache`; `off` reads on this thread. Findings are the same.
   */
  concurrency?: Concurrency;
  /**
   * Called where what the run made before is garbage: once the manifests are read, after the graph is analysed, after
   * each rule, the exemptions and rendering. A host that keeps its heap within a budget collects there (the CLI does:
   * see `heapBudgetSafePoint`); findings never depend on it.
   */
  safePoint?: () => void;
  /**
   * With `cache`: the identities of the files the cache names, looked up by another thread while this one started
   * (the CLI's process thread does). Used only when the cache file this run opens is the one that thread read.
   */
  identitiesAhead?: IdentitiesAhead;
}

/** A summary of the findings: counted ones by severity, then how many are exempted. */
export interface LintSummary {
  files: number;
  services: number;
  /** Counted findings by severity (suppressed and baselined ones left out). */
  errors: number;
  warnings: number;
  infos: number;
  /** Findings exempted by a directive or a waiver. */
  suppressed: number;
  /** Findings already in the baseline. */
  baselined: number;
  /** Files found by a directory search (or named) that hold nothing of svc-lint's, left out (see `skipped`). */
  skipped: number;
}

export interface LintResult {
  findings: Finding[];
  /** The analysis of the workspace the rules judged: decisions, traffic, and capacity on demand. */
  analysis: Analysis;
  summary: LintSummary;
  /** Every rule that ran, for formatters that describe rules (SARIF, explain). */
  rules: ResolvedRule[];
  /** The linted files, relative to `cwd` as findings show them. */
  files: string[];
  /** The real path of every manifest the run read, linted or seen by the graph rules: files svc-lint never writes over. */
  manifestPaths: ReadonlySet<string>;
  services: Service[];
  /** The directory `file` paths are relative to. */
  cwd: string;
  /** Baseline entries that no longer occur, when a baseline was compared. */
  fixed?: BaselineEntry[];
  /** Patterns and directories that matched no manifest. */
  unmatchedPatterns: string[];
  /** What was found but is not svc-lint's: whole files (counted in `summary.skipped`) and documents in linted files. */
  skipped: SkippedSource[];
  /** Services the workspace holds without svc-lint data that its services call. */
  undeclared: UndeclaredCallee[];
  /** Things worth telling the user that are not findings (a directory without manifests...). */
  notes: string[];
}

function summarize(findings: readonly Finding[], files: number, services: number, skipped: number): LintSummary {
  const counted = findings.filter(isCounted);
  const count = (severity: Finding['severity']) => counted.filter((finding) => finding.severity === severity).length;
  return {
    files,
    services,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    suppressed: findings.filter((finding) => finding.suppressed).length,
    baselined: findings.filter((finding) => !finding.suppressed && finding.baselineState === 'unchanged').length,
    skipped,
  };
}

interface Targets extends FoundFiles {
  patterns: readonly string[];
  /** Where the patterns came from: the caller, an editor buffer, the config's `include`, or the default (cwd). */
  origin: 'given' | 'stdin' | 'include' | 'default';
}

function findTargets(options: LintOptions, setup: Setup, search: SearchContext): Targets {
  const { cwd } = options;
  if (options.stdin) return { files: [resolve(cwd, options.stdin.filename)], searched: new Set(), unmatched: [], excluded: [], patterns: [], origin: 'stdin' };
  const { config } = setup.config;
  const include = config.include ?? [];
  const exclude = absoluteGlobs(setup.config.directory, config.exclude ?? []);
  if (options.patterns && options.patterns.length > 0) {
    return { ...findManifestFiles(options.patterns, cwd, exclude, search), patterns: options.patterns, origin: 'given' };
  }
  if (include.length === 0) return { ...findManifestFiles(['.'], cwd, exclude, search), patterns: ['.'], origin: 'default' };
  const patterns = absoluteGlobs(setup.config.directory, include);
  const found = findManifestFiles(patterns, cwd, exclude, search);
  // Name the include globs as the config writes them, not in the absolute form they are searched with.
  const unmatched = found.unmatched.map((glob) => include[patterns.indexOf(glob)] ?? glob);
  return { ...found, unmatched, patterns, origin: 'include' };
}

/** The patterns as the user wrote them: the config's `include` globs, not the absolute form they are searched with. */
function typedPatterns(targets: Targets, config: LoadedConfig): readonly string[] {
  return targets.origin === 'include' ? (config.config.include ?? []) : targets.patterns;
}

/**
 * What selected no svc-lint manifest, as one line; undefined when nothing needs saying. Each path or glob the caller
 * gave that finds no file counts on its own; so does a selection whose files are all another tool's (`foreign`, those
 * not named one by one, which only get a note). The config's `include` and the default directory count only when they
 * select no manifest at all.
 */
function unmatchedProblem(targets: Targets, config: LoadedConfig, found?: { judged: number; foreign: number }): string | undefined {
  if (targets.origin === 'stdin') return undefined;
  const nothingOurs = found !== undefined && found.judged === 0 && found.foreign > 0;
  const { unmatched } = targets;
  if (!nothingOurs && (unmatched.length === 0 || (targets.origin !== 'given' && targets.files.length > 0))) return undefined;
  const names = nothingOurs ? typedPatterns(targets, config) : unmatched;
  const why = nothingOurs
    ? ` (${countOf(found!.foreign, 'file')} skipped as not svc-lint's; --debug lists them)`
    : names.some((pattern) => !isGlob(pattern))
      ? ` (a directory is searched for ${manifestFileNamesText})`
      : '';
  if (targets.origin === 'include') return `the include of ${config.displayPath} matches no svc-lint manifest: ${names.join(', ')}${why}`;
  return `no svc-lint manifest found for ${names.join(', ')}${why}`;
}

/** Files skipped as another tool's that no one named on their own (a search or a glob found them). */
function foreignFound(skipped: readonly ManifestSource[], targets: Targets, cwd: string): number {
  const namedOneByOne = new Set(targets.origin === 'given' ? targets.patterns.map((pattern) => resolve(cwd, pattern)) : []);
  return skipped.filter((source) => !namedOneByOne.has(source.file.path)).length;
}

/**
 * Loads each file once (two paths to one file give one source) and lets the event loop run now and then, so an
 * interrupt is handled during a long run rather than after it. A file is waited for only when another thread reads it.
 */
async function loadEach(paths: readonly string[], load: (path: string) => ManifestSource | Promise<ManifestSource>): Promise<ManifestSource[]> {
  const loaded = new Set<ManifestSource>();
  for (const [index, path] of paths.entries()) {
    if (index % 64 === 63) await new Promise((resume) => setImmediate(resume));
    const source = load(path);
    loaded.add(source instanceof Promise ? await source : source);
  }
  return [...loaded];
}

type Role = 'linted' | 'workspace';


function needsWorkspace(setup: Setup, options: LintOptions): boolean {
  const graphRules = setup.rules.some((entry) => entry.rule.enabled && entry.template?.scope === 'workspace');
  return (options.workspace !== false && graphRules) || checksWaivers(setup, options);
}

/** Lints the manifests the options name. Never touches `process`; user errors throw `SvcLintError`. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const setup = options.setup ?? setUp(options);
  const cachePath = options.cache === undefined ? undefined : cacheFilePath(options.cache, setup.config.directory, options.cwd);
  const cache = cachePath === undefined ? undefined : openWorkspaceCache(cachePath, cacheFingerprint(packageVersion(), setup.config.config), options.identitiesAhead);
  // Without a cache, a run that finds enough files reads them on more threads: those start while it still searches.
  const early = cache || options.stdin || options.concurrency === 'off' ? undefined : new EarlyReadingThreads(options.concurrency ?? 'auto');
  try {
    return await lintWith(options, { setup, cache, cachePath, early });
  } finally {
    early?.end();
  }
}

/** What `lint` set up for a run: its config and rules, its cache and where that is, the threads started early. */
interface RunSetup {
  setup: Setup;
  cache: WorkspaceCache | undefined;
  cachePath: string | undefined;
  early: EarlyReadingThreads | undefined;
}

async function lintWith(options: LintOptions, { setup, cache, cachePath, early }: RunSetup): Promise<LintResult> {
  const { cwd } = options;
  const { languages, rules } = setup;
  const realPaths = new Map<string, string>();
  const listings: NonNullable<SearchContext['listings']> = new Map();
  const search: SearchContext = { ...(cache && { cache: cache.searches }), realPaths, listings, ...(early && { foundManifests: (count: number) => early.foundFiles(count) }) };
  const targets = findTargets(options, setup, search);
  const failsUnmatched = (problem: string | undefined, skipped: readonly SkippedSource[] = []) => {
    if (problem !== undefined && options.errorOnUnmatchedPattern !== false) throw new SvcLintError('path', problem, skipped);
  };
  // Nothing found is known before anything is read; nothing of ours found, once the files have been looked at.
  failsUnmatched(unmatchedProblem(targets, setup.config));

  const limits = sourceLimits(setup.config.config.maxFileSizeMb ?? defaultMaxFileSizeMb);
  const sources = new Map<string, ManifestSource>();
  // Keyed by real path, so a manifest reached through a symbolic link is one file, not a duplicate of itself. A file
  // unchanged since the cache was written is taken from it, never read; an editor buffer is always parsed.
  // A workspace file is read as a search finds it: only what is svc-lint's counts.
  const fileOf = (path: string) => ({ path, displayPath: displayPathOf(cwd, path) });
  const originOf = (path: string, role: Role) => (role === 'workspace' || targets.searched.has(path) ? 'searched' : 'named');
  // Other threads read ahead only files no cache answers and no editor buffer replaces.
  const threadsFor = (paths: readonly string[]) => (cache || options.stdin ? 1 : readingThreads(options.concurrency ?? 'auto', paths.length));
  // Each read is compacted as it comes (see `compactSource`), the texts its services repeat shared across the run. A
  // reply's read is made this thread's as its batch arrives: the file it points at is the one it was described by.
  const texts = new TextPool();
  const adopt = (read: ReadSource, { path, displayPath }: ManifestFile): ReadSource => {
    compactSource(withOwnFile(read, { path, displayPath }).source, texts);
    return read;
  };
  const aheadOf = (paths: readonly string[], role: Role) =>
    readAhead(paths, (path) => ({ ...fileOf(path), origin: originOf(path, role) }), threadsFor(paths), languages, limits.maxFileSizeMb, adopt, early);
  const keep = (key: string, source: ManifestSource) => {
    sources.set(key, source);
    return source;
  };
  /**
   * Reads and parses a file here, keeps what it gave in the cache (an editor buffer, `text`, is never kept), and
   * compacts it for the run.
   */
  const readHere = (file: ManifestFile, origin: ManifestOrigin, text?: string) => {
    const fileCache = text === undefined ? cache : undefined;
    fileCache?.beforeReading(file);
    let bytes: Uint8Array | undefined;
    const source = loadManifestSource(file, languages, limits, text, origin, (read) => (bytes = read));
    if (bytes) fileCache?.remember(file, origin, source, bytes);
    return compactSource(source, texts);
  };
  const load = (path: string, role: Role, ahead: ReadAhead, text?: string): ManifestSource | Promise<ManifestSource> => {
    const key = realPaths.get(path) ?? realPathOf(path);
    const known = sources.get(key);
    if (known) return known;
    const file = fileOf(path);
    const origin = originOf(path, role);
    const fileCache = text === undefined ? cache : undefined;
    const cached = role === 'linted' ? fileCache?.sourceOf(file, origin) : fileCache?.servicesOf(file, origin, readHere);
    // A cached source decodes its parts only when they are read: it is kept as it is.
    if (cached) return keep(key, cached);
    const readByAnother = ahead.take(path);
    if (!readByAnother) return keep(key, readHere(file, origin, text));
    return readByAnother.then((read) => keep(key, read ? chargeNodes(read, limits) : readHere(file, origin, text)));
  };
  const lintedAhead = aheadOf(targets.files, 'linted');
  const loaded = await loadEach(targets.files, (path) => load(path, 'linted', lintedAhead, options.stdin?.text));
  const { judged: linted, skipped, notes: skippedNotes } = separateSkipped(loaded, targets.searched);
  const foreign = foreignFound(loaded.filter((source) => source.judged === false), targets, cwd);
  const unmatched = unmatchedProblem(targets, setup.config, { judged: linted.length, foreign });
  failsUnmatched(unmatched, skipped);
  const others = needsWorkspace(setup, options)
    ? workspaceFiles({
        config: setup.config,
        cwd,
        ...(options.workspace ? { root: resolve(cwd, options.workspace) } : {}),
        lintedFiles: targets.files,
        patterns: targets.patterns,
        search,
      })
    : [];
  // The linted files are loaded already; only the others are read (and their real paths looked up) here.
  const othersAhead = aheadOf(others, 'workspace');
  const workspace = [...new Set([...loaded, ...(await loadEach(others, (path) => load(path, 'workspace', othersAhead)))])];
  const manifestPaths: ReadonlySet<string> = new Set(sources.keys());
  texts.clear();

  // The directories the searches listed are not listed again for their drift evidence.
  const languageEvidence =
    cache?.evidenceReader(listings) ?? languageEvidenceReader((directory) => detectLanguageEvidence(directory, undefined, listings.get(directory)));
  options.safePoint?.();
  const judgeOptions: JudgeOptions = { ...options, languageEvidence };
  const judgment = cache && !options.stdin ? judgeWithCache(cache, setup, linted, workspace, judgeOptions) : judgeSources(setup, linted, workspace, judgeOptions);
  const { findings, fixed, services } = judgment;
  // Written once the rules ran: the drift evidence they read is kept too.
  const cacheProblem = await cache?.save(manifestPaths);
  const cacheDamage = cache?.problem();
  const damagedEntries = cache?.hasDamagedEntries() === true;
  return {
    findings,
    ...(fixed && { fixed }),
    summary: summarize(findings, linted.length, services.length, loaded.length - linted.length),
    rules: rules.map((entry) => entry.rule).filter((rule) => rule.enabled),
    files: linted.map((source) => source.file.displayPath),
    manifestPaths,
    services,
    cwd,
    unmatchedPatterns: targets.unmatched,
    skipped,
    undeclared: judgment.undeclared,
    notes: [
      ...(unmatched === undefined ? targets.unmatched.map((pattern) => `no svc-lint manifest found for ${pattern}`) : [unmatched]),
      ...skippedNotes,
      ...targets.excluded.map((pattern) => `${pattern} is left out by the config's exclude`),
      ...(cacheDamage === undefined || cachePath === undefined ? [] : [`ignored the cache ${displayPathOf(cwd, cachePath)}: ${cacheDamage}; every manifest was read`]),
      ...(!damagedEntries || cachePath === undefined
        ? []
        : [`ignored entries of the cache ${displayPathOf(cwd, cachePath)} that do not match their checksum (changed since svc-lint wrote them)`]),
      ...(cacheProblem === undefined || cachePath === undefined ? [] : [`cannot write the cache ${displayPathOf(cwd, cachePath)}: ${cacheProblem}`]),
    ],
    analysis: judgment.analysis,
  };
}
