import type { CST, Document, LineCounter } from 'yaml';
import { parseAllDocumentsWithin } from './bounded-parse.js';
import { maxAliasCount } from './limits.js';
import { decodeUtf8, describeSyntaxError, duplicateKeys, excessiveNesting, lineCounterFor, type SyntaxProblemAt } from './text.js';

/** Why bytes are not YAML text: `line` and `column` (1-based) say where. */
export interface UndecodableText {
  problem: string;
  code: 'BINARY' | 'ENCODING';
  line: number;
  column: number;
}

/** Decodes a YAML file's bytes: UTF-8 text (without a byte order mark), or why it is not text. */
export function decodeYamlBytes(bytes: Uint8Array): { text: string } | UndecodableText {
  if (bytes.includes(0)) return { problem: 'this is a binary file, not YAML text', code: 'BINARY', line: 1, column: 1 };
  const decoded = decodeUtf8(bytes);
  return 'text' in decoded ? decoded : { ...decoded, code: 'ENCODING' };
}

export interface ParsedYaml {
  lineCounter: LineCounter;
  documents: Document.Parsed[];
  /** The YAML nodes the text holds. */
  nodes: number;
  /** The parser's CST tokens (where the comments are), when asked for. */
  tokens?: CST.Token[];
}

export type SafeParse = ParsedYaml | { tooDeep: { offset: number } } | { tooManyNodes: { offset: number } };

/**
 * The one way svc-lint parses YAML (config, rules, manifests, Backstage catalogs): nesting checked before parsing,
 * nodes counted while parsing, duplicate keys left to `documentProblems`, positions from the text's own lines.
 */
export function parseYamlSafely(text: string, { maxNodes = Infinity, keepTokens = false } = {}): SafeParse {
  const deepAt = excessiveNesting(text);
  if (deepAt !== undefined) return { tooDeep: { offset: deepAt } };
  // logLevel 'error': the parser's warnings (a collection used as a key) would reach stderr through
  // process.emitWarning; what matters of them reaches the user as findings.
  const parsed = parseAllDocumentsWithin(text, maxNodes, { prettyErrors: false, uniqueKeys: false, logLevel: 'error' }, keepTokens);
  if ('tooManyNodes' in parsed) return parsed;
  return { ...parsed, lineCounter: lineCounterFor(text) };
}

/**
 * What is wrong with one document's syntax, in order: the parser's errors (the first at each position: one slip often
 * gives several there), or else the keys a mapping repeats.
 */
export function documentProblems(doc: Document, text: string): SyntaxProblemAt[] {
  if (doc.errors.length === 0) return duplicateKeys(doc, text);
  const firstAt = new Map<number, SyntaxProblemAt>();
  for (const error of doc.errors) {
    const problem = describeSyntaxError(error, text);
    if (!firstAt.has(problem.start)) firstAt.set(problem.start, problem);
  }
  return [...firstAt.values()];
}

/** A document as plain data, its aliases bounded; `aliases` when it expands too many. */
export function plainValueOf(doc: Document): { value: unknown } | { error: string; aliases: boolean } {
  try {
    return { value: doc.toJS({ maxAliasCount }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: message, aliases: /alias/i.test(message) };
  }
}
