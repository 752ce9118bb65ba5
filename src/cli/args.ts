import { parseArgs } from 'node:util';
import { SvcLintError } from '../errors.js';
import { isFormatName, formatNames, type FormatName } from '../formatters/index.js';
import { severities, type Severity, type SeverityOrOff } from '../types.js';

export const commands = ['lint', 'rules', 'explain'] as const;
export type Command = (typeof commands)[number];

export interface OutputRequest {
  format: FormatName;
  /** Where to write it; stdout when undefined. */
  file?: string;
}

export interface CliOptions {
  command: Command;
  positionals: string[];
  outputs: OutputRequest[];
  config?: string | false;
  ruleOverrides: Record<string, SeverityOrOff>;
  quiet: boolean;
  maxWarnings?: number;
  failOn: Severity;
  color?: boolean;
  debug: boolean;
  help: boolean;
  version: boolean;
}

const optionSpec = {
  format: { type: 'string', short: 'f', multiple: true },
  'output-file': { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  'no-config': { type: 'boolean' },
  rule: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
  'fail-on': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function usage(message: string): SvcLintError {
  return new SvcLintError('usage', message);
}

function parseOutput(value: string): OutputRequest {
  const separator = value.indexOf(':');
  const name = separator === -1 ? value : value.slice(0, separator);
  const file = separator === -1 ? undefined : value.slice(separator + 1);
  if (!isFormatName(name)) throw usage(`--format ${value}: unknown format "${name}"; formats: ${formatNames.join(', ')}`);
  if (file === '') throw usage(`--format ${value}: the file after ":" is empty`);
  return file === undefined ? { format: name } : { format: name, file };
}

function parseRuleOverride(value: string): [string, SeverityOrOff] {
  const separator = value.lastIndexOf(':');
  const id = value.slice(0, separator);
  const severity = value.slice(separator + 1);
  if (separator <= 0 || !(severity === 'off' || (severities as readonly string[]).includes(severity))) {
    throw usage(`--rule ${value}: expected <rule-id>:<off|info|warning|error>`);
  }
  return [id, severity as SeverityOrOff];
}

function parseCount(flag: string, value: string): number {
  if (!/^\d+$/.test(value)) throw usage(`${flag} ${value}: expected a whole number >= 0`);
  return Number(value);
}

function parseFailOn(value: string | undefined): Severity {
  if (value === undefined) return 'error';
  if (!(severities as readonly string[]).includes(value)) throw usage(`--fail-on ${value}: expected error, warning or info`);
  return value as Severity;
}

function parseOutputs(formats: readonly string[], outputFile: string | undefined): OutputRequest[] {
  const outputs = (formats.length > 0 ? formats : ['stylish']).map(parseOutput);
  if (outputFile !== undefined) {
    if (outputs.length !== 1 || outputs[0]?.file !== undefined) {
      throw usage('--output-file goes with a single --format; for several outputs use --format <name>:<file>');
    }
    outputs[0] = { format: outputs[0]!.format, file: outputFile };
  }
  const toStdout = outputs.filter((output) => output.file === undefined);
  if (toStdout.length > 1) {
    throw usage(`only one format can write to stdout (got ${toStdout.map((output) => output.format).join(', ')}); give the others a file: --format <name>:<file>`);
  }
  return outputs;
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: optionSpec, allowPositionals: true, strict: true });
  } catch (error) {
    throw usage(`${(error as Error).message.replace(/\.\s*$/, '')}; run svc-lint --help for the options`);
  }
  const { values, positionals } = parsed;
  const first = positionals[0];
  const command: Command = (commands as readonly string[]).includes(first ?? '') ? (first as Command) : 'lint';
  const rest = command === 'lint' && first !== 'lint' ? positionals : positionals.slice(1);

  if (values.config !== undefined && values['no-config']) throw usage('--config and --no-config exclude each other');
  if (values.color && values['no-color']) throw usage('--color and --no-color exclude each other');
  const maxWarnings = values['max-warnings'];

  return {
    command,
    positionals: rest,
    outputs: parseOutputs(values.format ?? [], values['output-file']),
    ...(values['no-config'] ? { config: false as const } : values.config !== undefined ? { config: values.config } : {}),
    ruleOverrides: Object.fromEntries((values.rule ?? []).map(parseRuleOverride)),
    quiet: values.quiet ?? false,
    ...(maxWarnings !== undefined && { maxWarnings: parseCount('--max-warnings', maxWarnings) }),
    failOn: parseFailOn(values['fail-on']),
    ...(values.color ? { color: true } : values['no-color'] ? { color: false } : {}),
    debug: values.debug ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
  };
}
