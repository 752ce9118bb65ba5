import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SvcLintError } from '../errors.js';
import { closeMatches, didYouMean, suggestionOf } from '../text/closest.js';
import { readSeverity, type Severity, type SeverityOrOff } from '../types.js';
import type { Concurrency } from '../sources/read-ahead/read-ahead.js';

export const commands = ['lint', 'rules', 'explain', 'init', 'baseline', 'report', 'graph'] as const;
export type Command = (typeof commands)[number];

export interface OutputRequest<Format extends string = string> {
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
  /** Undefined: no limit (no flag, or `--max-warnings -1` as in ESLint). */
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
  /** A path, glob or `include` that selects no manifest is an error unless `--no-error-on-unmatched-pattern`. */
  errorOnUnmatchedPattern: boolean;
  /** `--concurrency`: threads that read manifests (`auto` when not given). */
  concurrency?: Concurrency;
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
  'no-error-on-unmatched-pattern': { type: 'boolean' },
  concurrency: { type: 'string' },
  name: { type: 'string' },
  language: { type: 'string' },
  workload: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type OptionName = keyof typeof optionSpec;

const everyCommandTakes = ['config', 'no-config', 'debug', 'help', 'version'] as const satisfies readonly OptionName[];
const selection = ['no-inline-suppressions', 'baseline', 'no-baseline', 'cache', 'cache-location', 'error-on-unmatched-pattern', 'no-error-on-unmatched-pattern', 'concurrency'] as const satisfies readonly OptionName[];
const reports = ['format', 'output-file', 'force'] as const satisfies readonly OptionName[];

/** The options each command reads; any other is a usage error rather than silently ignored. */
const commandOptions = {
  lint: [...reports, ...selection, 'rule', 'quiet', 'max-warnings', 'fail-on', 'color', 'no-color', 'stdin', 'stdin-filename'],
  rules: ['format', 'rule'],
  explain: ['rule'],
  init: ['name', 'language', 'workload', 'force'],
  baseline: [...selection, 'rule', 'prune', 'force'],
  report: [...reports, ...selection, 'rule'],
  graph: [...reports, ...selection, 'rule'],
} as const satisfies Record<Command, readonly OptionName[]>;

/** How many positionals each command takes (lint, baseline, report and graph take any number of paths). */
const positionalLimits: Partial<Record<Command, { max: number; what: string }>> = {
  rules: { max: 0, what: 'no arguments' },
  explain: { max: 1, what: 'one rule id' },
  init: { max: 1, what: 'one directory or file' },
};

function usage(message: string): SvcLintError {
  return new SvcLintError('usage', message);
}

function flagName(name: string): string {
  return name.length === 1 ? `-${name}` : `--${name}`;
}

const longFlags = Object.keys(optionSpec).map((name) => `--${name}`);

function isOptionName(name: string): name is OptionName {
  return Object.hasOwn(optionSpec, name);
}

/** A value that only looks like a flag: `--max-warnings -1`. */
const negativeNumber = /^-\d+$/;

type ParsedToken = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/** Rejects unknown flags (with the nearest known one), missing values and values given to switches. */
function checkOptionToken(token: Extract<ParsedToken, { kind: 'option' }>): void {
  const { name, rawName } = token;
  if (!isOptionName(name)) {
    const suggestion = rawName.startsWith('--') ? didYouMean(rawName, longFlags) : '';
    throw usage(`unknown option ${rawName}${suggestion}; run svc-lint --help for the options`);
  }
  const spec = optionSpec[name];
  if (spec.type === 'boolean' && token.value !== undefined) throw usage(`${rawName} takes no value (got "${token.value}")`);
  if (spec.type === 'string') {
    const value = token.value;
    const takenFromNextFlag = !token.inlineValue && value !== undefined && value.startsWith('-') && !negativeNumber.test(value);
    if (value === undefined || takenFromNextFlag) throw usage(`${rawName} needs a value`);
  }
}

function parseOutput<Format extends string>(value: string, known: readonly Format[]): OutputRequest<Format> {
  const separator = value.indexOf(':');
  const name = separator === -1 ? value : value.slice(0, separator);
  const file = separator === -1 ? undefined : value.slice(separator + 1);
  const format = known.find((candidate) => candidate === name);
  if (!format) throw usage(`--format ${value}: unknown format "${name}"${didYouMean(name, known)}; formats: ${known.join(', ')}`);
  if (file === '') throw usage(`--format ${value}: the file after ":" is empty`);
  return file === undefined ? { format } : { format, file };
}

const severityChoices = 'off, info, warning (or warn) or error';
const severityNames = ['off', 'info', 'warning', 'warn', 'error'];

function parseRuleOverride(value: string): [string, SeverityOrOff] {
  const separator = value.lastIndexOf(':');
  const id = value.slice(0, separator);
  const severity = readSeverity(value.slice(separator + 1));
  if (separator <= 0 || severity === undefined) {
    const typed = didYouMean(value.slice(separator + 1), severityNames);
    throw usage(`--rule ${value}: expected <rule-id>:<severity>, the severity one of ${severityChoices}${separator > 0 ? typed : ''}`);
  }
  return [id, severity];
}

/** A whole number >= 0; -1, as in ESLint, means no limit. */
function parseMaxWarnings(value: string): number | undefined {
  if (value === '-1') return undefined;
  if (!/^\d+$/.test(value)) throw usage(`--max-warnings ${value}: expected a whole number >= 0, or -1 for no limit`);
  return Number(value);
}

/** ESLint's `--concurrency`: a number of threads, `auto` or `off`. */
function parseConcurrency(value: string): Concurrency {
  if (value === 'auto' || value === 'off') return value;
  if (/^[1-9]\d{0,2}$/.test(value)) return Number(value);
  throw usage(`--concurrency ${value}: expected a number of threads (1 to 999), auto or off${didYouMean(value, ['auto', 'off'])}`);
}

function parseFailOn(value: string | undefined): Severity {
  if (value === undefined) return 'error';
  const severity = readSeverity(value);
  if (severity === undefined || severity === 'off') {
    throw usage(`--fail-on ${value}: expected error, warning (or warn) or info${didYouMean(value, severityNames.slice(1))}`);
  }
  return severity;
}

/** Checks `--format` and `--output-file` against a command's formats: at most one output per file, one to stdout. */
export function parseOutputs<Format extends string>(
  options: Pick<CliOptions, 'formats' | 'outputFile'>,
  known: readonly Format[],
  fallback: Format,
  cwd: string,
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
  const byPath = new Map<string, OutputRequest<Format>>();
  for (const output of outputs) {
    if (output.file === undefined) continue;
    const earlier = byPath.get(resolve(cwd, output.file));
    if (earlier) throw usage(`--format ${earlier.format} and --format ${output.format} both write ${output.file}: give each its own file`);
    byPath.set(resolve(cwd, output.file), output);
  }
  return outputs;
}

function commandOf(positionals: readonly string[]): { command: Command; rest: string[] } {
  const first = positionals[0];
  const named = commands.find((command) => command === first);
  return named ? { command: named, rest: positionals.slice(1) } : { command: 'lint', rest: [...positionals] };
}

/** A first argument that is no path but a near miss of a command or of --help: `svc-lint help`, `svc-lint rule`. */
export function mistypedCommand(argument: string): string | undefined {
  const close = closeMatches(argument, [...commands.filter((command) => command !== 'lint'), '--help', '--version']);
  return close.length > 0 ? `${argument} is not a command, file or directory${suggestionOf(close.map((name) => `svc-lint ${name}`))}` : undefined;
}

function checkCommandOptions(command: Command, tokens: readonly ParsedToken[]): void {
  const allowed: readonly OptionName[] = [...everyCommandTakes, ...commandOptions[command]];
  for (const token of tokens) {
    if (token.kind !== 'option' || allowed.includes(token.name as OptionName)) continue;
    const takes = commandOptions[command].map(flagName).join(', ');
    throw usage(`svc-lint ${command} does not take ${token.rawName}${takes === '' ? '' : `; it takes ${takes}`} (svc-lint --help lists them)`);
  }
}

function checkPositionals(command: Command, rest: readonly string[]): void {
  const limit = positionalLimits[command];
  if (!limit || rest.length <= limit.max) return;
  const extra = rest.slice(limit.max).map((value) => `"${value}"`).join(' ');
  throw usage(`svc-lint ${command} takes ${limit.what}; unexpected ${extra}`);
}

function excludeEachOther(values: Record<string, unknown>, first: OptionName, second: OptionName): void {
  if (values[first] !== undefined && values[second] !== undefined) throw usage(`${flagName(first)} and ${flagName(second)} exclude each other`);
}

export function parseCliArgs(argv: readonly string[]): CliOptions {
  const parsed = parseArgs({ args: [...argv], options: optionSpec, allowPositionals: true, strict: false, tokens: true });
  for (const token of parsed.tokens) if (token.kind === 'option') checkOptionToken(token);
  // Non-strict parsing types every value loosely; each one has been checked against its spec above.
  const values = parsed.values as { [Name in OptionName]?: (typeof optionSpec)[Name] extends { type: 'string'; multiple: true } ? string[] : (typeof optionSpec)[Name] extends { type: 'string' } ? string : boolean };
  const { command, rest } = commandOf(parsed.positionals);
  if (!values.help && !values.version) {
    checkCommandOptions(command, parsed.tokens);
    checkPositionals(command, rest);
  }

  excludeEachOther(values, 'config', 'no-config');
  excludeEachOther(values, 'color', 'no-color');
  excludeEachOther(values, 'baseline', 'no-baseline');
  excludeEachOther(values, 'error-on-unmatched-pattern', 'no-error-on-unmatched-pattern');
  if (values['stdin-filename'] !== undefined && !values.stdin) throw usage('--stdin-filename goes with --stdin');
  if (values['cache-location'] !== undefined && !values.cache) throw usage('--cache-location goes with --cache');
  const maxWarnings = values['max-warnings'] === undefined ? undefined : parseMaxWarnings(values['max-warnings']);

  return {
    command,
    positionals: rest,
    formats: values.format ?? [],
    ...(values['output-file'] !== undefined && { outputFile: values['output-file'] }),
    ...(values['no-config'] ? { config: false as const } : values.config !== undefined ? { config: values.config } : {}),
    ruleOverrides: Object.fromEntries((values.rule ?? []).map(parseRuleOverride)),
    quiet: values.quiet ?? false,
    ...(maxWarnings !== undefined && { maxWarnings }),
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
    errorOnUnmatchedPattern: !values['no-error-on-unmatched-pattern'],
    ...(values.concurrency !== undefined && { concurrency: parseConcurrency(values.concurrency) }),
    init: {
      ...(values.name !== undefined && { name: values.name }),
      ...(values.language !== undefined && { language: values.language }),
      ...(values.workload !== undefined && { workload: values.workload }),
    },
  };
}
