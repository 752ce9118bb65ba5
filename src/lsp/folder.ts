import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { configFileNames, findConfigFile } from '../config/load.js';
import { SvcLintError } from '../errors.js';
import { configuredBaselinePath } from '../exemptions/exempt.js';
import { displayPathOf } from '../io/paths.js';
import { isManifestFileName } from '../sources/files.js';
import { judgeSources, type Judgment } from '../judge.js';
import { defaultMaxFileSizeMb, loadManifestSource, sourceLimits, type ManifestSource, type SourceLimits } from '../sources/manifest/source.js';
import type { ManifestOrigin } from '../sources/manifest/read.js';
import { setUp, type Setup } from '../ruleset/setup.js';
import type { Finding } from '../types.js';
import { workspaceFiles } from '../sources/workspace.js';
import { problemOfError, type FileProblem } from './file-problem.js';

/** What one judgment of the open documents found, by absolute path, with what the hover and the fixes read. */
export interface FolderJudgment {
  findingsByPath: Map<string, Finding[]>;
  judgment: Judgment;
  /** The config or baseline that could not be used this time, shown on that file. */
  problems: FileProblem[];
}

/**
 * One workspace folder as the CLI run from it sees it (the config found upward from it, the same workspace of
 * manifests), read once and kept parsed; open documents override the files on disk. Reads the disk only when told a
 * file changed, and never writes.
 */
export class WorkspaceFolder {
  private setup: Setup;
  private configProblem: FileProblem | undefined;
  /** The workspace's manifests as read from disk, by absolute path, in path order. */
  private readonly onDisk = new Map<string, ManifestSource>();
  /** Open documents, parsed from their buffers, in the order they were opened; their texts beside them. */
  private readonly open = new Map<string, ManifestSource>();
  private readonly buffers = new Map<string, string>();
  /** What of the config decides which files the workspace holds and how they parse: a change means reading them again. */
  private workspaceKey: string;
  last: FolderJudgment | undefined;

  /** `configBuffers`: the config files open in the editor, by absolute path; their buffers count, typed or saved. */
  constructor(
    readonly root: string,
    private readonly today: () => string,
    private readonly configBuffers: ReadonlyMap<string, string>,
  ) {
    const loaded = this.loadSetup();
    this.setup = 'setup' in loaded ? loaded.setup : setUp({ cwd: root, config: false });
    this.configProblem = 'problem' in loaded ? loaded.problem : undefined;
    this.workspaceKey = workspaceKeyOf(this.setup);
    this.readWorkspace();
  }

  /** The config file the folder uses (found upward from it), if any. */
  get configPath(): string | undefined {
    return this.setup.config.path;
  }

  /** Whether a change to `path` changes the judgment: a manifest of the workspace, the config or the baseline. */
  isConfigFile(path: string): boolean {
    return configFileNames.includes(basename(path)) && (path === this.configPath || path === findConfigFile(this.root));
  }

  isBaselineFile(path: string): boolean {
    return path === configuredBaselinePath(this.setup.config);
  }

  /** Whether an open document at `path` is linted: a file of the workspace, or a file named like a manifest. */
  serves(path: string): boolean {
    return this.onDisk.has(path) || isManifestFileName(path);
  }

  isOpen(path: string): boolean {
    return this.open.has(path);
  }

  openPaths(): string[] {
    return [...this.open.keys()];
  }

  /**
   * Re-reads the config, and the workspace when what it selects or how it parses changed (`include`, `exclude`,
   * `maxFileSizeMb`, `languages`); a config that no longer loads keeps the last one that did.
   */
  reloadConfig(): void {
    const loaded = this.loadSetup();
    if ('problem' in loaded) {
      this.configProblem = loaded.problem;
      return;
    }
    this.configProblem = undefined;
    this.setup = loaded.setup;
    const key = workspaceKeyOf(this.setup);
    if (key === this.workspaceKey) return;
    this.workspaceKey = key;
    this.readWorkspace();
    for (const [path, text] of this.buffers) this.setBuffer(path, text);
  }

