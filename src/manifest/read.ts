import { isMap, LineCounter, parseAllDocuments, type Document, type YAMLError } from 'yaml';
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

/** yaml's message for a repeated key does not say which key, and points at its first character: widen both. */
function describeSyntaxError(error: YAMLError, text: string): { reason: string; end: number } {
  if (/call stack/i.test(error.message)) {
    return { reason: 'the YAML nests too deeply to read (a manifest needs a few levels)', end: error.pos[1] };
  }
  const key = error.code === 'DUPLICATE_KEY' ? /^[^:\n]*/.exec(text.slice(error.pos[0], error.pos[0] + 1024))?.[0].trimEnd() : undefined;
  if (!key) return { reason: error.message, end: error.pos[1] };
  return { reason: `the key "${key}" appears twice in one mapping (${error.message})`, end: error.pos[0] + key.length };
}

function syntaxProblems(doc: Document, lineCounter: LineCounter, text: string): ManifestProblem[] {
  return doc.errors.map((error) => {
    const { reason, end } = describeSyntaxError(error, text);
    return {
      ruleId: 'manifest-syntax',
      data: { reason, code: error.code },
      range: rangeOfOffsets(lineCounter, Math.min(error.pos[0], text.length), Math.min(end, text.length)),
    };
  });
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
      problems.push(...syntaxProblems(doc, lineCounter, text));
      declaresSomething = true;
      return;
    }
    if (doc.contents === null) return;
    declaresSomething = true;
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
