import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Dependency, ManifestFile, Service } from '../../types.js';
import { range, readAllFromFile } from '../../../test/support/backstage.js';
import type { BackstageReadResult, EntityValueProblem } from './types.js';

const fixturesRoot = fileURLToPath(new URL('../../../fixtures/backstage/', import.meta.url));

function fixture(folder: string, name: string): ManifestFile {
  return { path: `${fixturesRoot}${folder}/${name}`, displayPath: `fixtures/backstage/${folder}/${name}` };
}

function read(folder: string, name: string): BackstageReadResult[] {
  const file = fixture(folder, name);
  return readAllFromFile(file.path, file.displayPath);
}

const workloadRequired =
  'is required: add it with one of api, ml-serving, etl, data-processing, infrastructure, worker, prototype';
const languageRequired = 'is required: add this annotation or a tag naming the language, e.g. go or python';

function problem(annotationKey: string, text: string, at: EntityValueProblem['range']): EntityValueProblem {
  return { path: `metadata.annotations.${annotationKey}`, problem: text, range: at };
}

function edge(service: string, call: Dependency['call'], at: Dependency['range']): Dependency {
  return { service, call, rpsShare: 1, range: at };
}

/** `skip: <why>`, with ` (known: <name>)` when the entity is a component the workspace holds. */
function summary(result: BackstageReadResult): string {
  if (result.kind !== 'skip') return result.kind;
  return `skip: ${result.reason}${result.undeclared ? ` (known: ${result.undeclared.name})` : ''}`;
}

const unannotated = 'skip: a Backstage Component without svc-lint.dev/* annotations';

describe('real catalog files', () => {
  const expected: Record<string, string[]> = {
    'acme-corp.yaml': ['skip: a Backstage Location'],
    'artist-lookup-component.yaml': [`${unannotated} (known: artist-lookup)`],
    'artists-db-resource.yaml': ['skip: a Backstage Resource'],
    'backstage-catalog-info.yaml': [`${unannotated} (known: backstage-existing)`],
    'demo-catalog-info.yaml': [`${unannotated} (known: backstage-demo)`, 'skip: a Backstage API'],
    'different-namespace.yaml': [`${unannotated} (known: alternative/different-namespace)`],
    'entities.yaml': ['skip: a Backstage System', `${unannotated} (known: example-website)`, 'skip: a Backstage API'],
    // Backstage refuses the name (a space), so the workspace does not hold it.
    'invalid-component.yaml': [unannotated],
    'org.yaml': ['skip: a Backstage User', 'skip: a Backstage Group'],
    'podcast-system.yaml': ['skip: a Backstage System'],
    'queue-proxy-component.yaml': [`${unannotated} (known: queue-proxy)`],
    'searcher-component.yaml': [`${unannotated} (known: example)`],
    'shuffle-api-component.yaml': [`${unannotated} (known: shuffle-api)`],
    'team-a-group.yaml': ['skip: a Backstage Group', ...Array.from({ length: 5 }, () => 'skip: a Backstage User')],
    'wayback-archive-api.yaml': ['skip: a Backstage API'],
    'wayback-search-component.yaml': [`${unannotated} (known: wayback-search)`],
  };

  it('has an expectation for every copied file', () => {
    const files = readdirSync(`${fixturesRoot}real`).filter((name) => name.endsWith('.yaml'));
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s', (name, results) => {
    expect(read('real', name).map(summary)).toEqual(results);
  });
});

