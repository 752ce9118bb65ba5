import { parseCliArgs, parseOutputs, type CliOptions, type Command } from './cli/args.js';
import { runBaselineCommand } from './cli/commands/baseline.js';
import { runInitCommand } from './cli/commands/init.js';
import { runLintCommand } from './cli/commands/lint.js';
import { runAnalyseCommand } from './cli/commands/analyse.js';
import { explainRule, ruleListFormats } from './cli/explain.js';
import { helpText } from './cli/help.js';
import { exitCodes, stderrLine, writeSkipped, type CliIo } from './cli/io.js';
import { packageVersion } from './package-paths.js';
import { SvcLintError } from './errors.js';
import { setUp } from './ruleset/setup.js';

async function runRuleCommand(options: CliOptions, io: CliIo): Promise<number> {
  const names = Object.keys(ruleListFormats) as (keyof typeof ruleListFormats)[];
  const [output] = options.command === 'rules' ? parseOutputs(options, names, 'text', io.cwd) : [];
  if (output?.file !== undefined) throw new SvcLintError('usage', `svc-lint rules prints to stdout; --format ${output.format}:${output.file} names a file`);
  const { rules } = setUp({
    cwd: io.cwd,
    ruleOverrides: options.ruleOverrides,
    ...(options.config !== undefined && { config: options.config }),
  });
  io.writeStdout(output ? ruleListFormats[output.format](rules) : explainRule(rules, options.positionals[0]));
  return exitCodes.clean;
}

const commandHandlers = {
  lint: runLintCommand,
  rules: runRuleCommand,
  explain: runRuleCommand,
  init: runInitCommand,
  baseline: runBaselineCommand,
  report: runAnalyseCommand,
  graph: runAnalyseCommand,
} satisfies Record<Command, (options: CliOptions, io: CliIo) => Promise<number>>;

/** Runs one svc-lint command line and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    const options = parseCliArgs(argv);
    debug = options.debug;
    if (options.help) {
      io.writeStdout(helpText());
      return exitCodes.clean;
    }
    if (options.version) {
      io.writeStdout(`${packageVersion()}\n`);
      return exitCodes.clean;
    }
    return await commandHandlers[options.command](options, io);
  } catch (error) {
    if (error instanceof SvcLintError) {
      io.writeStderr(stderrLine(error.message));
      if (debug) writeSkipped(error.skipped, io);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      io.writeStderr(stderrLine(`internal error: ${message}${debug ? '' : ' (run with --debug for details)'}`));
      if (debug && error instanceof Error && error.stack) io.writeStderr(`${error.stack}\n`);
    }
    return exitCodes.error;
  }
}
