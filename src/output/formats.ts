import { capacityTextFormat } from './capacity/text.js';
import { compactFormat } from './formatters/compact.js';
import { githubFormat } from './formatters/github.js';
import { gitlabFormat } from './formatters/gitlab.js';
import { jsonFormat } from './formatters/json.js';
import { junitFormat } from './formatters/junit.js';
import { markdownFormat } from './formatters/markdown.js';
import { sarifFormat } from './formatters/sarif.js';
import { stylishFormat } from './formatters/stylish.js';
import type { FormatContext } from './formatters/types.js';
import { dotFormat } from './graph/dot.js';
import { mermaidFormat } from './graph/mermaid.js';
import { graphJsonFormat } from './graph/view.js';
import { htmlFormat } from './html/page.js';
import type { OutputCommand, OutputFormat } from './format.js';
import type { LintResult } from '../lint.js';
import { isCounted } from '../types.js';

/** Every output format svc-lint writes; for each command, the first one listed is its default. */
export const outputFormats = [
  stylishFormat,
  jsonFormat,
  compactFormat,
  githubFormat,
  sarifFormat,
  junitFormat,
  gitlabFormat,
  markdownFormat,
  htmlFormat,
  capacityTextFormat,
  mermaidFormat,
  dotFormat,
  graphJsonFormat,
] as const satisfies readonly OutputFormat[];

/** The formats a command writes, its default first. */
export function formatsFor(command: OutputCommand): OutputFormat[] {
  const formats = (outputFormats as readonly OutputFormat[]).filter((format) => format.commands.includes(command));
  // `report` defaults to its own text; json and html follow it.
  return command === 'report' ? [...formats.filter((format) => format.name === 'text'), ...formats.filter((format) => format.name !== 'text')] : formats;
}

export function findFormat(command: OutputCommand, name: string): OutputFormat | undefined {
  return formatsFor(command).find((format) => format.name === name);
}

/** A run as a format shows it: the findings that count only, unless it marks exempted ones. */
export function shownIn(format: Pick<OutputFormat, 'showsExemptions'>, result: LintResult): LintResult {
  return format.showsExemptions ? result : { ...result, findings: result.findings.filter(isCounted) };
}

/** A format's text for a run, in pieces. */
export function renderOutput(format: OutputFormat, result: LintResult, context: FormatContext): Iterable<string> {
  const text = format.render(shownIn(format, result), context);
  return typeof text === 'string' ? [text] : text;
}
