import { appendFileSync, existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { isGlob, isManifestFileName } from '../../sources/files.js';
import { SvcLintError } from '../../errors.js';
import { formatMarkdownSummary } from '../../output/formatters/index.js';
import { findFormat, formatsFor, renderOutput } from '../../output/formats.js';
import type { FormatContext } from '../../output/formatters/types.js';
import { lint, type LintOptions } from '../../lint.js';
import { isCounted, type Severity } from '../../types.js';
import { type LintResult } from '../../lint.js';
import { mistypedCommand, parseOutputs, type CliOptions } from '../args.js';
import { exitCodes, stderrLine, writeSkipped, type CliIo } from '../io.js';
import { writeOutputs } from '../write-outputs.js';
import { pinnedToday } from '../../text/dates.js';
import { packageVersion } from '../../package-paths.js';
import { countOf } from '../../text/count.js';
import { resultWith } from '../../output/result.js';

const severityRank = { info: 0, warning: 1, error: 2 } as const satisfies Record<Severity, number>;

/** `--color`/`--no-color`, then NO_COLOR, then FORCE_COLOR, then whether stdout is a terminal. */
export function shouldColor(flag: boolean | undefined, env: CliIo['env'], isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY;
}

function hasTooManyWarnings(result: LintResult, options: Pick<CliOptions, 'maxWarnings'>): boolean {
  return options.maxWarnings !== undefined && result.summary.warnings > options.maxWarnings;
}

export function exitCodeFor(result: LintResult, options: Pick<CliOptions, 'failOn' | 'maxWarnings'>): number {
  const threshold = severityRank[options.failOn];
  const failing = result.findings.some((finding) => isCounted(finding) && severityRank[finding.severity] >= threshold);
  return failing || hasTooManyWarnings(result, options) ? exitCodes.failed : exitCodes.clean;
}

/** `--quiet` shows only the findings that fail the run: errors, down to `--fail-on`, and warnings over `--max-warnings`. */
function failingOnly(result: LintResult, options: Pick<CliOptions, 'failOn' | 'maxWarnings'>): LintResult {
  const threshold = Math.min(severityRank[options.failOn], hasTooManyWarnings(result, options) ? severityRank.warning : severityRank.error);
  const findings = result.findings.filter((finding) => severityRank[finding.severity] >= threshold);
  const shown = (severity: Severity, count: number) => (severityRank[severity] >= threshold ? count : 0);
  const { summary } = result;
  return resultWith(result, {
    findings,
    summary: { ...summary, warnings: shown('warning', summary.warnings), infos: shown('info', summary.infos) },
  });
}

/** The lint options every command that lints shares. */
export async function lintOptionsFrom(options: CliOptions, io: CliIo): Promise<LintOptions> {
  const first = options.positionals[0];
  if (first !== undefined && !options.stdin && !existsSync(resolve(io.cwd, first)) && !isGlob(first)) {
    const mistyped = mistypedCommand(first);
    if (mistyped) throw new SvcLintError('usage', mistyped);
  }
  const today = pinnedToday(io.env);
  let stdin: LintOptions['stdin'];
  if (options.stdin) {
    if (!options.stdinFilename) throw new SvcLintError('usage', '--stdin needs --stdin-filename <path> to place the buffer in the workspace');
    stdin = { text: await io.readStdin(), filename: options.stdinFilename };
  }
  return {
    cwd: io.cwd,
    patterns: options.positionals,
    ruleOverrides: options.ruleOverrides,
    ...(options.config !== undefined && { config: options.config }),
    ...(today !== undefined && { today }),
    ...(stdin && { stdin }),
    ...(options.allowInlineSuppressions === false && { allowInlineSuppressions: false }),
    ...(options.baseline !== undefined && { baseline: options.baseline }),
    ...(options.cache && { cache: cacheLocation(options.cacheLocation) }),
    ...(!options.errorOnUnmatchedPattern && { errorOnUnmatchedPattern: false }),
    ...(options.concurrency !== undefined && { concurrency: options.concurrency }),
    ...(io.safePoint && { safePoint: io.safePoint }),
    ...(io.identitiesAhead && { identitiesAhead: io.identitiesAhead }),
  };
}

/** The file --cache-location names, never a manifest; without it, lint() puts the cache beside the config. */
function cacheLocation(location: string | undefined): string | true {
  if (location !== undefined && isManifestFileName(location)) {
    throw new SvcLintError('usage', `--cache-location ${location} is named like a manifest, which svc-lint never writes over: choose another name`);
  }
  return location ?? true;
}

const stepSummaryMaxBytes = 1024 * 1024;

/**
 * Appends the findings to GitHub's step summary. GitHub shows at most 10 annotations of each kind per step; the step
 * summary lists the findings, within the 1 MiB a step's summary may hold (over it, the runner uploads none: "supports
 * content up to a size of 1024k"). Returns why it could not, for a note.
 */
function appendStepSummary(path: string, markdownWithin: (maxBytes: number) => string): string | undefined {
  try {
    const used = existsSync(path) ? statSync(path).size : 0;
    const markdown = markdownWithin(stepSummaryMaxBytes - used - 1);
    if (markdown !== '') appendFileSync(path, `${markdown}\n`);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  }
}

export async function runLintCommand(options: CliOptions, io: CliIo): Promise<number> {
  const names = formatsFor('lint').map((format) => format.name);
  const outputs = parseOutputs(options, names, names[0]!, io.cwd);
  const result = await lint(await lintOptionsFrom(options, io));
  for (const note of result.notes) io.writeStderr(stderrLine(note));
  if (options.debug) writeSkipped(result.skipped, io);

  const shown = options.quiet ? failingOnly(result, options) : result;
  const exitCode = exitCodeFor(result, options);
  const hidden = {
    warnings: result.summary.warnings - shown.summary.warnings,
    infos: result.summary.infos - shown.summary.infos,
  };
  const context = (toTerminal: boolean): FormatContext => ({
    color: toTerminal && shouldColor(options.color, io.env, io.stdoutIsTTY),
    version: packageVersion(),
    fails: exitCode === exitCodes.failed,
    ...(options.quiet && { hidden }),
  });
  await writeOutputs(
    outputs,
    (output) => renderOutput(findFormat('lint', output.format)!, shown, context(output.file === undefined && output.format === 'stylish')),
    io,
    { overwriteManifest: options.force, manifests: result.manifestPaths, inPlace: 'allowed' },
  );
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile && outputs.some((output) => output.format === 'github')) {
    const problem = appendStepSummary(summaryFile, (room) => formatMarkdownSummary(shown, context(false), room));
    // The annotations are out already and the exit code stands: a summary that cannot be written is a note.
    if (problem !== undefined) io.writeStderr(stderrLine(`cannot write the step summary ${summaryFile}: ${problem}`));
  }
  if (hasTooManyWarnings(result, options)) {
    io.writeStderr(`svc-lint: ${countOf(result.summary.warnings, 'warning')}, more than --max-warnings ${options.maxWarnings}\n`);
  }
  return exitCode;
}
