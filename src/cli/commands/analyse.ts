import { formatResultPieces } from '../../output/formatters/index.js';
import { renderDot } from '../../output/graph/dot.js';
import { renderMermaid } from '../../output/graph/mermaid.js';
import { graphViewOf, renderGraphJson } from '../../output/graph/view.js';
import { lint } from '../../lint.js';
import { formatCapacityText } from '../../output/capacity/text.js';
import type { LintResult } from '../../lint.js';
import { parseOutputs, type CliOptions } from '../args.js';
import { exitCodes, stderrLine, type CliIo } from '../io.js';
import { writeOutputs } from '../write-outputs.js';
import { packageVersion } from '../../package-paths.js';
import { lintOptionsFrom } from './lint.js';

const reportFormats = {
  text: formatCapacityText,
  json: (result: LintResult) => formatResultPieces('json', result, { color: false, version: packageVersion() }),
  html: (result: LintResult) => formatResultPieces('html', result, { color: false, version: packageVersion() }),
} satisfies Record<string, (result: LintResult) => string | Iterable<string>>;

const graphFormats = {
  mermaid: (result: LintResult) => renderMermaid(graphViewOf(result)),
  dot: (result: LintResult) => renderDot(graphViewOf(result)),
  json: (result: LintResult) => renderGraphJson(graphViewOf(result)),
} satisfies Record<string, (result: LintResult) => string>;

/** `svc-lint report`: capacity and cost per service; `svc-lint graph`: the service graph as a picture. Both exit 0. */
export async function runReportCommand(options: CliOptions, io: CliIo): Promise<number> {
  const formats = options.command === 'graph' ? graphFormats : reportFormats;
  const names = Object.keys(formats) as (keyof typeof formats)[];
  const outputs = parseOutputs(options, names, names[0]!, io.cwd);
  const result = await lint(await lintOptionsFrom(options, io));
  for (const note of result.notes) io.writeStderr(stderrLine(note));
  const render = formats as Record<string, (result: LintResult) => string | Iterable<string>>;
  await writeOutputs(outputs, (output) => render[output.format]!(result), io, {
    overwriteManifest: options.force,
    manifests: result.manifestPaths,
    inPlace: 'allowed',
  });
  return exitCodes.clean;
}
