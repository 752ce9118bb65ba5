import { configFileOf, emptyConfig, loadConfigFile, type LoadedConfig } from '../config/load.js';
import { displayPathOf } from '../io/paths.js';
import { createLanguageRegistry } from '../languages/registry.js';
import { loadShippedLanguages, loadShippedRules } from './shipped.js';
import { resolveRules, type ActiveRule } from './resolve.js';
import type { LanguageRegistry } from '../languages/registry.js';
import type { SeverityOrOff } from '../types.js';
import { frameworkOf, type Framework } from '../analysis/framework.js';

export interface SetupOptions {
  /** The directory paths are resolved against and reported relative to. */
  cwd: string;
  /** A config file (relative to cwd), `false` for none; by default `.svc-lint.yaml` is searched upward from cwd. */
  config?: string | false;
  /** Severity overrides that win over the config (`--rule id:severity`). */
  ruleOverrides?: Readonly<Record<string, SeverityOrOff>>;
  /** Config files an editor holds open, by absolute path: their texts are read instead of the files on disk. */
  configBuffers?: ReadonlyMap<string, string>;
}

/** What every command needs before it reads a manifest: the config, the languages and the checked rules. */
export interface Setup {
  config: LoadedConfig;
  languages: LanguageRegistry;
  rules: ActiveRule[];
  /** The decision framework's figures, from the rules' params. */
  framework: Framework;
}

/** The config the options name, found upward from cwd, or none. */
export function loadConfig(options: SetupOptions): LoadedConfig {
  const path = configFileOf(options.config, options.cwd);
  if (path === undefined) return emptyConfig(options.cwd);
  const displayPath = typeof options.config === 'string' ? options.config : displayPathOf(options.cwd, path);
  return loadConfigFile(path, displayPath, options.configBuffers?.get(path));
}

export function setUp(options: SetupOptions): Setup {
  const config = loadConfig(options);
  const shipped = loadShippedLanguages();
  const profiles = [...shipped.profiles, ...(config.config.languages ?? [])].map((profile) => ({
    ...profile,
    aliases: profile.aliases ?? [],
  }));
  const languages = createLanguageRegistry(profiles, shipped.known);
  const rules = resolveRules(loadShippedRules(), config, options.ruleOverrides);
  return { config, languages, rules, framework: frameworkOf(rules.map((entry) => entry.rule)) };
}
