import { isMap, isScalar, type Document, type LineCounter } from 'yaml';
import { documentProblems, parseYamlSafely, plainValueOf } from '../../yaml/safe-parse.js';
import { maxAliasCount } from '../../yaml/limits.js';
import type { ManifestFile, Range, RawFinding, RepeatedDependency, Service, UndeclaredService } from '../../types.js';
import type { LanguageRegistry } from '../../languages/registry.js';
import { describeSchemaErrors } from '../../schema/describe.js';
import { validator } from '../../schema/validators.js';
import { rangeAtPath, rangeOfNode, rangeOfOffsets } from '../../yaml/locate.js';
import { readBackstageDocument } from '../backstage/read.js';
import type { BackstageReadResult } from '../backstage/types.js';
import { readNativeService } from './native.js';
import { documentOwner, type DocumentOwner } from './ownership.js';
import { readerFinding } from './problems.js';
import { directiveMarker, documentSpansOf, readDirectives, type ParsedDirectives } from './directives.js';
import { startOfFile } from '../../yaml/locate.js';

/**
 * How a file came to be linted: `named` on the command line, by a glob or in an editor (judged whatever it holds,
 * but for documents clearly another tool's), or `searched` for by name in a directory (judged only when something
 * in it is svc-lint's).
 */
export type ManifestOrigin = 'named' | 'searched';

/** A document no rule judges, with why. */
export interface SkippedDocument {
  /** 1-based line where the document starts. */
  line: number;
  reason: string;
}

export interface ReadManifestResult {
  services: Service[];
  /** What the reader reports about the file: syntax, schema, repeated dependencies, skipped entities. */
  findings: RawFinding[];
  /** Services the file holds that svc-lint does not judge; none when absent. */
  undeclared?: UndeclaredService[];
  /** Documents left unjudged as another tool's; none when absent. */
  skipped?: SkippedDocument[];
  /** `false` when nothing in the file is svc-lint's, so the file is not linted at all; judged when absent. */
  judged?: boolean;
  /** The inline directives in the file's comments, read from the same parse; absent when the text has none. */
  directives?: ParsedDirectives;
  /** `true` when the file read as `named` would give another result than read as `searched`; absent when not. */
  dependsOnOrigin?: boolean;
}

/** Parsing stopped at `offset`: the text nests too deeply, or holds more than the nodes it was allowed. */
export type Unparsed = { tooDeep: { offset: number } } | { tooManyNodes: { offset: number } };

function documentRange(doc: Document, lineCounter: LineCounter): Range {
  const contents = doc.contents;
  if (isMap(contents) && contents.items[0]) {
    const firstKey = contents.items[0].key;
    const range = firstKey && typeof firstKey === 'object' ? rangeOfNode(firstKey as never, lineCounter) : undefined;
    if (range) return range;
  }
  if (contents?.range) return rangeOfOffsets(lineCounter, contents.range[0], contents.range[1]);
  const start = doc.range?.[0] ?? 0;
  return rangeOfOffsets(lineCounter, start, start);
}

function nameOf(value: unknown): string | undefined {
  const metadata = (value as { metadata?: { name?: unknown } } | null)?.metadata;
  return typeof metadata?.name === 'string' ? metadata.name : undefined;
}

function syntaxProblems(doc: Document, lineCounter: LineCounter, text: string, file: ManifestFile): RawFinding[] {
  return documentProblems(doc, text).map(({ reason, code, start, end }) =>
    readerFinding(file, 'manifest-syntax', { reason, code }, rangeOfOffsets(lineCounter, start, end)),
  );
}

/** `---` with nothing after it: the parser gives an empty scalar, which is no document at all. */
function isEmptyDocument(doc: Document): boolean {
  const contents = doc.contents;
  if (contents === null) return true;
  return isScalar(contents) && contents.value === null && (!contents.range || contents.range[0] === contents.range[1]);
}

