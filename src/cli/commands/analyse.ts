import { lint } from '../../lint.js';
import { findFormat, formatsFor, renderOutput } from '../../output/formats.js';
import { parseOutputs, type CliOptions } from '../args.js';
import { exitCodes, stderrLine, type CliIo } from '../io.js';
import { writeOutputs } from '../write-outputs.js';
import { packageVersion } from '../../package-paths.js';
import { lintOptionsFrom } from './lint.js';

/**
 * `svc-lint report`: capacity and cost per service; `svc-lint graph`: the service graph as a picture. Both exit 0.
 * The picture shows every finding the rules made, so `graph` skips the exemptions stage.
 */
export async function runAnalyseCommand(options: CliOptions, io: CliIo): Promise<number> {
  const command = options.command === 'graph' ? 'graph' : 'report';
  const names = formatsFor(command).map((format) => format.name);
  const outputs = parseOutputs(options, names, names[0]!, io.cwd);
  const result = await lint({ ...(await lintOptionsFrom(options, io)), ...(command === 'graph' && { exempt: false }) });
  for (const note of result.notes) io.writeStderr(stderrLine(note));
  const context = { color: false, version: packageVersion() };
  await writeOutputs(outputs, (output) => renderOutput(findFormat(command, output.format)!, result, context), io, {
    overwriteManifest: options.force,
    manifests: result.manifestPaths,
    inPlace: 'allowed',
  });
  return exitCodes.clean;
}
