import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { documentOwner } from './ownership.js';

function ownerOf(text: string) {
  const [doc] = parseAllDocuments(text);
  return documentOwner(doc!, text);
}

describe('documentOwner', () => {
  it.each([
    ['a manifest', 'apiVersion: svc-lint/v1\nkind: Service\n', { owner: 'svc-lint' }],
    ['a Kubernetes object', 'apiVersion: apps/v1\nkind: Deployment\n', { owner: 'foreign', reason: "another tool's document (apiVersion: apps/v1, kind: Deployment)" }],
    ['a scaffolder Template', 'apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\n', { owner: 'foreign', reason: "another tool's document (apiVersion: scaffolder.backstage.io/v1beta3, kind: Template)" }],
    ['a Backstage entity without annotations', 'apiVersion: backstage.io/v1alpha1\nkind: Group\n', { owner: 'backstage', optsIn: false }],
    ['a document without an apiVersion', 'kind: Service\nspec: {}\n', { owner: 'unmarked' }],
    ['a docker-compose file', 'services:\n  web:\n    image: nginx\n', { owner: 'unmarked' }],
  ])('%s', (_case, text, expected) => {
    expect(ownerOf(text)).toEqual(expected);
  });

  it('reads apiVersion and kind from the lines of a document the parser cannot read', () => {
    const helm = '{{- if .Values.enabled }}\napiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n{{- end }}\n';
    expect(ownerOf(helm)).toEqual({ owner: 'foreign', reason: "another tool's document (apiVersion: v1, kind: Service)" });
    const broken = 'apiVersion: svc-lint/v1\nkind: Service\nmetadata:\n\tname: x\n';
    expect(ownerOf(broken)).toEqual({ owner: 'svc-lint' });
  });

  it('tells templates apart by their tags, and ignores tags in comments', () => {
    const nunjucks = 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: x\n  {%- if values.description %}\n  description: d\n  {%- endif %}\n';
    expect(ownerOf(nunjucks)).toEqual({ owner: 'backstage', optsIn: false, template: 'a Jinja or Nunjucks template ({% … %})' });
    const skeleton = 'apiVersion: svc-lint/v1\nkind: Service\nmetadata:\n  name: ${{ values.name }}\n';
    expect(ownerOf(skeleton)).toEqual({ owner: 'svc-lint', template: 'a Backstage scaffolder template (${{ … }})' });
    const templatedApiVersion = 'apiVersion: {{ include "chart.apiVersion" . }}\nkind: Ingress\n';
    expect(ownerOf(templatedApiVersion)).toEqual({ owner: 'foreign', reason: 'a Helm or Go template ({{ … }})' });
    const described = 'apiVersion: svc-lint/v1\nkind: Service\nmetadata:\n  name: x\n  description: renders {{ name }} pages\n';
    expect(ownerOf(described)).toEqual({ owner: 'svc-lint' });
    const quotedSkeleton = 'apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: "${{ values.name }}"\n';
    expect(ownerOf(quotedSkeleton)).toEqual({ owner: 'backstage', optsIn: false, template: 'a Backstage scaffolder template (${{ … }})' });
    const quotedHelm = "apiVersion: svc-lint/v1\nkind: Service\nmetadata:\n  name: '{{ .Values.name }}'\n";
    expect(ownerOf(quotedHelm)).toEqual({ owner: 'svc-lint', template: 'a Helm or Go template ({{ … }})' });
    const quotedDescription = 'apiVersion: svc-lint/v1\nkind: Service\nmetadata:\n  name: x\n  description: "{{ name }} pages"\n';
    expect(ownerOf(quotedDescription)).toEqual({ owner: 'svc-lint' });
    const commented = '# {{ not a template }}\nkind: Service\nspec: [\n';
    expect(ownerOf(commented)).toEqual({ owner: 'unmarked' });
  });

  it('sees the svc-lint annotations of a Backstage entity, also one the parser cannot read', () => {
    expect(ownerOf('apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  annotations:\n    svc-lint.dev/language: go\n')).toEqual({
      owner: 'backstage',
      optsIn: true,
    });
    expect(ownerOf('apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  annotations:\n\tsvc-lint.dev/language: go\n')).toEqual({
      owner: 'backstage',
      optsIn: true,
    });
  });
});
