import { didYouMean } from '../../text/closest.js';
import { figureMaximums } from '../manifest/figures.js';
import { formatNumber } from '../../text/number.js';
import { deploymentTargets, workloads, type DeploymentTarget, type Workload } from '../../types.js';

export const annotationPrefix = 'svc-lint.dev/';

export const annotationKeys = {
  language: 'svc-lint.dev/language',
  workload: 'svc-lint.dev/workload',
  peakRps: 'svc-lint.dev/peak-rps',
  p99Ms: 'svc-lint.dev/p99-ms',
  deployment: 'svc-lint.dev/deployment',
  teamLanguages: 'svc-lint.dev/team-languages',
  asyncDeps: 'svc-lint.dev/async-deps',
} as const;

export const knownAnnotationKeys: readonly string[] = Object.values(annotationKeys);

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const plainNumber = /^(\d+(\.\d*)?|\.\d+)$/;

function quoted(text: string): string {
  return JSON.stringify(text);
}

/** As in native manifests, a figure above the schema's maximum is refused: "1" and 400 zeros is not Infinity req/s. */
function atMost(maximum: number, text: string): Parsed<number> | undefined {
  return Number(text.trim()) > maximum ? { ok: false, problem: `must be at most ${formatNumber(maximum)}, got ${quoted(text)}` } : undefined;
}

export function parsePeakRps(text: string): Parsed<number> {
  const trimmed = text.trim();
  if (!plainNumber.test(trimmed)) return { ok: false, problem: `must be a number >= 0, got ${quoted(text)}` };
  return atMost(figureMaximums.peakRps, text) ?? { ok: true, value: Number(trimmed) };
}

export function parseP99Ms(text: string): Parsed<number> {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (!plainNumber.test(trimmed) || value <= 0) {
    return { ok: false, problem: `must be a number of milliseconds > 0, got ${quoted(text)}` };
  }
  return atMost(figureMaximums.p99Ms, text) ?? { ok: true, value };
}

function parseChoice<T extends string>(text: string, choices: readonly T[]): Parsed<T> {
  const trimmed = text.trim();
  const match = choices.find((choice) => choice === trimmed);
  if (match) return { ok: true, value: match };
  return { ok: false, problem: `must be one of ${choices.join(', ')}, got ${quoted(text)}${didYouMean(trimmed, choices)}` };
}

export function parseWorkload(text: string): Parsed<Workload> {
  return parseChoice(text, workloads);
}

export function parseDeployment(text: string): Parsed<DeploymentTarget> {
  return parseChoice(text, deploymentTargets);
}

/** Annotation values are strings, so lists are written comma-separated: `go, python`. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}
