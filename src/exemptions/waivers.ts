import { daysBetween, hasExpired } from '../text/dates.js';
import type { Waiver } from '../config/waivers.js';
import { matchesGlob } from './glob.js';
import { closeMatches } from '../text/closest.js';
import type { Range, RawFinding } from '../types.js';
import type { WaiverRuleId } from './types.js';

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
  /** The config file, as findings name it, and where `waivers[waiverIndex]` (or its `services[serviceIndex]`) is in it. */
  configFile: string;
  waiverRange(waiverIndex: number, serviceIndex?: number): Range;
}

export const defaultExpiringWithinDays = 30;

export interface WaiverResult {
  findings: RawFinding[];
  /** Expired, expiring and unused waivers, at the waiver in the config. */
  problems: RawFinding[];
}


/** Marks the findings the live waivers cover and reports expired and soon-expiring waivers. */
export function applyWaivers(findings: readonly RawFinding[], waivers: readonly Waiver[], options: WaiverOptions): WaiverResult {
  const problems: RawFinding[] = [];
  const problem = (ruleId: WaiverRuleId, messageId: string, data: RawFinding['data'], waiverIndex: number, serviceIndex?: number): RawFinding => ({
    ruleId,
    messageId,
    data,
    file: options.configFile,
    range: options.waiverRange(waiverIndex, serviceIndex),
  });
  const live: Waiver[] = [];
  waivers.forEach((waiver, waiverIndex) => {
    const data = { rule: waiver.rule, services: waiver.services.join(', '), owner: waiver.owner, expires: waiver.expires };
    if (hasExpired(waiver.expires, options.today)) {
      problems.push(problem('waiver-expired', 'default', { ...data, today: options.today }, waiverIndex));
      return;
    }
    live.push(waiver);
    const daysLeft = daysBetween(options.today, waiver.expires);
    if (daysLeft <= options.expiringWithinDays) {
      problems.push(problem('waiver-expiring', 'default', { ...data, days: daysLeft }, waiverIndex));
    }
    if (options.serviceNames) problems.push(...unmatchedEntries(waiver, waiverIndex, options.serviceNames, problem));
  });

  const reported = findings.map((finding): RawFinding => {
    if (finding.suppressed) return finding;
    const waiver = live.find((candidate) => covers(candidate, finding));
    if (!waiver) return finding;
    return { ...finding, suppressed: { kind: 'waiver', reason: waiver.reason, owner: waiver.owner, expires: waiver.expires } };
  });
  return { findings: reported, problems };
}

/** The waiver's `services` entries that match no service of the workspace, with close names for a plain name. */
function unmatchedEntries(
  waiver: Waiver,
  waiverIndex: number,
  serviceNames: readonly string[],
  problem: (ruleId: WaiverRuleId, messageId: string, data: RawFinding['data'], waiverIndex: number, serviceIndex?: number) => RawFinding,
): RawFinding[] {
  const problems: RawFinding[] = [];
  waiver.services.forEach((pattern, serviceIndex) => {
    if (serviceNames.some((name) => matchesGlob(pattern, name))) return;
    const data = { rule: waiver.rule, pattern };
    const close = /[*?]/.test(pattern) ? [] : closeMatches(pattern, serviceNames);
    problems.push(
      close.length > 0
        ? problem('unused-waiver', 'didYouMean', { ...data, suggestions: close.join(', ') }, waiverIndex, serviceIndex)
        : problem('unused-waiver', 'default', data, waiverIndex, serviceIndex),
    );
  });
  return problems;
}

function covers(waiver: Waiver, finding: RawFinding): boolean {
  const service = finding.service;
  return waiver.rule === finding.ruleId && service !== undefined && waiver.services.some((pattern) => matchesGlob(pattern, service));
}
