import { existsSync, promises as fileSystem, statSync } from 'node:fs';
import { isOneOf } from '../io/existing-files.js';
import { dirname, resolve } from 'node:path';
import { SvcLintError } from '../errors.js';
import { isManifestFileName } from '../sources/files.js';
import { displayPathOf } from '../io/paths.js';
import { inBatches, inByteBatches } from '../io/batches.js';
import { writeFileAtomic } from '../io/write-file-atomic.js';
import { standardStreamOf, writeInPlace, writeTargetOf } from '../io/write-target.js';
import type { OutputRequest } from './args.js';
import type { CliIo } from './io.js';

export interface WriteOptions {
  /** Replace an existing file named like a manifest (`--force`); svc-lint otherwise never writes over one. */
  overwriteManifest: boolean;
  /** The real paths of the manifests the run read (`LintResult.manifestPaths`): never written over, `--force` or not. */
  manifests?: ReadonlySet<string>;
  /** Only a report may go to a device, a FIFO or `/dev/stdout`; a baseline or a manifest must be a regular file. */
  inPlace?: 'allowed';
}

/** The nearest existing ancestor of `path` that is not a directory, which makes creating `path` impossible. */
function blockingFile(path: string): string | undefined {
  for (let directory = dirname(path); directory !== dirname(directory); directory = dirname(directory)) {
    if (existsSync(directory)) return statSync(directory).isDirectory() ? undefined : directory;
  }
  return undefined;
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/**
 * Writes a report whole or not at all, creating missing parent directories; a device, FIFO or `/dev/stdout` is written
 * as it is. Never over a manifest the run read (whatever the file is called), nor over a file named like a manifest
 * without `--force`.
 */
export async function writeReportFile(cwd: string, file: string, text: string | Iterable<string>, options: WriteOptions): Promise<void> {
  const path = resolve(cwd, file);
  const target = writeTargetOf(path);
  if (target.kind === 'refuse') throw new SvcLintError('io', `cannot write ${file}: ${target.reason}`);
  if (target.kind === 'in-place') {
    if (options.inPlace !== 'allowed') throw new SvcLintError('io', `cannot write ${file}: it is not a regular file`);
    try {
      writeInPlace(path, text);
      return;
    } catch (error) {
      throw new SvcLintError('io', `cannot write ${file}: ${errorCode(error)}`);
    }
  }
  if (options.manifests && isOneOf(path, options.manifests)) {
    throw new SvcLintError('io', `refusing to write over ${file}: this run reads it as a manifest; choose another file`);
  }
  if (!options.overwriteManifest && isManifestFileName(path) && existsSync(path)) {
    throw new SvcLintError('io', `refusing to write over ${file}, which is a manifest: choose another file, or pass --force`);
  }
  const blocker = blockingFile(path);
  if (blocker) {
    throw new SvcLintError('io', `cannot write ${file}: ${displayPathOf(cwd, blocker)} is a file, not a directory`);
  }
  try {
    // Through `fs.promises`, which Node.js loads when first used: a run that writes no file never loads it (some 5 ms).
    await fileSystem.mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, text);
  } catch (error) {
    throw new SvcLintError('io', `cannot write ${file}: ${errorCode(error)}`);
  }
}

/**
 * Renders each requested output and sends it to stdout or to its file; an output in pieces is written in batches as
 * it is rendered, so a large fleet's report is never held whole.
 */
export async function writeOutputs<Format extends string>(
  outputs: readonly OutputRequest<Format>[],
  render: (output: OutputRequest<Format>) => string | Iterable<string>,
  io: CliIo,
  options: WriteOptions,
): Promise<void> {
  for (const output of outputs) {
    io.safePoint?.();
    const text = render(output);
    const stream = output.file === undefined ? 'stdout' : standardStreamOf(resolve(io.cwd, output.file));
    if (stream === undefined) {
      await writeReportFile(io.cwd, output.file!, text, options);
    } else {
      const write = stream === 'stdout' ? io.writeStdout : io.writeStderr;
      const writeBytes = stream === 'stdout' ? io.writeStdoutBytes : undefined;
      if (typeof text === 'string') await write(text);
      else if (writeBytes) {
        for (const batch of inByteBatches(text, undefined, io.outputBuffer)) {
          await writeBytes(batch);
          io.safePoint?.();
        }
      } else for (const batch of inBatches(text)) await write(batch);
    }
  }
}
