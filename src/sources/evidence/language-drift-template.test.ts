import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testLanguages } from '../../../test/support/backstage-languages.js';
import { languageDrift } from '../../ruleset/templates/language-drift.js';
import type { Service } from '../../types.js';
import { decideWorkspace } from '../../analysis/decisions.js';
import { seedFramework } from '../../../test/support/services.js';

const fixturesRoot = fileURLToPath(new URL('../../../fixtures/language-drift/', import.meta.url));

function serviceIn(dir: string, language: string): Service {
  const position = { line: 1, column: 1, endLine: 1, endColumn: 11 };
  return {
    name: `${dir}-svc`,
    language,
    languageId: testLanguages.resolve(language),
    workload: 'api',
    deploymentTarget: 'container',
    dependsOn: [],
    file: { path: `${fixturesRoot}${dir}/service.yaml`, displayPath: `fixtures/language-drift/${dir}/service.yaml` },
    documentIndex: 0,
    format: 'svc-lint/v1',
    locations: { document: position },
  };
}

function check(dir: string, language: string) {
  return languageDrift.check(serviceIn(dir, language), {}, { languages: testLanguages, decisions: decideWorkspace([], seedFramework, testLanguages) });
}

describe('language-drift template', () => {
  it('reports every non-matching evidence file, at the language field', () => {
    expect(check('mixed-none-matching', 'golang')).toEqual([
      {
        messageId: 'drift',
        field: 'language',
        data: {
          service: 'mixed-none-matching-svc',
          language: 'golang',
          evidence:
            'fixtures/language-drift/mixed-none-matching/requirements.txt points to python and ' +
            'fixtures/language-drift/mixed-none-matching/Dockerfile points to python, as its final stage is FROM python:3.12-slim',
          evidenceLanguage: 'python',
          evidenceFile:
            'fixtures/language-drift/mixed-none-matching/Dockerfile, fixtures/language-drift/mixed-none-matching/requirements.txt',
        },
      },
    ]);
  });

  it('gives each explained file its own clause', () => {
    expect(check('mixed-matching', 'python')[0]?.data.evidence).toBe(
      'fixtures/language-drift/mixed-matching/go.mod points to go, fixtures/language-drift/mixed-matching/package.json points to node and ' +
        'fixtures/language-drift/mixed-matching/Dockerfile points to go, as its final stage (FROM scratch) copies from stage "build" (FROM golang:1.22)',
    );
  });

  it('asks the evidence reader of the run when there is one', () => {
    const listed: string[] = [];
    const reader = (directory: string) => {
      listed.push(directory);
      return [];
    };
    const context = { languages: testLanguages, decisions: decideWorkspace([], seedFramework, testLanguages), languageEvidence: reader };
    for (let index = 0; index < 3; index++) languageDrift.check(serviceIn('pom', 'go'), {}, context);
    expect(listed).toEqual([`${fixturesRoot}pom`, `${fixturesRoot}pom`, `${fixturesRoot}pom`]);
  });

  it('names each evidence language once', () => {
    expect(check('mixed-matching', 'python')[0]?.data.evidenceLanguage).toBe('go, node');
  });

  it.each([
    ['mixed-matching', 'go'],
    ['dockerfile-multistage', 'golang'],
    ['no-evidence', 'go'],
    ['nested-only', 'python'],
  ])('stays silent for %s declared as %s', (dir, language) => {
    expect(check(dir, language)).toEqual([]);
  });

  it('declares only data keys it lists', () => {
    const [finding] = check('pom', 'go');
    expect(Object.keys(finding?.data ?? {}).sort()).toEqual([...languageDrift.dataKeys].sort());
  });
});
