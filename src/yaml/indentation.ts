import type { YAMLError } from 'yaml';

/** The parser's complaints that an indentation slip causes: a line further in or out than its siblings, or a tab. */
const indentationCodes = new Set(['BAD_INDENT', 'BLOCK_AS_IMPLICIT_KEY', 'MULTILINE_IMPLICIT_KEY', 'TAB_AS_INDENT']);

function isAboutIndentation(error: Pick<YAMLError, 'code' | 'message'>): boolean {
  // MISSING_CHAR also covers unclosed quotes; only its "Sequence item without - indicator" is a slip.
  return indentationCodes.has(error.code) || (error.code === 'MISSING_CHAR' && error.message.includes('without - indicator'));
}

export interface IndentationSlip {
  /** Offsets of the slipped line's content. */
  start: number;
  end: number;
  /** "line 7 is indented 3 spaces; its siblings use 2". */
  advice: string;
}

interface TextLine {
  number: number;
  start: number;
  text: string;
}

function linesOf(text: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  for (const [index, line] of text.split('\n').entries()) {
    lines.push({ number: index + 1, start, text: line.replace(/\r$/, '') });
    start += line.length + 1;
  }
  return lines;
}

function isContent(line: TextLine): boolean {
  const trimmed = line.text.trim();
  return trimmed !== '' && !trimmed.startsWith('#');
}

function indentOf(line: TextLine): number {
  return line.text.length - line.text.trimStart().length;
}

/** Where keys inside the line's block sit: past `- ` for a sequence item (`- service: a` puts them 2 further in). */
function keyColumnOf(line: TextLine): number {
  return /^[ ]*(?:-[ ]+)*/.exec(line.text)![0].length;
}

/** A line whose value continues on the lines below it: `key:`, `key: |`, `-`. */
function opensBlock(line: TextLine): boolean {
  const content = line.text.replace(/[ \t]+#.*$/, '').trimEnd();
  return /:$|[|>][-+]?\d?$|^[ ]*-$/.test(content);
}

/** The indentations the lines before `index` leave open: a line may return to any of them. */
function openLevels(lines: readonly TextLine[], index: number): Set<number> {
  const levels = new Set<number>();
  let deepest = Infinity;
  for (let at = index - 1; at >= 0 && deepest > 0; at--) {
    const line = lines[at]!;
    if (!isContent(line) || indentOf(line) >= deepest) continue;
    deepest = indentOf(line);
    levels.add(deepest);
    levels.add(keyColumnOf(line));
  }
  return levels;
}

function spaces(count: number): string {
  return `${count} ${count === 1 ? 'space' : 'spaces'}`;
}

/** The slip at line `index`, judged against the content line before it; undefined when it sits where YAML expects. */
function slipAt(lines: readonly TextLine[], index: number): IndentationSlip | undefined {
  const line = lines[index]!;
  const leading = /^[ \t]*/.exec(line.text)![0];
  const start = line.start + leading.length;
  const end = line.start + line.text.trimEnd().length;
  if (leading.includes('\t')) {
    const tab = line.start + leading.indexOf('\t');
    return { start: tab, end: tab + 1, advice: `line ${line.number} is indented with a tab; YAML indents with spaces only` };
  }
  let previous = index - 1;
  while (previous >= 0 && !isContent(lines[previous]!)) previous--;
  if (previous < 0 || opensBlock(lines[previous]!)) return undefined;
  const indent = indentOf(line);
  const siblings = keyColumnOf(lines[previous]!);
  if (indent === siblings || (indent < siblings && openLevels(lines, index).has(indent))) return undefined;
  return { start, end, advice: `line ${line.number} is indented ${spaces(indent)}; its siblings use ${siblings}` };
}

/**
 * For a parser error about indentation or implicit keys at `offset`, the line that slipped and how: the error's own
 * line, else the next content line (an over-indented line is reported at the end of the line above it).
 */
export function indentationSlip(text: string, error: Pick<YAMLError, 'code' | 'message'>, offset: number): IndentationSlip | undefined {
  if (!isAboutIndentation(error)) return undefined;
  const lines = linesOf(text);
  let errorLine = 0;
  while (errorLine + 1 < lines.length && lines[errorLine + 1]!.start <= offset) errorLine++;
  let next = errorLine + 1;
  while (next < lines.length && !isContent(lines[next]!)) next++;
  return slipAt(lines, errorLine) ?? (next < lines.length ? slipAt(lines, next) : undefined);
}
