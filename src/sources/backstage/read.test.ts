import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { isBackstageDocument } from './entity.js';
import { range, readAll } from '../../../test/support/backstage.js';

const file = { path: '/repo/catalog-info.yaml', displayPath: 'catalog-info.yaml' };

function component(header: string, extra = ''): string {
  return `${header}
metadata:
  name: cart
  annotations:
    svc-lint.dev/language: go
    svc-lint.dev/workload: api
${extra}`;
}

describe('readBackstageDocument: which documents are read', () => {
  it.each([
    ['another apiVersion', 'apiVersion: backstage.io/v2\nkind: Component\nspec:\n  type: service', 'apiVersion', range(1, 13, 1, 28)],
    ['a System', 'apiVersion: backstage.io/v1alpha1\nkind: System\nspec:\n  type: service', 'kind', range(2, 7, 2, 13)],
    ['a library', 'apiVersion: backstage.io/v1alpha1\nkind: Component\nspec:\n  type: library', 'type', range(4, 9, 4, 16)],
    ['a component without a type', 'apiVersion: backstage.io/v1alpha1\nkind: Component\nspec: {}', 'type', range(3, 1, 3, 5)],
  ])('skips %s with svc-lint annotations, with a notice saying why', (_label, header, messageId, at) => {
    const [result] = readAll(component(header), file);
    expect(result).toMatchObject({ kind: 'skip', notice: { messageId, range: at } });
  });

  it('names the type, the kind or the apiVersion in the notice', () => {
    const notices = [
      'apiVersion: backstage.io/v2\nkind: Component\nspec:\n  type: service',
      'apiVersion: backstage.io/v1alpha1\nkind: System',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nspec:\n  type: library',
    ].map((header) => {
      const [result] = readAll(component(header), file);
      return result?.kind === 'skip' ? result.notice?.data : undefined;
    });
    expect(notices).toEqual([
      { entity: 'cart', apiVersion: 'backstage.io/v2', read: 'backstage.io/v1alpha1 and backstage.io/v1beta1' },
      { entity: 'cart', kind: 'System' },
      { entity: 'cart', type: 'library', judged: 'service and website' },
    ]);
  });

  it('reads kinds and types whatever their case, as Backstage compares them', () => {
    for (const header of [
      'apiVersion: backstage.io/v1alpha1\nkind: component\nspec:\n  type: service',
      'apiVersion: backstage.io/v1alpha1\nkind: COMPONENT\nspec:\n  type: Service',
    ]) {
      const [result] = readAll(component(header), file);
      expect(result?.kind).toBe('service');
    }
  });

  it('knows an unannotated component, and not one Backstage would refuse', () => {
    const plain = (name: string, namespace = '') =>
      `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${name}\n${namespace}spec:\n  type: library\n`;
    expect(readAll(plain('CartService'), file)).toEqual([
      {
        kind: 'skip',
        reason: 'a Backstage Component without svc-lint.dev/* annotations',
        undeclared: { name: 'cartservice', range: range(4, 9, 4, 20), reason: 'a Backstage Component without svc-lint.dev/* annotations' },
      },
    ]);
    expect(readAll(plain('ledger', '  namespace: Payments\n'), file)[0]).not.toHaveProperty('undeclared');
    expect(readAll(plain('"invalid component"'), file)[0]).not.toHaveProperty('undeclared');
  });

  it.each([
    ['an empty document', ''],
    ['a scalar document', 'just text'],
    ['a sequence document', '- a\n- b'],
    ['a document with syntax errors', 'apiVersion: [backstage.io/v1alpha1\nkind: Component'],
    ['a service without svc-lint data', 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n  tags: [web, data]\nspec:\n  type: service'],
  ])('skips %s without throwing', (_label, text) => {
    expect(readAll(text, file).every((result) => result.kind === 'skip')).toBe(true);
  });

  it('reads v1beta1 service and website components', () => {
    for (const header of [
      'apiVersion: backstage.io/v1beta1\nkind: Component\nspec:\n  type: service',
      'apiVersion: backstage.io/v1alpha1\nkind: Component\nspec:\n  type: website',
    ]) {
      const [result] = readAll(component(header), file);
      expect(result?.kind).toBe('service');
    }
  });
});

describe('readBackstageDocument: values', () => {
  const header = 'apiVersion: backstage.io/v1alpha1\nkind: Component\nspec:\n  type: service';

  it('accepts unquoted numbers in annotations', () => {
    const [result] = readAll(component(header, '    svc-lint.dev/peak-rps: 250\n    svc-lint.dev/p99-ms: 12.50'), file);
    expect(result?.kind === 'service' && [result.service.peakRps, result.service.p99Ms]).toEqual([250, 12.5]);
    expect(result?.kind === 'service' && result.service.locations.p99Ms).toEqual(range(11, 26, 11, 31));
  });

  it('reports a map given as an annotation value', () => {
    const [result] = readAll(component(header, '    svc-lint.dev/peak-rps: {value: 1}'), file);
    expect(result).toMatchObject({
      kind: 'service',
      problems: [{ path: 'metadata.annotations.svc-lint.dev/peak-rps', problem: 'must be a string', range: range(10, 28, 10, 38) }],
    });
  });

  it('prefers the language annotation over tags', () => {
    const text = component(header).replace('metadata:\n', 'metadata:\n  tags: [python]\n');
    const [result] = readAll(text, file);
    expect(result?.kind === 'service' && [result.service.language, result.service.locations.language]).toEqual([
      'go',
      range(9, 28, 9, 30),
    ]);
  });

  it('does not fall back to a tag when the language annotation is empty', () => {
    const text = `${header}\nmetadata:\n  name: cart\n  tags: [go]\n  annotations:\n    svc-lint.dev/language: ''\n    svc-lint.dev/workload: api\n`;
    expect(readAll(text, file)).toEqual([
      {
        kind: 'invalid',
        service: 'cart',
        problems: [
          {
            path: 'metadata.annotations.svc-lint.dev/language',
            problem: 'must name a language, e.g. go or python',
            range: range(9, 28, 9, 30),
          },
        ],
        repeated: [],
        undeclared: { name: 'cart', range: range(6, 9, 6, 13), reason: 'a Component whose svc-lint annotations are not valid' },
      },
    ]);
  });

  it('reports a missing name at the metadata key', () => {
    const text = `${header}\nmetadata:\n  annotations:\n    svc-lint.dev/language: go\n    svc-lint.dev/workload: api\n`;
    expect(readAll(text, file)).toEqual([
      {
        kind: 'invalid',
        problems: [{ path: 'metadata.name', problem: 'is required: give the component a name', range: range(6, 3, 6, 14) }],
        repeated: [],
      },
    ]);
  });

  it('reports a dependsOn that is not a list, and a non-string entry', () => {
    const text = `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: cart\n  tags: [go]\n  annotations:\n    svc-lint.dev/workload: api\nspec:\n  type: service\n  dependsOn: component:a\n`;
    expect(readAll(text, file)[0]).toMatchObject({
      kind: 'service',
      problems: [{ path: 'spec.dependsOn', problem: 'must be a list of entity references', range: range(10, 3, 10, 12) }],
    });
    const withMap = text.replace('dependsOn: component:a', 'dependsOn:\n    - {kind: component, name: a}');
    expect(readAll(withMap, file)[0]).toMatchObject({
      kind: 'service',
      problems: [
        {
          path: 'spec.dependsOn.0',
          problem: 'must be an entity reference like component:name, got a non-string value',
          range: range(11, 7, 11, 33),
        },
      ],
    });
  });

  it('checks the name and namespace with the rules of Backstage, at the value', () => {
    const text = component(header).replace('name: cart', 'name: invalid component').replace('metadata:\n', 'metadata:\n  namespace: Shop_1\n');
    expect(readAll(text, file)[0]).toMatchObject({
      kind: 'invalid',
      problems: [
        {
          path: 'metadata.name',
          problem:
            'must be a Backstage entity name: 1 to 63 letters, digits, "-", "_" or ".", starting and ending with a letter or digit (got "invalid component")',
          range: range(7, 9, 7, 26),
        },
        {
          path: 'metadata.namespace',
          problem: 'must be a Backstage namespace: 1 to 63 lowercase letters, digits and "-", starting and ending with a letter or digit (got "Shop_1")',
          range: range(6, 14, 6, 20),
        },
      ],
    });
    expect(readAll(component(header).replace('name: cart', `name: ${'a'.repeat(64)}`), file)[0]?.kind).toBe('invalid');
    expect(readAll(component(header).replace('name: cart', `name: Cart_Service.v2`), file)[0]?.kind).toBe('service');
  });

  it('resolves aliases and merge keys in every field it reads', () => {
    const text = [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      '  name: &name recommender',
      '  defaults: &defaults',
      '    svc-lint.dev/workload: ml-serving',
      '    svc-lint.dev/peak-rps: "800"',
      '  annotations:',
      '    <<: *defaults',
      '    svc-lint.dev/language: &language python',
      '    svc-lint.dev/team-languages: *language',
      '    svc-lint.dev/peak-rps: "900"',
      'spec:',
      '  type: service',
      '  dependsOn: [&cart component:cart, *cart]',
    ].join('\n');
    const [result] = readAll(text, file);
    expect(result?.kind).toBe('service');
    if (result?.kind !== 'service') return;
    const { service, problems, repeated } = result;
    expect(problems).toEqual([]);
    expect([service.name, service.language, service.workload, service.peakRps, service.teamLanguages]).toEqual([
      'recommender',
      'python',
      'ml-serving',
      900,
      ['python'],
    ]);
    // The alias is reported where it is used; the second entry repeats the first.
    expect(service.locations.teamLanguages).toEqual(range(11, 34, 11, 43));
    expect(service.dependsOn.map((dependency) => dependency.service)).toEqual(['cart']);
    expect(repeated).toEqual([{ service: 'cart', range: range(15, 37, 15, 42), first: range(15, 21, 15, 35) }]);
  });

  it('counts one call per component, whatever the case and however the ref is written', () => {
    const text = component(header, '').replace(
      'spec:\n  type: service',
      'spec:\n  type: service\n  dependsOn:\n    - component:recommender\n    - Component:default/Recommender\n    - component:payments/ledger\n    - component:Payments/LEDGER',
    );
    const [result] = readAll(text, file);
    expect(result?.kind === 'service' && result.service.dependsOn.map((dependency) => dependency.service)).toEqual([
      'recommender',
      'payments/ledger',
    ]);
    expect(result?.kind === 'service' && result.repeated.map((entry) => [entry.service, entry.range.line, entry.first.line])).toEqual([
      ['recommender', 7, 6],
      ['payments/ledger', 9, 8],
    ]);
  });

  it('rejects async-deps entries of another kind', () => {
    const [result] = readAll(component(header, '    svc-lint.dev/async-deps: resource:queue'), file);
    expect(result).toMatchObject({
      kind: 'service',
      problems: [
        {
          path: 'metadata.annotations.svc-lint.dev/async-deps',
          problem: 'must list components from spec.dependsOn, got "resource:queue"',
          range: range(10, 30, 10, 44),
        },
      ],
    });
  });
});

describe('isBackstageDocument', () => {
  it.each([
    ['apiVersion: backstage.io/v1alpha1\nkind: Group', true],
    ['apiVersion: backstage.io/v1beta2\nkind: Template', true],
    ['apiVersion: svc-lint/v1\nkind: Service', false],
    ['apiVersion: 1\nkind: Component', false],
    ['- backstage.io/v1alpha1', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(isBackstageDocument(parseDocument(text))).toBe(expected);
  });
});
