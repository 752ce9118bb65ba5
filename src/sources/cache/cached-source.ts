import type { ParsedDirectives } from '../manifest/directives.js';
import type { SkippedDocument } from '../manifest/read.js';
import type { ManifestSource } from '../manifest/source.js';
import type { ManifestFile, RawFinding, Service, UndeclaredService } from '../../types.js';
import { isCachedService, isCachedUndeclared, isObject, isPosition, isRange, type CachedService } from './cached-service.js';

/** A finding of the manifest reader without its file, which the run knows (its display path depends on the cwd). */
export type CachedFinding = Omit<RawFinding, 'file'>;

/** What the graph rules read of a manifest: its services and the components it holds undeclared, without its file. */
interface CachedDeclarations {
  services: CachedService[];
  undeclared?: Omit<UndeclaredService, 'file'>[];
}

/** What only a linted manifest needs: the reader's findings, whether and what it judged, and its inline directives. */
interface CachedJudgement {
  findings: CachedFinding[];
  skipped?: SkippedDocument[];
  judged?: boolean;
  directives?: ParsedDirectives;
}

/** A source as two JSON texts: what the graph rules read, then what only a linted file needs (each read only when used). */
export function cachedSourceParts(source: ManifestSource): [string, string] {
  const declarations: CachedDeclarations = {
    services: source.services.map(({ file: _file, ...service }) => service),
    ...(source.undeclared && { undeclared: source.undeclared.map(({ file: _file, ...rest }) => rest) }),
  };
  const judgement: CachedJudgement = {
    findings: source.findings.map(({ file: _file, ...finding }) => finding),
    ...(source.skipped && { skipped: source.skipped }),
    ...(source.judged !== undefined && { judged: source.judged }),
    ...(source.directives && { directives: source.directives }),
  };
  return [JSON.stringify(declarations), JSON.stringify(judgement)];
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The source again, as reading `file` gave it, or undefined when a part is damaged in any way (then the file is read
 * again). Without `judgementText`, the source of a file the graph rules read without linting it: no findings.
 */
export function sourceFromParts(declarationsText: string, judgementText: string | undefined, file: ManifestFile): ManifestSource | undefined {
  const declarations = parsed(declarationsText);
  if (!isCachedDeclarations(declarations)) return undefined;
  const judgement = judgementText === undefined ? { findings: [] } : parsed(judgementText);
  if (!isCachedJudgement(judgement)) return undefined;
  // Freshly parsed objects, the run's own: the file is set on them rather than copied into new ones.
  for (const service of declarations.services) (service as Service).file = file;
  for (const finding of judgement.findings) (finding as RawFinding).file = file.displayPath;
  for (const undeclared of declarations.undeclared ?? []) (undeclared as UndeclaredService).file = file.displayPath;
  return {
    file,
    services: declarations.services as Service[],
    findings: judgement.findings as RawFinding[],
    ...(judgement.directives && { directives: judgement.directives }),
    ...(declarations.undeclared && { undeclared: declarations.undeclared as UndeclaredService[] }),
    ...(judgement.skipped && { skipped: judgement.skipped }),
    ...(judgement.judged !== undefined && { judged: judgement.judged }),
  };
}

const isString = (value: unknown): value is string => typeof value === 'string';

function isOptional(value: unknown, check: (value: unknown) => boolean): boolean {
  return value === undefined || check(value);
}

function isArrayOf(value: unknown, check: (item: unknown) => boolean): boolean {
  return Array.isArray(value) && value.every(check);
}

function isMessageData(value: unknown): boolean {
  return isObject(value) && Object.values(value).every((item) => typeof item === 'string' || (typeof item === 'number' && !Number.isNaN(item)));
}

function isFinding(value: unknown): boolean {
  return (
    isObject(value) &&
    isString(value.ruleId) &&
    isString(value.messageId) &&
    isMessageData(value.data) &&
    isRange(value.range) &&
    isOptional(value.service, isString) &&
    value.suppressed === undefined &&
    value.baselineState === undefined
  );
}

function isSkippedDocument(value: unknown): boolean {
  return isObject(value) && isPosition(value.line) && isString(value.reason);
}

function isDirective(value: unknown): boolean {
  return (
    isObject(value) &&
    (value.kind === 'disable' || value.kind === 'disable-next-line') &&
    isArrayOf(value.rules, isString) &&
    isOptional(value.until, isString) &&
    isOptional(value.reason, isString) &&
    isRange(value.range) &&
    isObject(value.covers) &&
    isPosition(value.covers.fromLine) &&
    isPosition(value.covers.toLine)
  );
}

function isMalformedDirective(value: unknown): boolean {
  return isObject(value) && isString(value.text) && isString(value.problem) && isRange(value.range);
}

function isDirectives(value: unknown): boolean {
  return isObject(value) && isArrayOf(value.directives, isDirective) && isArrayOf(value.malformed, isMalformedDirective);
}

function isCachedDeclarations(value: unknown): value is CachedDeclarations {
  return isObject(value) && isArrayOf(value.services, isCachedService) && isOptional(value.undeclared, (undeclared) => isArrayOf(undeclared, isCachedUndeclared));
}

/**
 * Whether a cache entry has every field the rules and the exemptions read, each of the right type and within the
 * manifest's limits: an entry damaged in any shape fails here, and its manifest is read again, never passed to a rule.
 */
function isCachedJudgement(value: unknown): value is CachedJudgement {
  return (
    isObject(value) &&
    isArrayOf(value.findings, isFinding) &&
    isOptional(value.skipped, (skipped) => isArrayOf(skipped, isSkippedDocument)) &&
    isOptional(value.judged, (judged) => typeof judged === 'boolean') &&
    isOptional(value.directives, isDirectives)
  );
}