/** Each document's own text: from its start to the next document's (the parser's range stops early after an error). */
function documentSpans(documents: readonly Document[], text: string): string[] {
  return documents.map((doc, index) => text.slice(doc.range?.[0] ?? 0, documents[index + 1]?.range?.[0] ?? text.length));
}

/** A file a search found is svc-lint's when at least one document is: a manifest, or an entity that opts in. */
function isSvcLints(owner: DocumentOwner | undefined): boolean {
  if (owner?.owner === 'svc-lint') return owner.template === undefined;
  return owner?.owner === 'backstage' && owner.optsIn && owner.template === undefined;
}

/** Why a document is not judged, or undefined when it is. */
function skipReason(owner: DocumentOwner, fileIsOurs: boolean): string | undefined {
  switch (owner.owner) {
    case 'foreign':
      return owner.reason;
    case 'svc-lint':
    case 'backstage':
      // A template is the skeleton of a manifest, named or found: it names no service yet.
      return owner.template;
    case 'unmarked':
      return fileIsOurs ? undefined : 'no apiVersion (an svc-lint manifest starts with apiVersion: svc-lint/v1)';
  }
}

/** Reads the services a manifest's text declares, parsing at most `maxNodes` YAML nodes. */
export function readManifest(
  text: string,
  file: ManifestFile,
  languages: LanguageRegistry,
  maxNodes: number,
  origin: ManifestOrigin = 'named',
): (ReadManifestResult & { nodes: number }) | Unparsed {
  const parsed = parseYamlSafely(text, { maxNodes, keepTokens: text.includes(directiveMarker) });
  if (!('documents' in parsed)) return parsed;
  const { documents, nodes, lineCounter } = parsed;
  const directives = parsed.tokens && readDirectives(text, parsed.tokens, lineCounter, documentSpansOf(documents, lineCounter));
  const spans = documentSpans(documents, text);
  const owners = documents.map((doc, index) => (isEmptyDocument(doc) ? undefined : documentOwner(doc, spans[index]!)));
  const fileIsOurs = origin === 'named' || owners.some(isSvcLints);
  // A search judges a file only when something in it is svc-lint's: only then does the origin change the result.
  const dependsOnOrigin = !owners.some(isSvcLints);
  const services: Service[] = [];
  const problems: RawFinding[] = [];
  const undeclared: UndeclaredService[] = [];
  const skipped: SkippedDocument[] = [];
  const validateService = validator('service');
  let judged = false;

  documents.forEach((doc, documentIndex) => {
    const owner = owners[documentIndex];
    if (!owner) return;
    const reason = skipReason(owner, fileIsOurs);
    const line = lineCounter.linePos(doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0).line;
    if (reason !== undefined) {
      skipped.push({ line, reason });
      return;
    }
    if (owner.owner === 'backstage' && !owner.optsIn) {
      // Read for the components the workspace holds, not judged: a syntax error here is not svc-lint's to report.
      const read = doc.errors.length === 0 ? readBackstageDocument(doc, lineCounter, file, documentIndex, languages) : undefined;
      skipped.push({ line, reason: read?.kind === 'skip' ? read.reason : 'a Backstage entity without svc-lint.dev/* annotations' });
      if (read && 'undeclared' in read && read.undeclared) undeclared.push({ ...read.undeclared, file: file.displayPath });
      return;
    }
    judged = true;
    const syntax = syntaxProblems(doc, lineCounter, text, file);
    if (syntax.length > 0) {
      for (const problem of syntax) problems.push(problem);
      return;
    }
    const context: DocumentContext = { doc, documentIndex, text, lineCounter, file, languages, into: { services, problems, undeclared } };
    if (owner.owner === 'backstage') addBackstageResult(readBackstageDocument(doc, lineCounter, file, documentIndex, languages), context);
    else readNativeDocument(context, validateService, owner.owner === 'svc-lint');
  });

  if (owners.every((owner) => owner === undefined)) {
    if (origin === 'searched') return { services, findings: problems, skipped: [{ line: 1, reason: 'empty, or only comments' }], judged: false, dependsOnOrigin, nodes };
    problems.push(readerFinding(file, 'manifest-schema', { path: '(file)', problem: 'declares no service: it is empty or holds only comments' }, startOfFile));
    judged = true;
  }
  return { services, findings: problems, ...(directives && { directives }), ...(undeclared.length > 0 && { undeclared }), ...(skipped.length > 0 && { skipped }), judged, ...(dependsOnOrigin && { dependsOnOrigin }), nodes };
}

