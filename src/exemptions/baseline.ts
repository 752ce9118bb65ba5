import { dirname, relative, resolve, sep } from 'node:path';
import { isInsideDirectory } from '../io/paths.js';
import type { RawFinding } from '../types.js';

/** What a baseline counts a finding by: its file, service and rule (never its position), and whether it is exempted. */
export type BaselinedFinding = Pick<RawFinding, 'ruleId' | 'file' | 'service' | 'suppressed'>;
import { compareText } from '../text/compare.js';

/** How many findings of one rule one service had in one file when the baseline was taken. */
export interface BaselineEntry {
  /** Relative path with `/` separators, as findings carry it. */
  file: string;
  /** Absent for findings that belong to no service (a file that does not parse). */
  service?: string;
  rule: string;
  count: number;
}

export interface Baseline {
  version: 1;
  /** Sorted by file, service and rule; one entry per key. */
  entries: BaselineEntry[];
}

export type BaselineState = 'new' | 'unchanged';

export interface BaselineComparison<F extends RawFinding> {
  /** The input findings in their order; unsuppressed ones carry `baselineState`. */
  findings: Array<F & { baselineState?: BaselineState }>;
  /** The part of each entry that no longer occurs; `count` is how many were fixed. */
  fixed: BaselineEntry[];
}

export const defaultBaselineFile = '.svc-lint-baseline.json';

/** Expiry findings exist to force a decision; a baseline must not silence them. */
export const neverBaselinedRules: readonly string[] = ['suppression-expired', 'waiver-expired'];

export class BaselineError extends Error {
  override name = 'BaselineError';
}

export interface BaselineOptions {
  /** Turns a finding's file into the path the baseline stores; the identity when omitted. */
  fileKey?: (file: string) => string;
  /**
   * Whether the run linted the file a baseline entry names (a path as the baseline stores it). The entries of files
   * it did not lint, such as the unstaged ones a pre-commit hook leaves out, are neither fixed nor dropped. All files
   * when omitted.
   */
  linted?: (file: string) => boolean;
}

/** How a run meets a baseline: the paths of its findings as the baseline stores them, and which files it linted. */
export function baselineScope(cwd: string, baselinePath: string, lintedFiles: readonly string[]): BaselineOptions {
  const fileKey = baselineFileKey(cwd, dirname(baselinePath));
  const linted = new Set(lintedFiles.map(fileKey));
  return { fileKey, linted: (file) => linted.has(file) };
}

/**
 * Stores paths relative to the baseline file's directory, so the baseline matches whichever
 * directory svc-lint runs from. Paths outside that directory stay as given.
 */
export function baselineFileKey(cwd: string, baselineDirectory: string): (file: string) => string {
  return (file) => {
    const path = resolve(cwd, file);
    return isInsideDirectory(baselineDirectory, path) ? relative(baselineDirectory, path).split(sep).join('/') : file;
  };
}

type Key = string;

function keyOf(entry: { file: string; service?: string; rule: string }): Key {
  return JSON.stringify([entry.file, entry.service ?? null, entry.rule]);
}

function findingKey(finding: BaselinedFinding, fileKey: (file: string) => string): Key {
  return keyOf({ file: fileKey(finding.file), service: finding.service, rule: finding.ruleId });
}

const identity = (file: string) => file;

function isBaselinable(finding: BaselinedFinding): boolean {
  return !finding.suppressed && !neverBaselinedRules.includes(finding.ruleId);
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return compareText(a.file, b.file) || compareText(a.service ?? '', b.service ?? '') || compareText(a.rule, b.rule);
}

function countByKey(findings: readonly BaselinedFinding[], fileKey: (file: string) => string): Map<Key, BaselineEntry> {
  const counts = new Map<Key, BaselineEntry>();
  for (const finding of findings.filter(isBaselinable)) {
    const entry = { file: fileKey(finding.file), ...(finding.service !== undefined ? { service: finding.service } : {}), rule: finding.ruleId };
    const key = keyOf(entry);
    const existing = counts.get(key);
    if (existing) existing.count += 1;
    else counts.set(key, { ...entry, count: 1 });
  }
  return counts;
}

const everyFile = () => true;

/**
 * The baseline of the findings that count now: suppressed, waived and expiry findings are left out. Given the
 * previous baseline, the entries of the files this run did not lint are kept.
 */
export function createBaseline(findings: readonly BaselinedFinding[], options: BaselineOptions = {}, previous?: Baseline): Baseline {
  const linted = options.linted ?? everyFile;
  const kept = previous?.entries.filter((entry) => !linted(entry.file)) ?? [];
  return { version: 1, entries: [...kept, ...countByKey(findings, options.fileKey ?? identity).values()].sort(compareEntries) };
}

/**
 * Of N findings with the same key and a baseline count of C, the first C in line order are unchanged
 * and the rest are new, so the answer does not depend on the order the rules ran in.
 */
