import { isMap, LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { ManifestFile, Range, Service } from '../types.js';
import type { LanguageRegistry } from '../templates/types.js';
import { describeSchemaErrors } from '../schema/describe.js';
import { validator } from '../schema/validators.js';
import { rangeAtPath, rangeOfNode, rangeOfOffsets } from '../yaml/locate.js';
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

function syntaxProblems(doc: Document, lineCounter: LineCounter): ManifestProblem[] {
  return doc.errors.map((error) => ({
    ruleId: 'manifest-syntax',
    data: { reason: error.message, code: error.code },
    range: rangeOfOffsets(lineCounter, error.pos[0], error.pos[1]),
  }));
}

function toPlainValue(doc: Document): { value: unknown } | { error: string } {
  try {
    return { value: doc.toJS({ maxAliasCount }) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export function readManifest(text: string, file: ManifestFile, languages: LanguageRegistry): ReadManifestResult {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const services: Service[] = [];
  const problems: ManifestProblem[] = [];
  const validateService = validator('service');
  let declaresSomething = false;

  documents.forEach((doc, documentIndex) => {
    if (doc.errors.length > 0) {
      problems.push(...syntaxProblems(doc, lineCounter));
      declaresSomething = true;
      return;
    }
    if (doc.contents === null) return;
    declaresSomething = true;
    const plain = toPlainValue(doc);
    const range = documentRange(doc, lineCounter);
    if ('error' in plain) {
      problems.push({ ruleId: 'manifest-syntax', data: { reason: plain.error, code: 'ALIASES' }, range });
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
