import { formatCompact } from './compact.js';
import { formatGithub } from './github.js';
import { formatHtml, formatHtmlPieces } from '../html/page.js';
import { formatGitlab, formatGitlabPieces } from './gitlab.js';
import { formatJson, formatJsonPieces } from './json.js';
import { formatJunit, formatJunitPieces } from './junit.js';
import { formatMarkdown, formatMarkdownWithin } from './markdown.js';
import { formatSarif, formatSarifPieces } from './sarif.js';
import { formatStylish, formatStylishPieces } from './stylish.js';
import type { FormatContext, Formatter, PieceFormatter } from './types.js';
import { resultWith } from '../result.js';
import { isCounted } from '../../types.js';
import { type LintResult } from '../../lint.js';

export const formatters = {
  stylish: formatStylish,
  json: formatJson,
  compact: formatCompact,
  github: formatGithub,
  sarif: formatSarif,
  junit: formatJunit,
  gitlab: formatGitlab,
  markdown: formatMarkdown,
  html: formatHtml,
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof formatters;

export const formatNames = Object.keys(formatters) as FormatName[];

/** Formats that can say a finding is suppressed or baselined; the others show only the findings that count. */
const showsExemptions: ReadonlySet<FormatName> = new Set(['json', 'sarif', 'html']);

/** The formats whose size grows with the fleet, as pieces of text to write one after another. */
const pieceFormatters: Partial<Record<FormatName, PieceFormatter>> = {
  json: formatJsonPieces,
  sarif: formatSarifPieces,
  gitlab: formatGitlabPieces,
  stylish: formatStylishPieces,
  junit: formatJunitPieces,
  html: formatHtmlPieces,
};

function shownIn(name: FormatName, result: LintResult): LintResult {
  return showsExemptions.has(name) ? result : resultWith(result, { findings: result.findings.filter(isCounted) });
}

export function formatResult(name: FormatName, result: LintResult, context: FormatContext): string {
  return formatters[name](shownIn(name, result), context);
}

/** The same text as `formatResult`, in pieces where the format provides them, for writing without one big string. */
export function formatResultPieces(name: FormatName, result: LintResult, context: FormatContext): Iterable<string> {
  const pieces = pieceFormatters[name];
  return pieces ? pieces(shownIn(name, result), context) : [formatResult(name, result, context)];
}

/** The markdown format cut to at most `maxBytes` (a GitHub step summary), with the findings it shows. */
export function formatMarkdownSummary(result: LintResult, context: FormatContext, maxBytes: number): string {
  return formatMarkdownWithin(shownIn('markdown', result), context, maxBytes);
}