export function compareWithBaseline<F extends RawFinding>(
  baseline: Baseline,
  findings: readonly F[],
  options: BaselineOptions = {},
): BaselineComparison<F> {
  const allowance = new Map(baseline.entries.map((entry) => [keyOf(entry), entry.count]));
  const byLocation = findings
    .map((finding, index) => ({ finding, index }))
    .filter(({ finding }) => !finding.suppressed)
    .sort((a, b) => a.finding.range.line - b.finding.range.line || a.finding.range.column - b.finding.range.column || a.index - b.index);

  const states = new Map<number, BaselineState>();
  for (const { finding, index } of byLocation) {
    const key = findingKey(finding, options.fileKey ?? identity);
    const remaining = neverBaselinedRules.includes(finding.ruleId) ? 0 : (allowance.get(key) ?? 0);
    states.set(index, remaining > 0 ? 'unchanged' : 'new');
    if (remaining > 0) allowance.set(key, remaining - 1);
  }

  const linted = options.linted ?? everyFile;
  const fixed = baseline.entries
    .filter((entry) => linted(entry.file) && (allowance.get(keyOf(entry)) ?? 0) > 0)
    .map((entry) => ({ ...entry, count: allowance.get(keyOf(entry)) ?? 0 }));
  const marked = findings.map((finding, index) => {
    const state = states.get(index);
    return state ? { ...finding, baselineState: state } : finding;
  });
  return { findings: marked, fixed };
}

/** Lowers each entry of a linted file to what still occurs and drops the fixed ones; never adds new findings. */
export function pruneBaseline(baseline: Baseline, findings: readonly BaselinedFinding[], options: BaselineOptions = {}): Baseline {
  const current = countByKey(findings, options.fileKey ?? identity);
  const linted = options.linted ?? everyFile;
  const entries = baseline.entries
    .map((entry) => (linted(entry.file) ? { ...entry, count: Math.min(entry.count, current.get(keyOf(entry))?.count ?? 0) } : entry))
    .filter((entry) => entry.count > 0);
  return { version: 1, entries };
}

/** How every baseline svc-lint writes begins, whitespace aside: what tells its own baseline from any other file. */
export const baselineHeader = '{"entries":';

/** Sorted keys, one entry per line, a trailing newline: the file diffs well in review. */
export function serializeBaseline(baseline: Baseline): string {
  const entries = [...baseline.entries].sort(compareEntries).map((entry) =>
    JSON.stringify({
      count: entry.count,
      file: entry.file,
      rule: entry.rule,
      ...(entry.service !== undefined ? { service: entry.service } : {}),
    }),
  );
  const entriesText = entries.length === 0 ? '[]' : `[\n    ${entries.join(',\n    ')}\n  ]`;
  return `{\n  "entries": ${entriesText},\n  "version": ${baseline.version}\n}\n`;
}

const entryKeys = ['count', 'file', 'rule', 'service'];

/** Reads a baseline file's text; `source` names the file in errors. Throws BaselineError listing every problem. */
export function parseBaseline(text: string, source: string): Baseline {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`${source}: not valid JSON (${(error as Error).message}); fix it or recreate it with "svc-lint baseline"`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new BaselineError(`${source}: expected an object with "version" and "entries"`);
  }
  const { version, entries } = value as Record<string, unknown>;
  if (version !== 1) throw new BaselineError(`${source}: unsupported "version" ${JSON.stringify(version)} (this svc-lint reads version 1)`);
  if (!Array.isArray(entries)) throw new BaselineError(`${source}: "entries" must be a list`);

  const problems: string[] = [];
  const seen = new Set<Key>();
  entries.forEach((entry: unknown, index) => {
    const problem = entryProblem(entry);
    if (problem) {
      problems.push(`entries[${index}]: ${problem}`);
      return;
    }
    const key = keyOf(entry as BaselineEntry);
    if (seen.has(key)) problems.push(`entries[${index}]: duplicates an earlier entry for the same file, service and rule`);
    seen.add(key);
  });
  if (problems.length > 0) throw new BaselineError(`${source}: ${problems.join('; ')}`);
  return { version: 1, entries: [...(entries as BaselineEntry[])].sort(compareEntries) };
}

function entryProblem(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return 'must be an object';
  const fields = entry as Record<string, unknown>;
  for (const key of ['file', 'rule'] as const) {
    if (typeof fields[key] !== 'string' || fields[key] === '') return `"${key}" must be a non-empty string`;
  }
  if ('service' in fields && typeof fields.service !== 'string') return '"service" must be a string when present';
  if (typeof fields.count !== 'number' || !Number.isInteger(fields.count) || fields.count < 1) return '"count" must be a positive integer';
  const unknownKey = Object.keys(fields).find((key) => !entryKeys.includes(key));
  return unknownKey ? `unknown key "${unknownKey}"` : undefined;
}
