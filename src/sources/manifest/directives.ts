import { isScalar, type Document, type LineCounter } from 'yaml';
import type { Range } from '../../types.js';
import { rangeOfOffsets } from '../../yaml/locate.js';
import { isIsoDate } from '../../text/dates.js';
import { parseYamlSafely, type ParsedYaml } from '../../yaml/safe-parse.js';

/*
 * Directive grammar (inside a YAML comment, at any indentation, alone on its line or trailing):
 *   # svc-lint-disable-next-line <rule-id>[, <rule-id>…] [until YYYY-MM-DD] -- <reason>
 *   # svc-lint-disable <rule-id>[, <rule-id>…] [until YYYY-MM-DD] -- <reason>
 * Only real comments count: the text is tokenised by the YAML parser, so a `#` inside a quoted
 * string or a block scalar is never read as a directive.
 * `disable-next-line` covers the next line that holds YAML content (blank and comment-only lines are
 * skipped, so several directives can be stacked above one line). `disable` must come before the first
 * key of a document and covers the whole document.
 * Any comment starting with `svc-lint-` that does not follow the grammar (unknown keyword, no rule ids,
 * a bad date, `disable` after the first key) is returned as malformed and suppresses nothing.
 */

export type DirectiveKind = 'disable-next-line' | 'disable';

export interface Directive {
  kind: DirectiveKind;
  rules: string[];
  /** YYYY-MM-DD: the last day the directive suppresses. */
  until?: string;
  /** Undefined when the directive gives none (it then suppresses nothing). */
  reason?: string;
  /** The comment. */
  range: Range;
  /** The lines (inclusive) whose findings the directive covers. */
  covers: { fromLine: number; toLine: number };
}

export interface MalformedDirective {
  /** The comment's text after `#`. */
  text: string;
  /** What is wrong, as a clause a message can embed. */
  problem: string;
  range: Range;
}

export interface ParsedDirectives {
  directives: Directive[];
  malformed: MalformedDirective[];
}

/** Where a YAML document lies; comments before its first key (including before `---`) belong to it. */
export interface DocumentSpan {
  startLine: number;
  /** Past `endLine` when the document has no content. */
  firstKeyLine: number;
  endLine: number;
}

interface CommentToken {
  offset: number;
  source: string;
}

interface DirectiveSyntax {
  kind: DirectiveKind;
  rules: string[];
  until?: string;
  reason?: string;
}

const ruleIdPattern = /^[A-Za-z0-9]+(?:[-_./][A-Za-z0-9]+)*$/;
const reasonSeparator = /(?:^|\s)--(?:\s|$)/;

/** The document spans of a text the caller has already parsed with a line counter. */
export function documentSpansOf(documents: readonly Document[], lineCounter: LineCounter): DocumentSpan[] {
  let regionStart = 0;
  return documents.map((document) => {
    const regionEnd = document.range?.[2] ?? regionStart;
    const startLine = lineCounter.linePos(regionStart).line;
    const endLine = lineCounter.linePos(Math.max(regionStart, regionEnd - 1)).line;
    const contents = document.contents;
    const isEmpty = !contents || (isScalar(contents) && contents.value === null && contents.source === '');
    const firstKeyLine = isEmpty || !contents.range ? endLine + 1 : lineCounter.linePos(contents.range[0]).line;
    regionStart = regionEnd;
    return { startLine, firstKeyLine, endLine };
  });
}

function parsed(text: string): ParsedYaml {
  const result = parseYamlSafely(text, { keepTokens: true });
  if (!('documents' in result)) throw new Error('the text is past the YAML limits');
  return result;
}

/** Where each document of a text starts and ends, the text parsed as the manifest reader parses it. */
export function documentSpans(text: string): DocumentSpan[] {
  const { documents, lineCounter } = parsed(text);
  return documentSpansOf(documents, lineCounter);
}

/** The directives of a text, parsed here as the manifest reader parses it: for a text the caller has not parsed. */
export function parseDirectives(text: string): ParsedDirectives {
  const { documents, lineCounter, tokens = [] } = parsed(text);
  return readDirectives(text, tokens, lineCounter, documentSpansOf(documents, lineCounter));
}

