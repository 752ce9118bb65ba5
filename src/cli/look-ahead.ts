import { dirname } from 'node:path';
import { configFileOf } from '../config/find.js';
import { cacheFilePath } from '../sources/cache/cache-file.js';
import type { IdentitiesAheadChannel } from '../sources/cache/identities-ahead-channel.js';
import { lookUpAhead } from '../sources/cache/identities-ahead.js';
import { parseCliArgs } from './args.js';

/**
 * Where a command line's `--cache` keeps the cache, as far as it can be told before the lint thread reads the config:
 * the command line read by the CLI's own parser, the cache placed by `lint()`'s rule (`cacheFilePath`) beside the
 * config file the run would read. Undefined without `--cache`, or for a command line the CLI refuses. A wrong answer
 * costs nothing but the look-up: the lint thread uses it only for the file it opens itself.
 */
export function likelyCacheFile(argv: readonly string[], cwd: string): string | undefined {
  let options;
  try {
    options = parseCliArgs(argv);
  } catch {
    return undefined;
  }
  if (!options.cache) return undefined;
  const configFile = configFileOf(options.config, cwd);
  return cacheFilePath(options.cacheLocation ?? true, configFile === undefined ? cwd : dirname(configFile), cwd);
}

/** The process thread's part of a run with `--cache`: looks up the paths the cache names while the lint thread starts. */
export async function lookAheadForCache(argv: readonly string[], cwd: string, channel: IdentitiesAheadChannel): Promise<void> {
  return lookUpAhead(likelyCacheFile(argv, cwd), channel);
}
