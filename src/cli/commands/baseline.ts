import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  baselineHeader,
  baselineScope,
  createBaseline,
  parseBaseline,
  pruneBaseline,
  serializeBaseline,
  type Baseline,
} from '../../exemptions/baseline.js';
import { SvcLintError } from '../../errors.js';
import { configuredBaselinePath } from '../../exemptions/exempt.js';
import { displayPathOf } from '../../io/paths.js';
import { beginsWithHeader, isRegularFile, readHead } from '../../io/existing-files.js';
import { writeTargetOf } from '../../io/write-target.js';
import { lint } from '../../lint.js';
import { terminalSafe } from '../../text/terminal.js';
import { setUp, type Setup } from '../../ruleset/setup.js';
import type { CliOptions } from '../args.js';
import { exitCodes, type CliIo } from '../io.js';
import { writeReportFile } from '../write-outputs.js';
import { lintOptionsFrom } from './lint.js';

function baselinePath(options: CliOptions, io: CliIo, setup: Setup): string {
  if (typeof options.baseline === 'string') return resolve(io.cwd, options.baseline);
  return configuredBaselinePath(setup.config);
}

/**
 * A baseline is only ever written over nothing, a link (replaced, not followed) or a baseline svc-lint wrote, damaged
 * or not: never over another file a config or a typo names.
 */
function checkReplaceable(path: string, display: string): void {
  const target = writeTargetOf(path);
  if (target.kind !== 'replace') {
    throw new SvcLintError('io', `cannot write ${display}: ${target.kind === 'refuse' ? target.reason : 'it is not a regular file'}`);
  }
  const head = isRegularFile(path) ? readHead(path, 256) : '';
  if (head === undefined || !beginsWithHeader(head, baselineHeader)) {
    throw new SvcLintError('io', `refusing to write over ${display}: it is not an svc-lint baseline, and svc-lint replaces only its own; remove it or choose another --baseline`);
  }
}

function readPrevious(path: string, display: string): Baseline {
  try {
    return parseBaseline(readFileSync(path, 'utf8'), display);
  } catch (error) {
    throw new SvcLintError('config', (error as Error).message);
  }
}

/** `svc-lint baseline [--prune] [--force]`: records today's findings so that only new ones fail. */
export async function runBaselineCommand(options: CliOptions, io: CliIo): Promise<number> {
  if (options.baseline === false) throw new SvcLintError('usage', 'baseline writes a baseline: --no-baseline makes no sense here');
  const lintOptions = await lintOptionsFrom(options, io);
  // The config is read once: for where the baseline lives, and for the run.
  const setup = setUp(lintOptions);
  const path = baselinePath(options, io, setup);
  const display = displayPathOf(io.cwd, path);
  const exists = existsSync(path);
  if (options.prune && !exists) throw new SvcLintError('usage', `--prune needs an existing baseline, and ${display} does not exist`);
  if (!exists && io.env.CI && !options.force) {
    throw new SvcLintError('usage', `refusing to create ${display} while CI is set: create it locally and commit it, or pass --force`);
  }
  checkReplaceable(path, display);

  const result = await lint({ ...lintOptions, setup, baseline: false });
  const baselineOptions = baselineScope(io.cwd, path, result.files);
  let next;
  if (options.prune) {
    next = pruneBaseline(readPrevious(path, display), result.findings, baselineOptions);
  } else {
    // Linting some paths rewrites only their entries and keeps the others; a damaged baseline is replaced whole,
    // which is how it is recreated.
    let previous;
    try {
      previous = exists ? readPrevious(path, display) : undefined;
    } catch {
      previous = undefined;
    }
    next = createBaseline(result.findings, baselineOptions, previous);
  }
  await writeReportFile(io.cwd, display, serializeBaseline(next), { overwriteManifest: options.force, manifests: result.manifestPaths });
  const findings = next.entries.reduce((total, entry) => total + entry.count, 0);
  io.writeStdout(`${options.prune ? 'pruned' : 'wrote'} ${terminalSafe(display)}: ${next.entries.length} entries, ${findings} findings\n`);
  return exitCodes.clean;
}
