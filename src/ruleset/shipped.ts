import { readdirSync } from 'node:fs';
import { SvcLintError } from '../errors.js';
import { packagePath } from '../package-paths.js';
import { describeSchemaErrors } from '../schema/describe.js';
import { validator, type SchemaName } from '../schema/validators.js';
import type { KnownLanguage, LanguageProfile, RuleDeclaration } from '../types.js';
import { readYamlDataFile } from '../yaml/read-data-file.js';

function readChecked<T>(path: string, displayPath: string, schema: SchemaName): T {
  const file = readYamlDataFile(path, displayPath, 'internal');
  const validate = validator(schema);
  if (!validate(file.value)) {
    const [first] = describeSchemaErrors(validate.errors ?? []);
    throw new SvcLintError('internal', `built-in ${displayPath} is invalid: ${first?.displayPath} ${first?.problem}`);
  }
  return file.value as T;
}

function yamlFilesIn(directory: string): string[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
}

export function loadShippedRules(): RuleDeclaration[] {
  return yamlFilesIn(packagePath('rules')).map((name) => {
    const declaration = readChecked<Omit<RuleDeclaration, 'source'>>(packagePath('rules', name), `rules/${name}`, 'rule');
    return { ...declaration, params: declaration.params ?? {}, source: `rules/${name}` };
  });
}

export interface ShippedLanguages {
  profiles: LanguageProfile[];
  known: KnownLanguage[];
}

const knownLanguagesFile = 'known.yaml';

export function loadShippedLanguages(): ShippedLanguages {
  const directory = packagePath('rules', 'languages');
  const profiles = yamlFilesIn(directory)
    .filter((name) => name !== knownLanguagesFile)
    .map((name) =>
      readChecked<LanguageProfile>(packagePath('rules', 'languages', name), `rules/languages/${name}`, 'language'),
    )
    .map((profile) => ({ ...profile, aliases: profile.aliases ?? [] }));
  const known = readYamlDataFile(packagePath('rules', 'languages', knownLanguagesFile), 'rules/languages/known.yaml', 'internal')
    .value as KnownLanguage[];
  return { profiles, known };
}
