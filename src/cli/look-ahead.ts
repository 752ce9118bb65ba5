import { dirname, resolve } from 'node:path';
import { findConfigFile } from '../config/find.js';
import { defaultCacheFile } from '../sources/cache/cache-file.js';
import type { IdentitiesAheadChannel } from '../sources/cache/identities-ahead-channel.js';
import { lookUpAhead } from '../sources/cache/identities-ahead.js';

/** The value of `--name value` or `--name=value` (or `-s value` for its short form), the last given; options end at `--`. */
function optionValue(argv: readonly string[], name: string, short?: string): string | undefined {
  let value: string | undefined;
  for (let index = 0; index < argv.length && argv[index] !== '--'; index++) {
    const argument = argv[index]!;
    if (argument === `--${name}` || (short !== undefined && argument === `-${short}`)) value = argv[index + 1];
    else if (argument.startsWith(`--${name}=`)) value = argument.slice(name.length + 3);
  }
  return value;
}

/**
 * Where a command line's `--cache` keeps the cache, as far as it can be told before the lint thread reads the command
 * line and the config (lint.ts decides; see `cachePathFor`): `--cache-location`, else beside the config file, else in
 * cwd. A wrong guess costs nothing but the look-up: the lint thread uses it only for the file it opens itself.
 */
export function likelyCacheFile(argv: readonly string[], cwd: string): string | undefined {
  const options = argv.slice(0, argv.includes('--') ? argv.indexOf('--') : argv.length);
  if (!options.includes('--cache')) return undefined;
  const location = optionValue(argv, 'cache-location');
  if (location !== undefined) return resolve(cwd, location);
  const config = options.includes('--no-config') ? undefined : optionValue(argv, 'config', 'c');
  const configFile = options.includes('--no-config') ? undefined : config === undefined ? findConfigFile(cwd) : resolve(cwd, config);
  return resolve(configFile === undefined ? cwd : dirname(configFile), defaultCacheFile);
}

/** The process thread's part of a run with `--cache`: looks up the paths the cache names while the lint thread starts. */
export async function lookAheadForCache(argv: readonly string[], cwd: string, channel: IdentitiesAheadChannel): Promise<void> {
  return lookUpAhead(likelyCacheFile(argv, cwd), channel);
}
