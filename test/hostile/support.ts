import { readdirSync } from 'node:fs';
import { expect } from 'vitest';
import { lint, type Finding, type LintOptions, type LintResult } from '../../src/index.js';
import { makeWorkspace, type CliRun } from '../cli/run-cli.js';

/** A fixed date, so that waivers and suppressions never expire while the suite runs. */
export const today = '2026-01-15';

let stdinDirectory: string | undefined;

/** Lints `text` as an editor buffer named `filename`, with no config and no workspace: only the text counts. */
export function lintText(text: string, filename = 'service.yaml', options: Partial<LintOptions> = {}): Promise<LintResult> {
  stdinDirectory ??= makeWorkspace();
  return lint({ cwd: stdinDirectory, config: false, workspace: false, today, stdin: { text, filename }, ...options });
}

/** Lints files on disk under `cwd`, with no config and no workspace. */
export function lintFiles(cwd: string, patterns: readonly string[], options: Partial<LintOptions> = {}): Promise<LintResult> {
  return lint({ cwd, patterns, config: false, workspace: false, today, ...options });
}

/** `line:column-endLine:endColumn ruleId message`: one string per finding, for exact comparisons. */
export function describeFindings(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.ruleId} ${f.message}`);
}

const stackFrame = /^\s+at /m;

/** Exit status as documented, and stderr free of stack frames and native crash reports. */
export function expectExit(run: CliRun, status: number): void {
  expect(run.stderr).not.toMatch(stackFrame);
  expect(run.stderr).not.toMatch(/FATAL ERROR|internal error/);
  expect(run.status).toBe(status);
}

/** A usage, path, config or I/O error: exit 2, nothing on stdout, exactly one line on stderr. */
export function expectOneLineError(run: CliRun, line: string | RegExp): void {
  expectExit(run, 2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toBe('');
  if (typeof line === 'string') expect(lines[0]).toBe(line);
  else expect(lines[0]).toMatch(line);
}

/** Every path under `root` (relative, `/`-separated), directories included. */
export function listTree(root: string): string[] {
  return (readdirSync(root, { recursive: true }) as string[]).map((path) => path.split('\\').join('/')).sort();
}

/** Temporary files an atomic write would leave behind if it were interrupted or failed (and the old naming's). */
export function temporaryFilesIn(root: string): string[] {
  return listTree(root).filter((path) => /(^|\/)\.[^/]*(\.tmp|\.svc-lint-tmp)$/.test(path));
}
