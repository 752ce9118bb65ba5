import { readFileSync } from 'node:fs';
import { parseCliArgs, type CliOptions } from './cli/args.js';
import { explainRule, formatRuleList } from './cli/explain.js';
import { helpText } from './cli/help.js';
import { writeReportFile } from './cli/report-files.js';
import { SvcLintError } from './errors.js';
import { formatters } from './formatters/index.js';
import type { FormatContext } from './formatters/types.js';
import { lint } from './lint.js';
import { packagePath } from './package-paths.js';
import { setUp } from './setup.js';
import type { LintResult, Severity } from './types.js';

/** Everything the CLI needs from its process, passed in so that only bin.ts touches `process`. */
export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTTY: boolean;
  writeStdout(text: string): void;
  writeStderr(text: string): void;
}

export const exitCodes = { clean: 0, failed: 1, error: 2 } as const;

const severityRank = { info: 0, warning: 1, error: 2 } as const satisfies Record<Severity, number>;

export function version(): string {
  return (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
}

/** `--color`/`--no-color`, then NO_COLOR, then FORCE_COLOR, then whether stdout is a terminal. */
export function shouldColor(flag: boolean | undefined, env: CliIo['env'], isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY;
}

export function exitCodeFor(result: LintResult, options: Pick<CliOptions, 'failOn' | 'maxWarnings'>): number {
  const threshold = severityRank[options.failOn];
  const failing = result.findings.some((finding) => severityRank[finding.severity] >= threshold);
  const tooManyWarnings = options.maxWarnings !== undefined && result.summary.warnings > options.maxWarnings;
  return failing || tooManyWarnings ? exitCodes.failed : exitCodes.clean;
}

function errorsOnly(result: LintResult): LintResult {
  const findings = result.findings.filter((finding) => finding.severity === 'error');
  return { ...result, findings, summary: { ...result.summary, warnings: 0, infos: 0 } };
}

async function runLint(options: CliOptions, io: CliIo): Promise<number> {
  const result = await lint({
    cwd: io.cwd,
    patterns: options.positionals,
    ruleOverrides: options.ruleOverrides,
    ...(options.config !== undefined && { config: options.config }),
  });
  for (const note of result.notes) io.writeStderr(`svc-lint: ${note}\n`);

  const shown = options.quiet ? errorsOnly(result) : result;
  for (const output of options.outputs) {
    const context: FormatContext = {
      color: output.file === undefined && output.format === 'stylish' && shouldColor(options.color, io.env, io.stdoutIsTTY),
      version: version(),
    };
    const text = formatters[output.format](shown, context);
    if (output.file === undefined) io.writeStdout(text);
    else await writeReportFile(io.cwd, output.file, text);
  }
  return exitCodeFor(result, options);
}

function runRuleCommand(options: CliOptions, io: CliIo): number {
  const { rules } = setUp({
    cwd: io.cwd,
    ruleOverrides: options.ruleOverrides,
    ...(options.config !== undefined && { config: options.config }),
  });
  io.writeStdout(options.command === 'rules' ? formatRuleList(rules) : explainRule(rules, options.positionals[0]));
  return exitCodes.clean;
}

/** Runs one svc-lint command line and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    const options = parseCliArgs(argv);
    debug = options.debug;
    if (options.help) {
      io.writeStdout(helpText);
      return exitCodes.clean;
    }
    if (options.version) {
      io.writeStdout(`${version()}\n`);
      return exitCodes.clean;
    }
    if (options.command === 'lint') return await runLint(options, io);
    return runRuleCommand(options, io);
  } catch (error) {
    if (error instanceof SvcLintError) {
      io.writeStderr(`svc-lint: ${error.message}\n`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      io.writeStderr(`svc-lint: internal error: ${message}${debug ? '' : ' (run with --debug for details)'}\n`);
    }
    if (debug && error instanceof Error && error.stack) io.writeStderr(`${error.stack}\n`);
    return exitCodes.error;
  }
}
