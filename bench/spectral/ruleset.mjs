import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const projectSchemaPath = join(here, '..', '..', 'schemas', 'service.schema.json');
const benchSchemaPath = join(here, 'service.schema.json');
const SCHEMA_PLACEHOLDER = './service.schema.json';

/** The project's own manifest schema once it exists, so both tools check exactly the same thing. */
export function manifestSchemaPath() {
  return existsSync(projectSchemaPath) ? projectSchemaPath : benchSchemaPath;
}

/**
 * Writes the ruleset Spectral runs with, the manifest schema inlined.
 * Spectral 6 does not follow a `$ref` to a file from inside `functionOptions` (the rule silently
 * reports nothing), so the ruleset in this folder names the schema and this function inlines it.
 */
export function writeSpectralRuleset(outputDir) {
  const schemaPath = manifestSchemaPath();
  const schema = inlineLocalRefs(JSON.parse(readFileSync(schemaPath, 'utf8')));
  const ruleset = parse(readFileSync(join(here, '.spectral.yaml'), 'utf8'));
  const rulesetPath = join(outputDir, '.spectral.yaml');
  writeFileSync(rulesetPath, stringify(replacePlaceholder(ruleset, schema)));
  return { rulesetPath, schemaPath };
}

function replacePlaceholder(value, schema) {
  if (Array.isArray(value)) return value.map((item) => replacePlaceholder(item, schema));
  if (value === null || typeof value !== 'object') return value;
  if (value.$ref === SCHEMA_PLACEHOLDER) return schema;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replacePlaceholder(item, schema)]));
}

/** Spectral would resolve `#/...` against the ruleset, not the schema, so local refs are expanded here. */
export function inlineLocalRefs(schema) {
  const expand = (value, trail) => {
    if (Array.isArray(value)) return value.map((item) => expand(item, trail));
    if (value === null || typeof value !== 'object') return value;
    if (typeof value.$ref === 'string' && value.$ref.startsWith('#')) {
      if (trail.includes(value.$ref)) throw new Error(`The manifest schema refers to itself through ${value.$ref}; the benchmark cannot inline it for Spectral.`);
      const { $ref, ...siblings } = value;
      const target = expand(resolvePointer(schema, $ref), [...trail, $ref]);
      return Object.keys(siblings).length === 0 ? target : { allOf: [target, expand(siblings, trail)] };
    }
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== '$defs' && key !== 'definitions' && key !== '$id')
        .map(([key, item]) => [key, expand(item, trail)]),
    );
  };
  return expand(schema, []);
}

function resolvePointer(root, ref) {
  const segments = ref.slice(1).split('/').filter(Boolean).map((segment) => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = root;
  for (const segment of segments) {
    if (node === null || typeof node !== 'object' || !(segment in node)) throw new Error(`Cannot resolve ${ref} in the manifest schema.`);
    node = node[segment];
  }
  return node;
}
