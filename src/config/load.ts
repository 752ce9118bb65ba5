import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { SvcLintError } from '../errors.js';
import { checkContainment } from './containment.js';
import { describeSchemaErrors, yamlPathText } from '../schema/describe.js';
import { validator } from '../schema/validators.js';
import { readYamlDataFile, type YamlDataFile } from '../yaml/read-data-file.js';
import type { YamlPath } from '../yaml/locate.js';
import type { SvcLintConfig } from './types.js';
import { waiverDateProblem } from './waivers.js';
import { startOfFile } from '../yaml/locate.js';
import type { Range } from '../types.js';

export { configFileNames, configFileOf, findConfigFile } from './find.js';

export interface LoadedConfig {
  config: SvcLintConfig;
  /** Absolute path, or undefined when no config file was found. */
  path?: string;
  displayPath: string;
  /** The directory include/exclude globs are relative to. */
  directory: string;
  /** The range of the config node at `at` (for findings about the config itself). */
  rangeAt(at: YamlPath, target?: 'key' | 'value'): Range;
  /** Builds the one-line error for a problem at `at` in the config file. */
  errorAt(at: YamlPath, problem: string, target?: 'key' | 'value'): SvcLintError;
}

function errorMaker(file: YamlDataFile | undefined, displayPath: string) {
  return (at: YamlPath, problem: string, target: 'key' | 'value' = 'value') => {
    const range = file?.rangeAt(at, target) ?? { line: 1, column: 1 };
    const key = at.length > 0 ? `${yamlPathText(at)}: ` : '';
    return new SvcLintError('config', `invalid config ${displayPath}:${range.line}:${range.column}: ${key}${problem}`);
  };
}

export function emptyConfig(cwd: string): LoadedConfig {
  return {
    config: {},
    displayPath: '(no config)',
    directory: cwd,
    rangeAt: () => startOfFile,
    errorAt: errorMaker(undefined, '(command line)'),
  };
}

/** Loads and checks the config at `path`; `buffer` is an editor's unsaved text of it, read instead of the file. */
export function loadConfigFile(path: string, displayPath: string, buffer?: string): LoadedConfig {
  if (buffer === undefined && !existsSync(path)) throw new SvcLintError('config', `config file not found: ${displayPath}`);
  const file = readYamlDataFile(path, displayPath, 'config', buffer);
  const errorAt = errorMaker(file, displayPath);
  const value = file.value ?? {};
  const validate = validator('config');
  if (!validate(value)) {
    const [first] = describeSchemaErrors(validate.errors ?? []);
    if (first) {
      const where = first.path.length > 0 ? first.path : [];
      throw errorAt(where, first.problem, first.target);
    }
  }
  const config = value as SvcLintConfig;
  const waiverError = waiverDateProblem(config.waivers ?? []);
  if (waiverError) throw errorAt(['waivers', waiverError.waiverIndex, 'expires'], waiverError.message, 'value');
  checkContainment(config, dirname(path), errorAt);
  return { config, path, displayPath, directory: dirname(path), rangeAt: file.rangeAt, errorAt };
}
