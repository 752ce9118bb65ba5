import { accessSync, constants, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { sha256Hex } from './sha256.js';
import { writeFileAtomic } from './write-file-atomic.js';

/** A CommonJS script that ran, and the way to keep its compiled code for the next run. */
export interface CodeCachedScript {
  /** The script's `module.exports`. */
  exports: unknown;
  /** Whether the script's code came from the cache rather than from compiling its source. */
  fromCache: boolean;
  /**
   * Writes the cache when this run could not use one (none, another source, another Node.js, damaged), after the run
   * so that it holds the functions the run compiled too. Never fails: a directory svc-lint cannot write (a global
   * install) only means every run compiles.
   */
  saveCodeCache(): Promise<void>;
}

/**
 * The cache file's first line: a name, the SHA-256 of the source it was made from and of the V8 data after the line.
 * V8 checks its own version and flags, but tells one source from another only by length: the source's digest is what
 * keeps a cache made from an older build of the same length from running, and the data's digest keeps a damaged
 * file from ever reaching V8.
 */
const format = 'svc-lint-code-cache/2';

/** The V8 data of the cache file when it was made from this source and is whole; undefined otherwise. */
function readCodeCache(cacheFile: string, sourceDigest: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  const lineEnd = bytes.indexOf(0x0a);
  if (lineEnd < 0) return undefined;
  const [name, source, data, ...rest] = bytes.subarray(0, lineEnd).toString('latin1').split(' ');
  const cachedData = bytes.subarray(lineEnd + 1);
  const whole = name === format && source === sourceDigest && rest.length === 0 && cachedData.length > 0 && data === sha256Hex(cachedData);
  return whole ? cachedData : undefined;
}

/** Whether this process may create files in `directory`: asked first, so a global install does not make data in vain. */
function isWritable(directory: string): boolean {
  try {
    accessSync(directory, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

type CommonJsWrapper = (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

/**
 * Runs the CommonJS script `filename` as Node.js would, but compiled from V8's code cache in `cacheFile` when that
 * holds this source's code: a worker thread of a run then skips compiling its megabyte of JavaScript. The cache is
 * only ever read from beside the script (where whoever installed svc-lint writes), never from a shared directory:
 * V8 runs cached code without compiling it, so a cache anyone else can write would run their code.
 */
export function runWithCodeCache(filename: string, cacheFile: string): CodeCachedScript {
  // Hashed as the bytes read, not as the string: hashing a string encodes it to UTF-8 again (7 ms of a run's start for
  // the megabyte bundle, reading included).
  const sourceBytes = readFileSync(filename);
  const sourceDigest = sha256Hex(sourceBytes);
  const source = sourceBytes.toString('utf8');
  const cachedData = readCodeCache(cacheFile, sourceDigest);
  // On one line with the source's first, so that line numbers in stacks stay the file's own.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename,
    ...(cachedData && { cachedData }),
  });
  const fromCache = cachedData !== undefined && script.cachedDataRejected === false;
  const module = { exports: {} as unknown };
  (script.runInThisContext() as CommonJsWrapper)(module.exports, createRequire(filename), module, filename, dirname(filename));
  return {
    exports: module.exports,
    fromCache,
    async saveCodeCache() {
      if (fromCache || !isWritable(dirname(cacheFile))) return;
      try {
        const data = script.createCachedData();
        const line = Buffer.from(`${format} ${sourceDigest} ${sha256Hex(data)}\n`, 'latin1');
        await writeFileAtomic(cacheFile, Buffer.concat([line, data]));
      } catch {
        // A write that failed (a full disk, a directory gone): the next run compiles the script and tries again.
      }
    },
  };
}
