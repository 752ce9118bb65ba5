import { formatsFor, outputFormats, renderOutput, shownIn } from '../formats.js';
import { formatMarkdownWithin, markdownFormat } from './markdown.js';
import type { FormatContext, Formatter } from './types.js';
import type { LintResult } from '../../lint.js';

/** The formats `svc-lint` (the lint command) writes, by name: the library's view of the output registry. */
export const formatters: Readonly<Record<string, Formatter>> = Object.fromEntries(
  formatsFor('lint').map((format) => [format.name, (result: LintResult, context: FormatContext) => [...renderOutput(format, result, context)].join('')]),
);

/** The names of the formats the lint command writes, from the registry. */
export type FormatName = LintFormatName<(typeof outputFormats)[number]>;
type LintFormatName<Format> = Format extends { name: infer Name; commands: readonly (infer Command)[] } ? ('lint' extends Command ? Name : never) : never;

export const formatNames = formatsFor('lint').map((format) => format.name) as FormatName[];

function lintFormat(name: FormatName) {
  const format = formatsFor('lint').find((candidate) => candidate.name === name);
  if (!format) throw new Error(`unknown format ${name}`);
  return format;
}

export function formatResult(name: FormatName, result: LintResult, context: FormatContext): string {
  return [...renderOutput(lintFormat(name), result, context)].join('');
}

/** The same text as `formatResult`, in pieces where the format provides them, for writing without one big string. */
export function formatResultPieces(name: FormatName, result: LintResult, context: FormatContext): Iterable<string> {
  return renderOutput(lintFormat(name), result, context);
}

/** The markdown format cut to at most `maxBytes` (a GitHub step summary), with the findings it shows. */
export function formatMarkdownSummary(result: LintResult, context: FormatContext, maxBytes: number): string {
  return formatMarkdownWithin(shownIn(markdownFormat, result), context, maxBytes);
}
