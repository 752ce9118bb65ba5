import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { SvcLintError } from '../errors.js';
import { writeFileAtomic } from '../io/write-file-atomic.js';

/** Writes a report whole or not at all, creating missing parent directories. */
export async function writeReportFile(cwd: string, file: string, text: string): Promise<void> {
  const path = resolve(cwd, file);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new SvcLintError('io', `cannot write ${file}: ${code}`);
  }
}