  /** The buffer of an open document replaces the file on disk until it is closed. */
  setBuffer(path: string, text: string): void {
    // Files the config's include selects are judged whatever they hold, as the CLI judges the files it names.
    const named = (this.setup.config.config.include?.length ?? 0) > 0 && this.onDisk.has(path);
    this.buffers.set(path, text);
    this.open.set(path, this.load(path, text, sourceLimitsOf(this.setup), named ? 'named' : 'searched'));
  }

  closeBuffer(path: string): void {
    this.open.delete(path);
    this.buffers.delete(path);
  }

  /**
   * Files that changed, appeared or went away on disk (a save, a checkout): each one of the workspace is read again,
   * or dropped. Returns whether any was.
   */
  filesChanged(paths: readonly string[]): boolean {
    const unknown = paths.filter((path) => !this.onDisk.has(path));
    const found = unknown.some((path) => existsSync(path)) ? this.workspacePaths() : new Set<string>();
    let changed = false;
    for (const path of paths) {
      if (!this.onDisk.has(path) && !found.has(path)) continue;
      changed = true;
      if (existsSync(path)) this.onDisk.set(path, this.load(path, undefined, sourceLimitsOf(this.setup), 'searched'));
      else this.onDisk.delete(path);
    }
    return changed;
  }

  /** Judges the open manifests against the whole workspace, as `svc-lint <open files>` would from the folder. */
  judge(): FolderJudgment {
    const linted = [...this.open.values()].filter((source) => source.judged !== false);
    const workspace = [...linted];
    for (const [path, source] of this.onDisk) if (!this.open.has(path)) workspace.push(source);
    const problems = this.configProblem ? [this.configProblem] : [];
    let judgment: Judgment;
    try {
      judgment = judgeSources(this.setup, linted, workspace, { cwd: this.root, today: this.today() });
    } catch (error) {
      // A baseline that cannot be read or parsed: say so on it, and judge without it meanwhile.
      if (!(error instanceof SvcLintError)) throw error;
      problems.push(problemOfError(error, configuredBaselinePath(this.setup.config)));
      judgment = judgeSources(this.setup, linted, workspace, { cwd: this.root, today: this.today(), baseline: false });
    }
    const findingsByPath = new Map<string, Finding[]>();
    for (const finding of judgment.findings) {
      const path = join(this.root, finding.file);
      const list = findingsByPath.get(path);
      if (list) list.push(finding);
      else findingsByPath.set(path, [finding]);
    }
    this.last = { findingsByPath, judgment, problems };
    return this.last;
  }

  private loadSetup(): { setup: Setup } | { problem: FileProblem } {
    try {
      return { setup: setUp({ cwd: this.root, configBuffers: this.configBuffers }) };
    } catch (error) {
      if (!(error instanceof SvcLintError)) throw error;
      return { problem: problemOfError(error, findConfigFile(this.root) ?? join(this.root, configFileNames[0]!)) };
    }
  }

  private workspacePaths(): Set<string> {
    return new Set(workspaceFiles({ config: this.setup.config, cwd: this.root, lintedFiles: [join(this.root, '.')], patterns: [] }));
  }

  private readWorkspace(): void {
    const limits = sourceLimitsOf(this.setup);
    this.onDisk.clear();
    // As the CLI reads the workspace around the files it lints: only what is svc-lint's counts.
    for (const path of this.workspacePaths()) this.onDisk.set(path, this.load(path, undefined, limits, 'searched'));
  }

  private load(path: string, text: string | undefined, limits: SourceLimits, origin: ManifestOrigin): ManifestSource {
    return loadManifestSource({ path, displayPath: displayPathOf(this.root, path) }, this.setup.languages, limits, text, origin);
  }
}

function workspaceKeyOf(setup: Setup): string {
  const { config, directory } = setup.config;
  return JSON.stringify([directory, config.include, config.exclude, config.maxFileSizeMb, config.languages]);
}

function sourceLimitsOf(setup: Setup): SourceLimits {
  return sourceLimits(setup.config.config.maxFileSizeMb ?? defaultMaxFileSizeMb);
}
