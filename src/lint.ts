import { realPathOf } from './io/existing-files.js';
import { resolve } from 'node:path';
import { runRules } from './engine.js';
import { languageEvidenceReader } from './detect/detect.js';
import { absoluteGlobs, displayPathOf, findManifestFiles, type FoundFiles } from './files.js';
import type { ManifestProblem } from './manifest/problems.js';
import { defaultMaxFileSizeMb, loadManifestSource, sourceLimits, type ManifestSource } from './manifest/source.js';
import type { LoadedConfig } from './config/load.js';
import { setUp, type Setup, type SetupOptions } from './setup.js';
import { isCounted, type Finding, type LintResult, type LintSummary, type Service } from './types.js';
import { applyExemptions, baselinePathFor } from './exemptions.js';
import { workspaceFiles } from './workspace.js';
import { separateSkipped } from './manifest/skipped.js';
import { calledUndeclared, undeclaredServices } from './graph/undeclared.js';
import { estimateCapacity } from './graph/capacity.js';
import { decideWorkspace, type WorkspaceDecisions } from './analysis/decisions.js';
import { buildGraphView } from './graph/view.js';
import { withLazyViews } from './result.js';
import { cacheFingerprint, defaultCacheFile, openWorkspaceCache } from './cache/workspace-cache.js';
import { packageVersion } from './package-paths.js';
import type { LanguageRegistry } from './templates/types.js';

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

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function findTargets(options: LintOptions, setup: Setup): FoundFiles & { patterns: readonly string[] } {
  const { cwd } = options;
  if (options.stdin) return { files: [resolve(cwd, options.stdin.filename)], searched: new Set(), unmatched: [], excluded: [], patterns: [] };
  const { config } = setup.config;
  const include = config.include;
  const patterns =
    options.patterns && options.patterns.length > 0
      ? options.patterns
      : include && include.length > 0
        ? absoluteGlobs(setup.config.directory, include)
        : ['.'];
  return { ...findManifestFiles(patterns, cwd, absoluteGlobs(setup.config.directory, config.exclude ?? [])), patterns };
}

/**
 * Loads each file once (two paths to one file give one source) and lets the event loop run now and then, so an
 * interrupt is handled during a long run rather than after it.
 */
async function loadEach(paths: readonly string[], load: (path: string) => ManifestSource): Promise<ManifestSource[]> {
  const loaded = new Set<ManifestSource>();
  for (const [index, path] of paths.entries()) {
    if (index % 64 === 63) await new Promise((resume) => setImmediate(resume));
    loaded.add(load(path));
  }
  return [...loaded];
}

/** `true` is `.svc-lint-cache` beside the config file, which is cwd without one (where `svc-lint baseline` writes too). */
function cachePathFor(option: string | true | undefined, config: LoadedConfig, cwd: string): string | undefined {
  if (option === undefined) return undefined;
  return option === true ? resolve(config.directory, defaultCacheFile) : resolve(cwd, option);
}

function needsWorkspace(setup: Setup, options: LintOptions): boolean {
  return options.workspace !== false && setup.rules.some((entry) => entry.rule.enabled && entry.template?.scope === 'workspace');
}

