import { figureMaximums } from '../manifest/figures.js';
import { deploymentTargets, workloads, type Service, type UndeclaredService } from '../../types.js';

/** A service as the cache keeps it: everything but its file, which the run knows, and its locations, kept apart. */
export type CachedService = Omit<Service, 'file' | 'locations'>;

type Fields = Record<string, unknown>;

export function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isPosition(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 1;
}

export function isRange(value: unknown): boolean {
  return isObject(value) && isPosition(value.line) && isPosition(value.column) && isPosition(value.endLine) && isPosition(value.endColumn);
}

function isFigure(value: unknown, maximum: number): boolean {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= maximum;
}

export function isOptional(value: unknown, check: (value: unknown) => boolean): boolean {
  return value === undefined || check(value);
}

export const isString = (value: unknown): value is string => typeof value === 'string';

export function isArrayOf(value: unknown, check: (item: unknown) => boolean): value is unknown[] {
  return Array.isArray(value) && value.every(check);
}

function isDependency(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.service === 'string' &&
    (value.call === 'sync' || value.call === 'async') &&
    isFigure(value.rpsShare, figureMaximums.rpsShare) &&
    isOptional(value.p99Ms, (p99Ms) => isFigure(p99Ms, figureMaximums.p99Ms)) &&
    isRange(value.range)
  );
}

/**
 * Whether a cache entry has every field the rules read, each of the right type and within the manifest's limits: a
 * cache edited by hand or damaged in any shape fails here, and its manifest is read again, never a rule.
 */
export function isCachedService(value: unknown): value is CachedService {
  return (
    isObject(value) &&
    typeof value.name === 'string' &&
    isOptional(value.owner, isString) &&
    isOptional(value.description, isString) &&
    typeof value.language === 'string' &&
    typeof value.languageId === 'string' &&
    (workloads as readonly unknown[]).includes(value.workload) &&
    isOptional(value.peakRps, (peakRps) => isFigure(peakRps, figureMaximums.peakRps)) &&
    isOptional(value.p99Ms, (p99Ms) => isFigure(p99Ms, figureMaximums.p99Ms)) &&
    (deploymentTargets as readonly unknown[]).includes(value.deploymentTarget) &&
    isOptional(value.teamLanguages, (languages) => Array.isArray(languages) && languages.every(isString)) &&
    Array.isArray(value.dependsOn) &&
    value.dependsOn.every(isDependency) &&
    Number.isSafeInteger(value.documentIndex) &&
    (value.documentIndex as number) >= 0 &&
    (value.format === 'svc-lint/v1' || value.format === 'backstage')
  );
}

/** A component the file holds undeclared, as the cache keeps it (without its file). */
export function isCachedUndeclared(value: unknown): value is Omit<UndeclaredService, 'file'> {
  return isObject(value) && typeof value.name === 'string' && typeof value.reason === 'string' && isRange(value.range);
}
