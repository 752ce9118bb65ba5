import { parseArgs } from 'node:util';
import { SvcLintError } from '../errors.js';
import type { FormatName } from '../formatters/index.js';
import { severities, type Severity, type SeverityOrOff } from '../types.js';

export const commands = ['lint', 'rules', 'explain', 'init', 'baseline', 'report', 'graph'] as const;
export type Command = (typeof commands)[number];

export interface OutputRequest<Format extends string = FormatName> {
  format: Format;
  /** Where to write it; stdout when undefined. */
  file?: string;
}

export interface CliOptions {
  command: Command;
  positionals: string[];
  /** `--format` values as given; each command checks them against its own formats. */
  formats: string[];
  outputFile?: string;
  config?: string | false;
  ruleOverrides: Record<string, SeverityOrOff>;
  quiet: boolean;
  maxWarnings?: number;
  failOn: Severity;
  color?: boolean;
  debug: boolean;
  help: boolean;
  version: boolean;
  allowInlineSuppressions?: false;
  baseline?: string | false;
  cache: boolean;
  cacheLocation?: string;
  prune: boolean;
  force: boolean;
  stdin: boolean;
  stdinFilename?: string;
  errorOnUnmatchedPattern: boolean;
  init: { name?: string; language?: string; workload?: string };
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
  'no-inline-suppressions': { type: 'boolean' },
  baseline: { type: 'string' },
  'no-baseline': { type: 'boolean' },
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  prune: { type: 'boolean' },
  force: { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'error-on-unmatched-pattern': { type: 'boolean' },
  name: { type: 'string' },
  language: { type: 'string' },
  workload: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

function usage(message: string): SvcLintError {
  return new SvcLintError('usage', message);
}

function parseOutput<Format extends string>(value: string, known: readonly Format[]): OutputRequest<Format> {
  const separator = value.indexOf(':');
  const name = separator === -1 ? value : value.slice(0, separator);
  const file = separator === -1 ? undefined : value.slice(separator + 1);
  const format = known.find((candidate) => candidate === name);
  if (!format) throw usage(`--format ${value}: unknown format "${name}"; formats: ${known.join(', ')}`);
  if (file === '') throw usage(`--format ${value}: the file after ":" is empty`);
  return file === undefined ? { format } : { format, file };
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

/** Checks `--format` and `--output-file` against a command's formats: at most one of them goes to stdout. */
export function parseOutputs<Format extends string>(
  options: Pick<CliOptions, 'formats' | 'outputFile'>,
  known: readonly Format[],
  fallback: Format,
): OutputRequest<Format>[] {
  const { formats, outputFile } = options;
  const outputs = (formats.length > 0 ? formats : [fallback]).map((value) => parseOutput(value, known));
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
    throw usage(`${(error as Error).message.replace(/\s*\n\s*/g, ' ').replace(/\.\s*$/, '')}; run svc-lint --help for the options`);
  }
  const { values, positionals } = parsed;
  const first = positionals[0];
  const command: Command = (commands as readonly string[]).includes(first ?? '') ? (first as Command) : 'lint';
  const rest = command === 'lint' && first !== 'lint' ? positionals : positionals.slice(1);

  if (values.config !== undefined && values['no-config']) throw usage('--config and --no-config exclude each other');
  if (values.color && values['no-color']) throw usage('--color and --no-color exclude each other');
  if (values.baseline !== undefined && values['no-baseline']) throw usage('--baseline and --no-baseline exclude each other');
  if (values['stdin-filename'] !== undefined && !values.stdin) throw usage('--stdin-filename goes with --stdin');
  if (values['cache-location'] !== undefined && !values.cache) throw usage('--cache-location goes with --cache');
  const maxWarnings = values['max-warnings'];

  return {
    command,
    positionals: rest,
    formats: values.format ?? [],
    ...(values['output-file'] !== undefined && { outputFile: values['output-file'] }),
    ...(values['no-config'] ? { config: false as const } : values.config !== undefined ? { config: values.config } : {}),
    ruleOverrides: Object.fromEntries((values.rule ?? []).map(parseRuleOverride)),
    quiet: values.quiet ?? false,
    ...(maxWarnings !== undefined && { maxWarnings: parseCount('--max-warnings', maxWarnings) }),
    failOn: parseFailOn(values['fail-on']),
    ...(values.color ? { color: true } : values['no-color'] ? { color: false } : {}),
    debug: values.debug ?? false,
    help: values.help ?? false,
    version: values.version ?? false,
    ...(values['no-inline-suppressions'] && { allowInlineSuppressions: false as const }),
    ...(values['no-baseline'] ? { baseline: false as const } : values.baseline !== undefined ? { baseline: values.baseline } : {}),
    cache: values.cache ?? false,
    ...(values['cache-location'] !== undefined && { cacheLocation: values['cache-location'] }),
    prune: values.prune ?? false,
    force: values.force ?? false,
    stdin: values.stdin ?? false,
    ...(values['stdin-filename'] !== undefined && { stdinFilename: values['stdin-filename'] }),
    errorOnUnmatchedPattern: values['error-on-unmatched-pattern'] ?? false,
    init: {
      ...(values.name !== undefined && { name: values.name }),
      ...(values.language !== undefined && { language: values.language }),
      ...(values.workload !== undefined && { workload: values.workload }),
    },
  };
}