/** Lints the manifests the options name. Never touches `process`; user errors throw `SvcLintError`. */
export async function lint(options: LintOptions): Promise<LintResult> {
  const { cwd } = options;
  const setup = setUp(options);
  const { languages, rules } = setup;
  const targets = findTargets(options, setup);

  const limits = sourceLimits(setup.config.config.maxFileSizeMb ?? defaultMaxFileSizeMb);
  const sources = new Map<string, ManifestSource>();
  const cachePath = cachePathFor(options.cache, setup.config, cwd);
  const cache = cachePath === undefined ? undefined : openWorkspaceCache(cachePath, cacheFingerprint(packageVersion(), setup.config.config));
  // Keyed by real path, so a manifest reached through a symbolic link is one file, not a duplicate of itself. Linted
  // files are always parsed (their text and problems matter); the others may come from the cache.
  // A workspace file is read as a search finds it: only what is svc-lint's counts.
  const load = (path: string, role: 'linted' | 'workspace', text?: string) => {
    const key = realPathOf(path);
    let source = sources.get(key);
    if (!source) {
      const file = { path, displayPath: displayPathOf(cwd, path) };
      const cached = role === 'workspace' ? cache?.contentsOf(file) : undefined;
      if (role === 'linted' && text === undefined) cache?.beforeReading(file);
      const origin = role === 'workspace' || targets.searched.has(path) ? 'searched' : 'named';
      source = cached ? { file, ...cached, problems: [] } : loadManifestSource(file, languages, limits, text, origin);
      if (!cached && text === undefined) cache?.remember(file, source.services, source.undeclared ?? []);
      sources.set(key, source);
    }
    return source;
  };
  const loaded = await loadEach(targets.files, (path) => load(path, 'linted', options.stdin?.text));
  const { judged: reported, skipped, notes: skippedNotes } = separateSkipped(loaded, targets.searched);
  const others = needsWorkspace(setup, options)
    ? workspaceFiles({
        config: setup.config,
        cwd,
        ...(options.workspace ? { root: resolve(cwd, options.workspace) } : {}),
        reportedFiles: targets.files,
        patterns: targets.patterns,
      })
    : [];
  // The linted files are loaded already; only the others are read (and their real paths looked up) here.
  const workspace = [...new Set([...loaded, ...(await loadEach(others, (path) => load(path, 'workspace')))])];
  const manifestPaths: ReadonlySet<string> = new Set(sources.keys());
  const cacheProblem = await cache?.save(manifestPaths);

  const services: Service[] = reported.flatMap((source) => source.services);
  const problems: { file: string; problem: ManifestProblem }[] = reported.flatMap((source) =>
    source.problems.map((problem) => ({ file: source.file.displayPath, problem })),
  );
  const workspaceServices = workspace.flatMap((source) => source.services);
  const undeclared = undeclaredServices(
    workspace.flatMap((source) => source.undeclared ?? []),
    workspaceServices,
  );
  const reportedPaths = new Set(reported.map((source) => source.file.path));
  const decisions = decideWorkspace(workspaceServices, setup.framework, languages);
  const raw = runRules({
    services,
    workspaceServices,
    isReported: (service) => reportedPaths.has(service.file.path),
    problems,
    rules,
    context: { languages, decisions, languageEvidence: languageEvidenceReader(), undeclared },
  });
  const baselinePath = baselinePathFor(options.baseline, setup.config, cwd);
  const { findings, fixed } = applyExemptions(raw, reported, rules, setup.config, {
    cwd,
    today: options.today ?? todayUtc(),
    allowInlineSuppressions: options.allowInlineSuppressions ?? setup.config.config.allowInlineSuppressions ?? true,
    ...(baselinePath !== undefined && { baselinePath }),
  });
  const result = {
    findings,
    ...(fixed && { fixed }),
    summary: summarize(findings, reported.length, services.length, loaded.length - reported.length),
    rules: rules.map((entry) => entry.rule).filter((rule) => rule.enabled),
    files: reported.map((source) => source.file.displayPath),
    manifestPaths,
    services,
    cwd,
    unmatchedPatterns: targets.unmatched,
    skipped,
    undeclared: calledUndeclared(workspaceServices, undeclared),
    notes: [
      ...targets.unmatched.map((pattern) => `no manifests found for ${pattern}`),
      ...skippedNotes,
      ...targets.excluded.map((pattern) => `${pattern} is left out by the config's exclude`),
      ...(cacheProblem === undefined || cachePath === undefined ? [] : [`cannot write the cache ${displayPathOf(cwd, cachePath)}: ${cacheProblem}`]),
    ],
  };
  return withLazyViews(result, workspaceViews(decisions, languages, findings));
}

// Outside lint(): closures made in one scope share one record of the variables any of them uses, and lint()'s
// holds the loaded sources with their texts, which a result kept after the run must not hold on to.
function workspaceViews(decisions: WorkspaceDecisions, languages: LanguageRegistry, findings: readonly Finding[]) {
  return {
    capacity: () => estimateCapacity(decisions, languages),
    graph: () => buildGraphView(decisions, languages, flaggedServices(findings)),
  };
}

/** Services with findings that count (info aside): the graph picture marks them. */
function flaggedServices(findings: readonly Finding[]): Set<string> {
  const flagged = new Set<string>();
  for (const finding of findings) {
    if (finding.service && isCounted(finding) && finding.severity !== 'info') flagged.add(finding.service);
  }
  return flagged;
}