/** The directives among the comments of a text already parsed: its CST tokens, line counter and document spans. */
export function readDirectives(
  text: string,
  tokens: Iterable<unknown>,
  lineCounter: LineCounter,
  documents: readonly DocumentSpan[],
): ParsedDirectives {
  const comments = collectComments(tokens);
  const lines = text.split(/\r?\n/);
  const commentOnlyLines = new Set<number>();
  for (const comment of comments) {
    const { line, col } = lineCounter.linePos(comment.offset);
    if ((lines[line - 1] ?? '').slice(0, col - 1).trim() === '') commentOnlyLines.add(line);
  }
  let contentLines: ContentLines | undefined;

  const result: ParsedDirectives = { directives: [], malformed: [] };
  for (const comment of comments) {
    const text = comment.source.replace(/^#/, '').trim();
    const syntax = readDirective(text);
    if (!syntax) continue;
    const range = rangeOfOffsets(lineCounter, comment.offset, comment.offset + comment.source.trimEnd().length);
    if ('problem' in syntax) {
      result.malformed.push({ text, problem: syntax.problem, range });
      continue;
    }
    let covers: Directive['covers'] | undefined;
    if (syntax.kind === 'disable-next-line') {
      contentLines ??= new ContentLines(lines, commentOnlyLines);
      const line = contentLines.after(range.line);
      covers = { fromLine: line, toLine: line };
    } else {
      covers = documentCovering(range.line, documents);
    }
    if (!covers) {
      const problem = 'svc-lint-disable must come before the first key of a document (use svc-lint-disable-next-line for one line)';
      result.malformed.push({ text, problem, range });
      continue;
    }
    result.directives.push({ ...syntax, range, covers });
  }
  return result;
}

/** Inline directives start so: a text without it has none, and its comments need not be read. */
export const directiveMarker = 'svc-lint-';

/** Every comment token in the parser's output, in text order; walked without recursion, sorted once. */
function collectComments(tokens: Iterable<unknown>): CommentToken[] {
  const comments: CommentToken[] = [];
  const pending: unknown[] = [...tokens];
  while (pending.length > 0) {
    const token = pending.pop();
    if (Array.isArray(token)) {
      for (const item of token) pending.push(item);
    } else if (typeof token === 'object' && token !== null) {
      const fields = token as Record<string, unknown>;
      if (fields.type === 'comment' && typeof fields.offset === 'number' && typeof fields.source === 'string') {
        comments.push({ offset: fields.offset, source: fields.source });
      } else {
        for (const value of Object.values(fields)) pending.push(value);
      }
    }
  }
  return comments.sort((a, b) => a.offset - b.offset);
}

/** The directive a comment's text spells, a problem when it tries and fails, undefined for other comments. */
export function readDirective(text: string): DirectiveSyntax | { problem: string } | undefined {
  const match = /^svc-lint-(\S*)(.*)$/s.exec(text);
  if (!match) return undefined;
  const keyword = match[1] ?? '';
  if (keyword !== 'disable' && keyword !== 'disable-next-line') {
    return { problem: `"svc-lint-${keyword}" is not a directive (svc-lint-disable-next-line or svc-lint-disable)` };
  }
  const rest = (match[2] ?? '').trim();
  const separator = reasonSeparator.exec(rest);
  const head = separator ? rest.slice(0, separator.index) : rest;
  const reason = separator ? rest.slice(separator.index + separator[0].length).trim() : '';

  const words = head.split(/\s+/).filter((word) => word !== '');
  const untilAt = words.indexOf('until');
  const ruleText = (untilAt < 0 ? words : words.slice(0, untilAt)).join(' ');
  let until: string | undefined;
  if (untilAt >= 0) {
    const dateWords = words.slice(untilAt + 1);
    if (dateWords.length === 0) return { problem: '"until" needs a date (YYYY-MM-DD)' };
    if (dateWords.length > 1) return { problem: `unexpected "${dateWords.slice(1).join(' ')}" after the date (the reason goes after " -- ")` };
    until = dateWords[0];
    if (!until || !isIsoDate(until)) return { problem: `"${until}" is not a date (YYYY-MM-DD)` };
  }

  if (ruleText === '') return { problem: 'no rule ids (name the rules to disable)' };
  const rules: string[] = [];
  for (const rule of ruleText.split(',').map((id) => id.trim())) {
    if (!ruleIdPattern.test(rule)) {
      return { problem: `"${rule}" is not a rule id (separate rule ids with commas; the reason goes after " -- ")` };
    }
    if (!rules.includes(rule)) rules.push(rule);
  }
  return { kind: keyword, rules, ...(until ? { until } : {}), ...(reason ? { reason } : {}) };
}

/** For each line, the next line below it that holds YAML content: computed once, from the last line up. */
class ContentLines {
  private readonly next: Uint32Array;

  constructor(lines: readonly string[], commentOnlyLines: ReadonlySet<number>) {
    // next[line] is the first content line after `line` (lines.length + 1 when there is none).
    this.next = new Uint32Array(lines.length + 2);
    let following = lines.length + 1;
    for (let line = lines.length; line >= 0; line -= 1) {
      this.next[line] = following;
      const isContent = line >= 1 && (lines[line - 1] ?? '').trim() !== '' && !commentOnlyLines.has(line);
      if (isContent) following = line;
    }
  }

  after(line: number): number {
    return this.next[Math.min(line, this.next.length - 2)] as number;
  }
}

/**
 * The document whose head (before its first key) holds the line. The spans are in text order, so their first-key
 * lines never decrease: the first span whose first key lies below the line is the only candidate.
 */
function documentCovering(directiveLine: number, documents: readonly DocumentSpan[]) {
  let low = 0;
  let high = documents.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((documents[middle] as DocumentSpan).firstKeyLine <= directiveLine) low = middle + 1;
    else high = middle;
  }
  const span = documents[low];
  return span && span.startLine <= directiveLine ? { fromLine: span.startLine, toLine: span.endLine } : undefined;
}
