import { isMap, isScalar, type Document } from 'yaml';
import { isBackstageApiVersion, optsIn } from '../backstage/entity.js';

/**
 * Whose a YAML document is, decided from what it says about itself (`apiVersion`, `kind`, template tags) before
 * anything judges it. Nothing here parses: it reads the parsed document, or for a document the parser could not
 * read, the document's own lines.
 */
export type DocumentOwner =
  /** `apiVersion: svc-lint/…`. */
  | { owner: 'svc-lint'; template?: string }
  /** `apiVersion: backstage.io/…`, with or without svc-lint annotations. */
  | { owner: 'backstage'; optsIn: boolean; template?: string }
  /** No apiVersion that names a tool: judged in a file that is svc-lint's, skipped in one a search found. */
  | { owner: 'unmarked' }
  /** Clearly another tool's: another apiVersion group, or a template without an apiVersion. */
  | { owner: 'foreign'; reason: string };

/** Template tags, the most specific first: a Backstage scaffolder `${{ }}` is also a `{{ }}`. */
const templateTags: readonly { tag: string; name: string }[] = [
  { tag: '${{', name: 'a Backstage scaffolder template (${{ … }})' },
  { tag: '{%', name: 'a Jinja or Nunjucks template ({% … %})' },
  { tag: '{{', name: 'a Helm or Go template ({{ … }})' },
];

function templateIn(text: string): string | undefined {
  return templateTags.find(({ tag }) => text.includes(tag))?.name;
}

/** A template tag where YAML would read a value or a key: at the start of a line, after `key:` or after `- `. */
const tagInPlace = /(?:^|:[ \t]+|-[ \t]+)[ \t]*(\$\{\{|\{%|\{\{)/m;

/**
 * The template a document is, judged from its text: any tag when the parser could not read it, a tag standing where a
 * value or a key would (`name: {{ .Release.Name }}`, `  {%- if … %}`) or a templated `metadata.name` when it could. A tag inside a sentence
 * (`description: renders {{ name }} pages`) or a comment does not make a template.
 */
function templateOf(doc: Document, span: string, readable: boolean): string | undefined {
  if (!span.includes('{{') && !span.includes('{%')) return undefined;
  const lines = withoutCommentLines(span);
  if (!readable) return templateIn(lines);
  const tag = tagInPlace.exec(lines)?.[1];
  if (tag !== undefined) return templateIn(tag);
  // A templated name, quoted or not (`name: "${{ values.name }}"`), names no service yet.
  const name = metadataName(doc);
  return name === undefined ? undefined : templateIn(name);
}

function metadataName(doc: Document): string | undefined {
  const name = doc.getIn(['metadata', 'name']);
  return typeof name === 'string' ? name : undefined;
}

/** The text without comment lines, which may mention template tags without being templates. */
function withoutCommentLines(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');
}

function topLevelText(doc: Document, key: string): string | undefined {
  if (!isMap(doc.contents)) return undefined;
  const pair = doc.contents.items.find((item) => isScalar(item.key) && item.key.value === key);
  const value = isScalar(pair?.value) ? pair.value.value : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** `apiVersion:` and `kind:` at the start of a line, as written: for a document the parser could not read. */
function sniffedText(lines: string, key: string): string | undefined {
  const match = new RegExp(`^${key}:[ \\t]*["']?([^"'\\s#]+)`, 'm').exec(lines);
  return match?.[1];
}

/**
 * Whose `doc` is; `span` is its text. A template (see `templateOf`) is the skeleton of a manifest, not a manifest.
 */
export function documentOwner(doc: Document, span: string): DocumentOwner {
  const readable = doc.errors.length === 0;
  const written = readable ? topLevelText(doc, 'apiVersion') : sniffedText(span, 'apiVersion');
  // A templated apiVersion (`apiVersion: {{ include "chart.apiVersion" . }}`) names no tool yet: the template decides.
  const apiVersion = written === undefined || written.startsWith('{') || templateIn(written) !== undefined ? undefined : written;
  const kind = readable ? topLevelText(doc, 'kind') : sniffedText(span, 'kind');
  const template = templateOf(doc, span, readable);
  const templated = template === undefined ? {} : { template };

  if (apiVersion?.startsWith('svc-lint/')) return { owner: 'svc-lint', ...templated };
  if (isBackstageApiVersion(apiVersion)) {
    return { owner: 'backstage', optsIn: readable ? optsIn(doc) : span.includes('svc-lint.dev/'), ...templated };
  }
  if (apiVersion !== undefined) {
    return { owner: 'foreign', reason: `another tool's document (apiVersion: ${apiVersion}${kind === undefined ? '' : `, kind: ${kind}`})` };
  }
  if (template !== undefined) return { owner: 'foreign', reason: template };
  return { owner: 'unmarked' };
}
