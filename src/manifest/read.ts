import { isMap, isScalar, parseAllDocuments, type Document, type LineCounter } from 'yaml';
import { describeSyntaxError, duplicateKeys, lineCounterFor } from '../yaml/text.js';
import type { ManifestFile, Range, Service } from '../types.js';
import type { LanguageRegistry } from '../templates/types.js';
import { describeSchemaErrors } from '../schema/describe.js';
import { validator } from '../schema/validators.js';
import { rangeAtPath, rangeOfNode, rangeOfOffsets } from '../yaml/locate.js';
import { isBackstageDocument, readBackstageDocument } from '../backstage/read.js';
import { readNativeService } from './native.js';
import { startOfFile, type ManifestProblem } from './problems.js';

export interface ReadManifestResult {
  services: Service[];
  problems: ManifestProblem[];
}

/** Bounds the expansion of YAML aliases (a "billion laughs" file stops here instead of exhausting memory). */
const maxAliasCount = 100;

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

function syntaxProblems(doc: Document, lineCounter: LineCounter, text: string): ManifestProblem[] {
  const seen = new Set<string>();
  const problems: ManifestProblem[] = [];
  for (const error of doc.errors) {
    const { reason, code, start, end } = describeSyntaxError(error, text);
    // An unclosed bracket repeats the same error once per level: report each distinct one once.
    const key = `${start}:${end}:${reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ ruleId: 'manifest-syntax', data: { reason, code }, range: rangeOfOffsets(lineCounter, start, end) });
  }
  return problems;
}

function duplicateKeyProblems(doc: Document, lineCounter: LineCounter, text: string): ManifestProblem[] {
  return duplicateKeys(doc, text).map(({ reason, code, start, end }) => ({
    ruleId: 'manifest-syntax',
    data: { reason, code },
    range: rangeOfOffsets(lineCounter, start, end),
  }));
}

/** `---` with nothing after it: the parser gives an empty scalar, which is no document at all. */
function isEmptyDocument(doc: Document): boolean {
  const contents = doc.contents;
  if (contents === null) return true;
  return isScalar(contents) && contents.value === null && (!contents.range || contents.range[0] === contents.range[1]);
}

function toPlainValue(doc: Document): { value: unknown } | { error: string } {
  try {
    return { value: doc.toJS({ maxAliasCount }) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export function readManifest(text: string, file: ManifestFile, languages: LanguageRegistry): ReadManifestResult {
  const lineCounter = lineCounterFor(text);
  const documents = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false });
  const services: Service[] = [];
  const problems: ManifestProblem[] = [];
  const validateService = validator('service');
  let declaresSomething = false;

  documents.forEach((doc, documentIndex) => {
    if (doc.errors.length > 0) {
      problems.push(...syntaxProblems(doc, lineCounter, text));
      declaresSomething = true;
      return;
    }
    if (isEmptyDocument(doc)) return;
    declaresSomething = true;
    const duplicates = duplicateKeyProblems(doc, lineCounter, text);
    if (duplicates.length > 0) {
      problems.push(...duplicates);
      return;
    }
    if (isBackstageDocument(doc)) {
      const read = readBackstageDocument(doc, lineCounter, file, documentIndex, languages);
      if (read.kind === 'skip') return;
      const service = read.kind === 'service' ? read.service.name : read.service;
      for (const problem of read.problems) {
        problems.push({
          ruleId: 'manifest-schema',
          data: { path: problem.path, problem: problem.problem },
          range: problem.range,
          ...(service !== undefined && { service }),
        });
      }
      if (read.kind === 'service') services.push(read.service);
      return;
    }
    const plain = toPlainValue(doc);
    const range = documentRange(doc, lineCounter);
    if ('error' in plain) {
      const reason = /alias/i.test(plain.error)
        ? `the YAML expands more than ${maxAliasCount} aliases, which svc-lint refuses as a resource-exhaustion risk`
        : `cannot read the YAML: ${plain.error}`;
      problems.push({ ruleId: 'manifest-syntax', data: { reason, code: 'ALIASES' }, range });
      return;
    }
    const service = nameOf(plain.value);
    if (!validateService(plain.value)) {
      for (const problem of describeSchemaErrors(validateService.errors ?? [])) {
        problems.push({
          ruleId: 'manifest-schema',
          data: { path: problem.displayPath, problem: problem.problem },
          range: (problem.path.length > 0 && rangeAtPath(doc, lineCounter, problem.path, problem.target)) || range,
          ...(service !== undefined && { service }),
        });
      }
    }
    const built = readNativeService(plain.value, { doc, lineCounter, file, documentIndex, documentRange: range, languages });
    if (built) services.push(built);
  });

  if (!declaresSomething) {
    problems.push({
      ruleId: 'manifest-schema',
      data: { path: '(file)', problem: 'declares no service: it is empty or holds only comments' },
      range: startOfFile,
    });
  }
  return { services, problems };
}
