import { daysBetween, hasExpired, isIsoDate } from './dates.js';
import { matchesGlob } from './glob.js';
import { closeMatches } from '../text/closest.js';
import type { ReportedFinding, WaiverRuleId } from './types.js';

/** A config exemption: `rule` findings of the matching services are not counted until `expires`. */
export interface Waiver {
  rule: string;
  /** Service names or globs (`*`, `?`). */
  services: string[];
  reason: string;
  owner: string;
  /** YYYY-MM-DD, the last day the waiver applies. */
  expires: string;
}

export interface WaiverOptions {
  /** YYYY-MM-DD; the caller decides what today is. */
  today: string;
  /** A waiver ending within this many days is reported as expiring. */
  expiringWithinDays: number;
  /**
   * The names of every service of the workspace: a waiver entry that matches none is reported (`unused-waiver`).
   * Undefined when the workspace is not known, and nothing is reported.
   */
  serviceNames?: readonly string[];
}

export const defaultExpiringWithinDays = 30;

/** A problem with a waiver, as data; `waiverIndex` lets the caller point at `waivers[index]` in the config. */
export interface WaiverProblem {
  ruleId: WaiverRuleId;
  messageId: string;
  data: Record<string, string | number>;
  waiverIndex: number;
  /** The entry of the waiver's `services` the problem is about, when it is about one. */
  serviceIndex?: number;
}

export interface WaiverResult {
  findings: ReportedFinding[];
  problems: WaiverProblem[];
}

export interface WaiverConfigError {
  /** -1 when `waivers` itself is wrong. */
  waiverIndex: number;
  /** What is wrong with `waivers[waiverIndex]`, without the path. */
  message: string;
}

/** Checks the `waivers` config value; every waiver needs a rule, services, a reason, an owner and a real date. */
export function readWaivers(value: unknown): { waivers: Waiver[]; errors: WaiverConfigError[] } {
  if (value === undefined) return { waivers: [], errors: [] };
  if (!Array.isArray(value)) return { waivers: [], errors: [{ waiverIndex: -1, message: 'waivers must be a list' }] };
  const waivers: Waiver[] = [];
  const errors: WaiverConfigError[] = [];
  value.forEach((entry: unknown, waiverIndex) => {
    const problem = waiverProblem(entry);
    if (problem) errors.push({ waiverIndex, message: problem });
    else waivers.push(entry as Waiver);
  });
  return { waivers, errors };
}

function waiverProblem(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return 'must be a mapping';
  const waiver = entry as Record<string, unknown>;
  for (const key of ['rule', 'reason', 'owner', 'expires'] as const) {
    if (typeof waiver[key] !== 'string' || (waiver[key] as string).trim() === '') return `"${key}" is required (a non-empty string)`;
  }
  const services = waiver.services;
  if (!Array.isArray(services) || services.length === 0 || !services.every((name) => typeof name === 'string' && name !== '')) {
    return '"services" is required (a list of service names or globs such as "billing-*")';
  }
  if (!isIsoDate(waiver.expires as string)) return `"expires" must be a date written YYYY-MM-DD, not "${String(waiver.expires)}"`;
  const unknownKey = Object.keys(waiver).find((key) => !['rule', 'services', 'reason', 'owner', 'expires'].includes(key));
  if (unknownKey) return `unknown key "${unknownKey}"`;
  return undefined;
}

/** Marks the findings the live waivers cover and reports expired and soon-expiring waivers. */
export function applyWaivers(findings: readonly ReportedFinding[], waivers: readonly Waiver[], options: WaiverOptions): WaiverResult {
  const problems: WaiverProblem[] = [];
  const live: Waiver[] = [];
  waivers.forEach((waiver, waiverIndex) => {
    const data = { rule: waiver.rule, services: waiver.services.join(', '), owner: waiver.owner, expires: waiver.expires };
    if (hasExpired(waiver.expires, options.today)) {
      problems.push({ ruleId: 'waiver-expired', messageId: 'default', data: { ...data, today: options.today }, waiverIndex });
      return;
    }
    live.push(waiver);
    const daysLeft = daysBetween(options.today, waiver.expires);
    if (daysLeft <= options.expiringWithinDays) {
      problems.push({ ruleId: 'waiver-expiring', messageId: 'default', data: { ...data, days: daysLeft }, waiverIndex });
    }
    if (options.serviceNames) problems.push(...unmatchedEntries(waiver, waiverIndex, options.serviceNames));
  });

  const reported = findings.map((finding): ReportedFinding => {
    if (finding.suppressed) return finding;
    const waiver = live.find((candidate) => covers(candidate, finding));
    if (!waiver) return finding;
    return { ...finding, suppressed: { kind: 'waiver', reason: waiver.reason, owner: waiver.owner, expires: waiver.expires } };
  });
  return { findings: reported, problems };
}

/** The waiver's `services` entries that match no service of the workspace, with close names for a plain name. */
function unmatchedEntries(waiver: Waiver, waiverIndex: number, serviceNames: readonly string[]): WaiverProblem[] {
  const problems: WaiverProblem[] = [];
  waiver.services.forEach((pattern, serviceIndex) => {
    if (serviceNames.some((name) => matchesGlob(pattern, name))) return;
    const data = { rule: waiver.rule, pattern };
    const close = /[*?]/.test(pattern) ? [] : closeMatches(pattern, serviceNames);
    problems.push(
      close.length > 0
        ? { ruleId: 'unused-waiver', messageId: 'didYouMean', data: { ...data, suggestions: close.join(', ') }, waiverIndex, serviceIndex }
        : { ruleId: 'unused-waiver', messageId: 'default', data, waiverIndex, serviceIndex },
    );
  });
  return problems;
}

function covers(waiver: Waiver, finding: ReportedFinding): boolean {
  const service = finding.service;
  return waiver.rule === finding.ruleId && service !== undefined && waiver.services.some((pattern) => matchesGlob(pattern, service));
}
