import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { isBackstageDocument } from './entity.js';
import { range, readAll } from './test-support.js';

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
    ['another apiVersion', 'apiVersion: backstage.io/v2\nkind: Component\nspec:\n  type: service'],
    ['a Kubernetes object', 'apiVersion: v1\nkind: Service\nspec:\n  type: service'],
    ['a System', 'apiVersion: backstage.io/v1alpha1\nkind: System\nspec:\n  type: service'],
    ['a library', 'apiVersion: backstage.io/v1alpha1\nkind: Component\nspec:\n  type: library'],
    ['a component without a type', 'apiVersion: backstage.io/v1alpha1\nkind: Component\nspec: {}'],
    ['a lower-case kind', 'apiVersion: backstage.io/v1alpha1\nkind: component\nspec:\n  type: service'],
  ])('skips %s even with svc-lint annotations', (_label, header) => {
    expect(readAll(component(header), file)).toEqual([{ kind: 'skip' }]);
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
      },
    ]);
  });

  it('reports a missing name at the metadata key', () => {
    const text = `${header}\nmetadata:\n  annotations:\n    svc-lint.dev/language: go\n    svc-lint.dev/workload: api\n`;
    expect(readAll(text, file)).toEqual([
      {
        kind: 'invalid',
        problems: [{ path: 'metadata.name', problem: 'is required: give the component a name', range: range(6, 3, 6, 14) }],
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
