import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repositoryRoot } from '../integrations/processes.js';

export const builtBinary = resolve(dirname(fileURLToPath(import.meta.url)), '../../dist/bin.js');

/**
 * Copies the built CLI into `packageRoot` as an install would place it, and returns its bin. The CLI is three files:
 * bin.js starts cli-thread.cjs in a worker thread, which runs cli-worker.cjs; its code cache is left for the copy to write.
 */
export function installBuiltCli(packageRoot: string): string {
  mkdirSync(join(packageRoot, 'dist'), { recursive: true });
  for (const file of ['bin.js', 'cli-thread.cjs', 'cli-worker.cjs']) copyFileSync(join(dirname(builtBinary), file), join(packageRoot, 'dist', file));
  for (const entry of ['package.json', 'schemas', 'rules']) cpSync(join(repositoryRoot, entry), join(packageRoot, entry), { recursive: true });
  return join(packageRoot, 'dist/bin.js');
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  cwd: string;
  /** Variables to set; `undefined` removes one. Applied after the defaults (NO_COLOR=1, no CI variables). */
  env?: Record<string, string | undefined>;
  /** Text piped to stdin. */
  input?: string;
}

function isCiVariable(name: string): boolean {
  return name === 'CI' || name.startsWith('GITHUB_') || name === 'FORCE_COLOR' || name === 'NO_COLOR';
}

/** The environment the built binary runs with in tests: no CI variables, no colour, then `overrides`. */
export function childEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!isCiVariable(name)) env[name] = value;
  }
  env.NO_COLOR = '1';
  for (const [name, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Runs the built `svc-lint` binary the way a user's shell would, without a terminal. */
export function runCli(args: readonly string[], options: CliRunOptions): CliRun {
  if (!existsSync(builtBinary)) throw new Error(`${builtBinary} is missing: run npm run build first`);
  const result = spawnSync(process.execPath, [builtBinary, ...args], {
    cwd: options.cwd,
    env: childEnv(options.env ?? {}),
    encoding: 'utf8',
    timeout: 30_000,
    ...(options.input !== undefined && { input: options.input }),
  });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const createdDirectories: string[] = [];

/** A fresh temporary directory holding `files` (relative path → text); parent directories are created. */
export function makeWorkspace(files: Record<string, string> = {}): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'svc-lint-cli-')));
  createdDirectories.push(root);
  for (const [path, text] of Object.entries(files)) writeWorkspaceFile(root, path, text);
  return root;
}

export function writeWorkspaceFile(root: string, path: string, text: string): void {
  const absolute = join(root, path);
  mkdirSync(dirname(absolute), { recursive: true });
  writeFileSync(absolute, text);
}

export function removeWorkspaces(): void {
  for (const directory of createdDirectories.splice(0)) rmSync(directory, { recursive: true, force: true });
}

export interface JsonFinding {
  file: string;
  service: string | null;
  ruleId: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  messageId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface JsonReport {
  version: number;
  findings: JsonFinding[];
  summary: { files: number; services: number; errors: number; warnings: number; infos: number; skipped?: number };
}

/** Parses the whole of stdout: `--format json` must print nothing else. */
export function parseJsonReport(run: CliRun): JsonReport {
  return JSON.parse(run.stdout) as JsonReport;
}

/** `file line:column-endLine:endColumn ruleId`: one string per finding, for exact comparisons. */
export function locationsOf(report: JsonReport): string[] {
  return report.findings.map(
    (finding) => `${finding.file} ${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.ruleId}`,
  );
}

/** Builds a manifest text; `specLines` are the lines under `spec:` without their two-space indent. */
export function manifest(name: string, specLines: readonly string[]): string {
  const spec = specLines.map((line) => `  ${line}`).join('\n');
  return `apiVersion: svc-lint/v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n${spec}\n`;
}