describe('annotated catalog files', () => {
  function service(name: string, documentIndex: number, fields: Omit<Service, 'file' | 'documentIndex' | 'format'>): Service {
    return { ...fields, file: fixture('annotated', name), documentIndex, format: 'backstage' };
  }

  it('artist-lookup-component.yaml: tag language, quoted numbers, resource refs ignored', () => {
    const name = 'artist-lookup-component.yaml';
    expect(read('annotated', name)).toEqual([
      {
        kind: 'service',
        problems: [],
        repeated: [],
        service: service(name, 0, {
          name: 'artist-lookup',
          owner: 'team-a',
          description: 'Artist Lookup',
          language: 'java',
          languageId: 'java',
          workload: 'api',
          peakRps: 1200,
          p99Ms: 40,
          deploymentTarget: 'container',
          dependsOn: [edge('artist-search', 'sync', range(24, 38, 24, 63))],
          locations: {
            document: range(1, 1, 1, 11),
            name: range(10, 9, 10, 22),
            language: range(13, 7, 13, 11),
            workload: range(7, 30, 7, 33),
            peakRps: range(8, 30, 8, 36),
            p99Ms: range(9, 28, 9, 32),
            dependsOn: range(24, 3, 24, 12),
          },
        }),
      },
    ]);
  });

  it('entities.yaml: language alias, deployment, team languages in a multi-document file', () => {
    const name = 'entities.yaml';
    expect(read('annotated', name)).toEqual([
      { kind: 'skip', reason: 'a Backstage System' },
      {
        kind: 'service',
        problems: [],
        repeated: [],
        service: service(name, 1, {
          name: 'example-website',
          owner: 'guests',
          language: 'Python3',
          languageId: 'python',
          workload: 'prototype',
          deploymentTarget: 'serverless',
          teamLanguages: ['python', 'go'],
          dependsOn: [],
          locations: {
            document: range(10, 1, 10, 11),
            name: range(14, 9, 14, 24),
            language: range(16, 28, 16, 35),
            workload: range(17, 28, 17, 37),
            deploymentTarget: range(18, 30, 18, 40),
            teamLanguages: range(19, 34, 19, 48),
          },
        }),
      },
      { kind: 'skip', reason: 'a Backstage API' },
    ]);
  });

  it('checkout.catalog-info.yaml: dependsOn refs, async-deps, skipped System/library/API/Resource', () => {
    const name = 'checkout.catalog-info.yaml';
    expect(read('annotated', name)).toEqual([
      {
        kind: 'skip',
        reason: 'an entity of a kind or type svc-lint does not judge',
        notice: { messageId: 'kind', data: { entity: 'shop', kind: 'System' }, range: range(2, 7, 2, 13) },
      },
      {
        kind: 'service',
        problems: [],
        repeated: [],
        service: service(name, 1, {
          name: 'checkout',
          owner: 'group:team-shop',
          description: 'Takes orders and payments',
          language: 'golang',
          languageId: 'go',
          workload: 'api',
          peakRps: 15000,
          p99Ms: 4.5,
          deploymentTarget: 'container',
          dependsOn: [
            edge('cart', 'sync', range(27, 7, 27, 21)),
            edge('audit', 'async', range(28, 7, 28, 30)),
            edge('notifier', 'async', range(29, 7, 29, 25)),
            edge('payments/ledger', 'sync', range(30, 7, 30, 32)),
          ],
          locations: {
            document: range(10, 1, 10, 11),
            name: range(13, 9, 13, 17),
            language: range(15, 15, 15, 21),
            workload: range(17, 28, 17, 31),
            peakRps: range(18, 28, 18, 35),
            p99Ms: range(19, 26, 19, 31),
            dependsOn: range(26, 3, 26, 12),
          },
        }),
      },
      {
        kind: 'service',
        problems: [],
        repeated: [],
        service: service(name, 2, {
          name: 'cart',
          owner: 'team-shop',
          language: 'go',
          languageId: 'go',
          workload: 'api',
          deploymentTarget: 'container',
          dependsOn: [],
          locations: {
            document: range(33, 1, 33, 11),
            name: range(36, 9, 36, 13),
            language: range(38, 28, 38, 30),
            workload: range(39, 28, 39, 31),
            dependsOn: range(44, 3, 44, 12),
          },
        }),
      },
      {
        kind: 'skip',
        reason: 'a Backstage Component without svc-lint.dev/* annotations',
        undeclared: { name: 'checkout-sdk', range: range(49, 9, 49, 21), reason: 'a Backstage Component without svc-lint.dev/* annotations' },
      },
      { kind: 'skip', reason: 'a Backstage API' },
      { kind: 'skip', reason: 'a Backstage Resource' },
    ]);
  });

  it('ledger.catalog-info.yaml: a component outside the default namespace', () => {
    const name = 'ledger.catalog-info.yaml';
    expect(read('annotated', name)).toEqual([
      {
        kind: 'service',
        problems: [],
        repeated: [],
        service: service(name, 0, {
          name: 'payments/ledger',
          owner: 'team-payments',
          language: 'rust',
          languageId: 'rust',
          workload: 'infrastructure',
          deploymentTarget: 'vm',
          dependsOn: [
            edge('payments/fx-rates', 'sync', range(15, 7, 15, 25)),
            edge('audit', 'sync', range(16, 7, 16, 30)),
          ],
          locations: {
            document: range(1, 1, 1, 11),
            name: range(4, 9, 4, 15),
            language: range(7, 28, 7, 32),
            workload: range(8, 28, 8, 42),
            deploymentTarget: range(9, 30, 9, 32),
            dependsOn: range(14, 3, 14, 12),
          },
        }),
      },
    ]);
  });

  it('bad-values.catalog-info.yaml: bad optional values are reported and left out, a bad workload drops the service', () => {
    const name = 'bad-values.catalog-info.yaml';
    expect(read('annotated', name)).toEqual([
      {
        kind: 'service',
        repeated: [],
        problems: [
          problem(
            'svc-lint.dev/peak_rps',
            'is not an svc-lint annotation (did you mean svc-lint.dev/peak-rps?) (known: svc-lint.dev/language, svc-lint.dev/workload, svc-lint.dev/peak-rps, svc-lint.dev/p99-ms, svc-lint.dev/deployment, svc-lint.dev/team-languages, svc-lint.dev/async-deps)',
            range(10, 5, 10, 26),
          ),
          problem('svc-lint.dev/peak-rps', 'must be a number >= 0, got "fast"', range(8, 28, 8, 32)),
          problem('svc-lint.dev/p99-ms', 'must be a number of milliseconds > 0, got "0"', range(9, 26, 9, 29)),
          problem(
            'svc-lint.dev/team-languages',
            'must list languages separated by commas, e.g. "go, python", got " , "',
            range(11, 34, 11, 39),
          ),
          {
            path: 'spec.dependsOn.0',
            problem: 'must name its kind, e.g. component:exporter or resource:exporter',
            range: range(18, 7, 18, 15),
          },
          problem(
            'svc-lint.dev/async-deps',
            'lists "warehouse", which is not a component in spec.dependsOn',
            range(12, 30, 12, 39),
          ),
        ],
        service: service(name, 0, {
          name: 'reports',
          owner: 'team-data',
          language: 'python',
          languageId: 'python',
          workload: 'etl',
          deploymentTarget: 'container',
          dependsOn: [edge('loader', 'sync', range(19, 7, 19, 23))],
          locations: {
            document: range(1, 1, 1, 11),
            name: range(4, 9, 4, 16),
            language: range(6, 28, 6, 34),
            workload: range(7, 28, 7, 31),
            peakRps: range(8, 28, 8, 32),
            p99Ms: range(9, 26, 9, 29),
            teamLanguages: range(11, 34, 11, 39),
            dependsOn: range(17, 3, 17, 12),
          },
        }),
      },
      {
        kind: 'invalid',
        service: 'batcher',
        repeated: [],
        undeclared: { name: 'batcher', range: range(24, 9, 24, 16), reason: 'a Component whose svc-lint annotations are not valid' },
        problems: [
          problem(
            'svc-lint.dev/workload',
            'must be one of api, ml-serving, etl, data-processing, infrastructure, worker, prototype, got "batch"',
            range(27, 28, 27, 33),
          ),
        ],
      },
      {
        kind: 'service',
        repeated: [],
        problems: [
          problem('svc-lint.dev/deployment', 'must be one of container, vm, serverless, edge, got "lambda"', range(40, 30, 40, 36)),
        ],
        service: service(name, 2, {
          name: 'edge-proxy',
          owner: 'team-edge',
          language: 'go',
          languageId: 'go',
          workload: 'api',
          deploymentTarget: 'container',
          dependsOn: [],
          locations: {
            document: range(33, 1, 33, 11),
            name: range(36, 9, 36, 19),
            language: range(38, 28, 38, 30),
            workload: range(39, 28, 39, 31),
            deploymentTarget: range(40, 30, 40, 36),
          },
        }),
      },
    ]);
  });

  it('missing.catalog-info.yaml: missing annotations point where they belong; tags alone do not opt in', () => {
    expect(read('annotated', 'missing.catalog-info.yaml')).toEqual([
      {
        kind: 'invalid',
        service: 'thumbnailer',
        repeated: [],
        undeclared: { name: 'thumbnailer', range: range(4, 9, 4, 20), reason: 'a Component whose svc-lint annotations are not valid' },
        problems: [
          problem('svc-lint.dev/language', languageRequired, range(5, 3, 5, 14)),
          problem('svc-lint.dev/workload', workloadRequired, range(5, 3, 5, 14)),
        ],
      },
      // Tags alone name a language but do not opt a component in: only svc-lint.dev/* annotations do.
      {
        kind: 'skip',
        reason: 'a Backstage Component without svc-lint.dev/* annotations',
        undeclared: { name: 'recommender', range: range(16, 9, 16, 20), reason: 'a Backstage Component without svc-lint.dev/* annotations' },
      },
    ]);
  });
});