/** One document to judge, and where what it yields goes. */
interface DocumentContext {
  doc: Document;
  documentIndex: number;
  text: string;
  lineCounter: LineCounter;
  file: ManifestFile;
  languages: LanguageRegistry;
  into: { services: Service[]; problems: RawFinding[]; undeclared: UndeclaredService[] };
}

/**
 * A native document: checked against the schema, then read into a service. One that names itself but fails to make
 * a service is still known to the workspace (its own findings say why), when it is marked as svc-lint's.
 */
function readNativeDocument(context: DocumentContext, validateService: ReturnType<typeof validator>, marked: boolean): void {
  const { doc, lineCounter, file, into } = context;
  const plain = plainValueOf(doc);
  const range = documentRange(doc, lineCounter);
  if ('error' in plain) {
    const reason = plain.aliases
      ? `the YAML expands more than ${maxAliasCount} aliases, which svc-lint refuses as a resource-exhaustion risk`
      : `cannot read the YAML: ${plain.error}`;
    into.problems.push(readerFinding(file, 'manifest-syntax', { reason, code: 'ALIASES' }, range));
    return;
  }
  const service = nameOf(plain.value);
  if (!validateService(plain.value)) {
    for (const problem of describeSchemaErrors(validateService.errors ?? [])) {
      const at = (problem.path.length > 0 && rangeAtPath(doc, lineCounter, problem.path, problem.target)) || range;
      into.problems.push(readerFinding(file, 'manifest-schema', { path: problem.displayPath, problem: problem.problem }, at, { service }));
    }
  }
  const repeated: RepeatedDependency[] = [];
  const built = readNativeService(plain.value, { ...context, documentRange: range, repeated });
  if (built) {
    into.services.push(built);
    for (const problem of repeatedProblems(file, built.name, repeated)) into.problems.push(problem);
  } else if (service !== undefined && service.trim() !== '' && marked) {
    const at = rangeAtPath(doc, lineCounter, ['metadata', 'name']) ?? range;
    into.undeclared.push({ name: service, file: file.displayPath, range: at, reason: 'a manifest that does not pass the schema' });
  }
}

/** `duplicate-dependency` at each repeated entry: the graph counts the call once, with the first entry's values. */
function repeatedProblems(file: ManifestFile, service: string, repeated: readonly RepeatedDependency[]): RawFinding[] {
  return repeated.map((entry) =>
    readerFinding(file, 'duplicate-dependency', { service, dependency: entry.service, firstLine: entry.first.line }, entry.range, { service }),
  );
}

function addBackstageResult(read: BackstageReadResult, { file, into }: DocumentContext): void {
  if ('undeclared' in read && read.undeclared) into.undeclared.push({ ...read.undeclared, file: file.displayPath });
  if (read.kind === 'skip') {
    const { notice } = read;
    if (notice) into.problems.push(readerFinding(file, 'skipped-entity', notice.data, notice.range, { messageId: notice.messageId }));
    return;
  }
  const service = read.kind === 'service' ? read.service.name : read.service;
  for (const problem of read.problems) {
    into.problems.push(readerFinding(file, 'manifest-schema', { path: problem.path, problem: problem.problem }, problem.range, { service }));
  }
  if (service !== undefined) into.problems.push(...repeatedProblems(file, service, read.repeated));
  if (read.kind === 'service') into.services.push(read.service);
}
