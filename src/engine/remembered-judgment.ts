import type { RememberedTraffic } from '../analysis/decisions.js';
import { isArrayOf, isObject, isPosition, isString } from '../sources/cache/cached-service.js';
import { isFinding } from '../sources/cache/cached-source.js';
import type { RawFinding, UndeclaredCallee } from '../types.js';
import { unicodeEscape } from '../text/unicode-escape.js';

/**
 * What judging the workspace gave the linted files, kept in the cache for a run whose every input is unchanged: the
 * rules' findings before any exemption (directives, waivers, the baseline and the date are applied afresh), and what
 * the reports read besides them.
 */
export interface RememberedJudgment {
  findings: RawFinding[];
  /** Per service of the linted files, in their order: the traffic its decision was made on, and its graph node. */
  traffic: RememberedTraffic[];
  /** Services the workspace holds without svc-lint data that its services call. */
  undeclared: UndeclaredCallee[];
  /** The names of the workspace's services, when waivers are checked against them. */
  serviceNames?: string[];
  /** The directories whose drift evidence the rules read: the judgment holds only while each is unchanged. */
  evidenceDirectories: string[];
}

/** A traffic as the cache keeps it: declared peak (or null), effective, inbound, contributing calls, chain length, chain head end, node (or -1). */
type TrafficNumbers = [number | null, number, number, number, number, number, number];

export function encodeJudgment(judgment: RememberedJudgment): string {
  const traffic = judgment.traffic.map(({ traffic, node }): TrafficNumbers => [
    traffic.declaredRps ?? null,
    traffic.effectiveRps,
    traffic.inboundRps,
    traffic.contributingCalls,
    traffic.chainLength,
    traffic.chainHeadEnd,
    node ?? -1,
  ]);
  return asciiJson(JSON.stringify({ ...judgment, traffic }));
}

/**
 * JSON text with every character beyond ASCII written as a `\u` escape: the same value, but a run that decodes it gets
 * a string of one byte per character, half the memory of the two-byte string one "→" in a message would make it.
 */
function asciiJson(text: string): string {
  return text.replace(/[\u007f-\uffff]/g, unicodeEscape);
}

const isFigure = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

function isTrafficNumbers(value: unknown): value is TrafficNumbers {
  if (!Array.isArray(value) || value.length !== 7) return false;
  const [declared, effective, inbound, calls, chainLength, chainHeadEnd, node] = value as unknown[];
  return (
    (declared === null || isFigure(declared)) &&
    isFigure(effective) &&
    isFigure(inbound) &&
    isCount(calls) &&
    isCount(chainLength) &&
    Number.isSafeInteger(chainHeadEnd) &&
    Number.isSafeInteger(node) &&
    (node as number) >= -1
  );
}

function isUndeclaredCallee(value: unknown): boolean {
  return (
    isObject(value) &&
    isString(value.service) &&
    isString(value.file) &&
    isPosition(value.line) &&
    isPosition(value.column) &&
    isString(value.reason) &&
    isArrayOf(value.calledBy, isString)
  );
}

/**
 * The judgment a text keeps, for `services` linted services; undefined when the text is damaged in any way (then the
 * workspace is judged again).
 */
export function decodeJudgment(text: string, services: number): RememberedJudgment | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (
    !isObject(value) ||
    !isArrayOf(value.findings, (finding) => isFinding(finding) && isString((finding as RawFinding).file)) ||
    !isArrayOf(value.traffic, isTrafficNumbers) ||
    value.traffic.length !== services ||
    !isArrayOf(value.undeclared, isUndeclaredCallee) ||
    (value.serviceNames !== undefined && !isArrayOf(value.serviceNames, isString)) ||
    !isArrayOf(value.evidenceDirectories, isString)
  ) {
    return undefined;
  }
  const traffic = (value.traffic as TrafficNumbers[]).map(([declaredRps, effectiveRps, inboundRps, contributingCalls, chainLength, chainHeadEnd, node]): RememberedTraffic => {
    // Literals of fixed shape: an object begun with a spread gets a hidden class of its own, one per service.
    const traffic =
      declaredRps === null
        ? { effectiveRps, inboundRps, contributingCalls, chainLength, chainHeadEnd }
        : { declaredRps, effectiveRps, inboundRps, contributingCalls, chainLength, chainHeadEnd };
    return node >= 0 ? { traffic, node } : { traffic };
  });
  return { ...(value as unknown as RememberedJudgment), traffic };
}
