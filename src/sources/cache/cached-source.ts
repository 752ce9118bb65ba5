import type { ParsedDirectives } from '../manifest/directives.js';
import type { SkippedDocument } from '../manifest/read.js';
import type { ManifestSource } from '../manifest/source.js';
import type { ManifestFile, RawFinding, Service, UndeclaredService } from '../../types.js';
import { isArrayOf, isCachedService, isCachedUndeclared, isObject, isOptional, isPosition, isRange, isString, type CachedService } from './cached-service.js';
import { areLocations, encodedLocations, encodeLocations } from './cached-locations.js';

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

/** The texts the cache keeps of a source, each decoded only when used. */
export interface SourceTexts {
  /** What the graph rules read (JSON). */
  declarations: string;
  /** Where each service's fields were read (see `encodeLocations`). */
  locations: string;
  /** What only a linted file needs (JSON). */
  judgement: string;
}

export function cachedSourceTexts(source: ManifestSource): SourceTexts {
  const declarations: CachedDeclarations = {
    services: source.services.map(({ file: _file, locations: _locations, ...service }) => service),
    ...(source.undeclared && { undeclared: source.undeclared.map(({ file: _file, ...rest }) => rest) }),
  };
  const judgement: CachedJudgement = {
    findings: source.findings.map(({ file: _file, ...finding }) => finding),
    ...(source.skipped && { skipped: source.skipped }),
    ...(source.judged !== undefined && { judged: source.judged }),
    ...(source.directives && { directives: source.directives }),
  };
  return { declarations: JSON.stringify(declarations), locations: encodeLocations(source.services), judgement: JSON.stringify(judgement) };
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The source again, as reading `file` gave it, or undefined when a text is damaged in any way (then the file is read
 * again). Without a judgement, the source of a file the graph rules read without linting it: no findings.
 */
export function sourceFromTexts(texts: Omit<SourceTexts, 'judgement'> & { judgement?: string }, file: ManifestFile): ManifestSource | undefined {
  const declarations = parsed(texts.declarations);
  if (!isCachedDeclarations(declarations)) return undefined;
  if (!areLocations(texts.locations, declarations.services.length)) return undefined;
  const locations = encodedLocations(texts.locations);
  const judgement = texts.judgement === undefined ? { findings: [] } : parsed(texts.judgement);
  if (!isCachedJudgement(judgement)) return undefined;
  // Freshly parsed objects, the run's own: the file and locations are set on them rather than copied into new ones.
  declarations.services.forEach((service, index) => Object.assign(service, { file, locations: locations[index]! }));
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

/**
 * A source that `decode` gives from `entry` when one of its fields is first read: never, for a run that does not read
 * them. A class, and `decode` one function for all of a run's sources, so that a workspace of thousands of them makes
 * no closure per source.
 */
class LazySource<Entry> implements ManifestSource {
  #entry: Entry | undefined;
  #decoded: ManifestSource | undefined;

  constructor(
    readonly file: ManifestFile,
    entry: Entry,
    private readonly decode: (file: ManifestFile, entry: Entry) => ManifestSource,
  ) {
    this.#entry = entry;
  }

  #source(): ManifestSource {
    if (!this.#decoded) {
      this.#decoded = this.decode(this.file, this.#entry!);
      this.#entry = undefined;
    }
    return this.#decoded;
  }

  get services() {
    return this.#source().services;
  }
  get findings() {
    return this.#source().findings;
  }
  get undeclared() {
    return this.#source().undeclared;
  }
  get skipped() {
    return this.#source().skipped;
  }
  get judged() {
    return this.#source().judged;
  }
  get directives() {
    return this.#source().directives;
  }
  get dependsOnOrigin() {
    return this.#source().dependsOnOrigin;
  }
}

export function lazySource<Entry>(file: ManifestFile, entry: Entry, decode: (file: ManifestFile, entry: Entry) => ManifestSource): ManifestSource {
  return new LazySource(file, entry, decode);
}

function isMessageData(value: unknown): boolean {
  return isObject(value) && Object.values(value).every((item) => typeof item === 'string' || (typeof item === 'number' && !Number.isNaN(item)));
}

export function isFinding(value: unknown): boolean {
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
