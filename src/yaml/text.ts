import { isMap, isScalar, isSeq, LineCounter, type Document, type Node, type YAMLError } from 'yaml';
import { indentationSlip } from './indentation.js';
import { maxNestingDepth } from './limits.js';

/**
 * Line starts taken from the text itself: the parser's own counter misses line breaks inside some error tokens,
 * which would put positions past the end of a line.
 */
export function lineCounterFor(text: string): LineCounter {
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let offset = text.indexOf('\n'); offset !== -1; offset = text.indexOf('\n', offset + 1)) {
    lineCounter.addNewLine(offset + 1);
  }
  return lineCounter;
}


/**
 * Where the text first nests deeper than `maxNestingDepth`, counting flow brackets outside quotes and comments,
 * and block indentation; undefined when it does not. Cheap and conservative: it runs before the parser builds anything.
 */
export function excessiveNesting(text: string): number | undefined {
  let depth = 0;
  let quote: string | undefined;
  let lineStart = true;
  let indent = 0;
  for (let offset = 0; offset < text.length; offset++) {
    const char = text[offset];
    if (char === '\n') {
      lineStart = true;
      indent = 0;
      quote = undefined;
      continue;
    }
    if (lineStart) {
      // Indentation and compact sequence entries (`- - - x`) each open a level of block nesting.
      if (char === ' ' || (char === '-' && text[offset + 1] === ' ')) {
        indent += 1;
        if (indent > maxNestingDepth) return offset;
        continue;
      }
      lineStart = false;
    }
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '#' && (offset === 0 || /\s/.test(text[offset - 1] as string))) {
      const lineEnd = text.indexOf('\n', offset);
      if (lineEnd === -1) break;
      offset = lineEnd - 1;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '[' || char === '{') {
      depth += 1;
      if (depth > maxNestingDepth) return offset;
    } else if ((char === ']' || char === '}') && depth > 0) {
      depth -= 1;
    }
  }
  return undefined;
}

export interface SyntaxProblemAt {
  reason: string;
  code: string;
  start: number;
  end: number;
}

/**
 * The parser's error, worded for a person: stack exhaustion is called nesting, and an indentation slip names the line
 * and the indentation its siblings use.
 */
export function describeSyntaxError(error: YAMLError, text: string): SyntaxProblemAt {
  const start = Math.min(error.pos[0], text.length);
  const end = Math.min(error.pos[1], text.length);
  if (/call stack/i.test(error.message)) {
    return { reason: 'the YAML nests too deeply to read (a manifest needs a few levels)', code: 'DEPTH', start, end };
  }
  const slip = indentationSlip(text, error, start);
  if (slip) return { reason: slip.advice, code: error.code, start: slip.start, end: slip.end };
  return { reason: error.message, code: error.code, start, end };
}

/**
 * Keys that appear twice in one mapping, found with one Set per mapping (the parser's own check compares every
 * pair of keys, which takes minutes on a file with a hundred thousand keys).
 */
export function duplicateKeys(doc: Document, text: string): SyntaxProblemAt[] {
  const problems: SyntaxProblemAt[] = [];
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = new Set<unknown>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (seen.has(key) && isScalar(pair.key) && pair.key.range) {
          const [start, end] = pair.key.range;
          const name = text.slice(start, end);
          problems.push({ reason: `the key "${name}" appears twice in one mapping`, code: 'DUPLICATE_KEY', start, end });
        }
        seen.add(key);
        pending.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push(item as Node);
    }
  }
  return problems.sort((a, b) => a.start - b.start);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export type DecodedText = { text: string } | { problem: string; line: number; column: number };

/** Decodes UTF-8 (dropping a byte order mark); for invalid bytes, says where the first one is, in characters. */
export function decodeUtf8(bytes: Uint8Array): DecodedText {
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
    const decoded = lenient.decode(bytes);
    const offset = decoded.indexOf('\uFFFD');
    const before = decoded.slice(0, Math.max(0, offset));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return { problem: `the file is not valid UTF-8 (line ${line}, column ${column}): save it as UTF-8`, line, column };
  }
}
