// Writes the source of the modules that stand in for src/schema/validators.ts and src/ruleset/shipped.ts in the
// bundled CLI. It runs after tsc, from dist/, so the data and schemas come out exactly as the runtime loaders
// would produce them.
import standaloneCode from 'ajv/dist/standalone/index.js';

const dist = new URL('../dist/', import.meta.url);
const load = (path) => import(new URL(path, dist).href);

/** The built-in rules and language profiles, read and schema-checked now, embedded as JSON. */
export async function shippedModule() {
  const { loadShippedRules, loadShippedLanguages } = await load('ruleset/shipped.js');
  const rules = JSON.stringify(JSON.stringify(loadShippedRules()));
  const languages = JSON.stringify(JSON.stringify(loadShippedLanguages()));
  // JSON.parse of a string literal is the quickest way for V8 to build the data, and every call gets its own copy.
  return [
    `const rules = ${rules};`,
    `const languages = ${languages};`,
    'export function loadShippedRules() { return JSON.parse(rules); }',
    'export function loadShippedLanguages() { return JSON.parse(languages); }',
    '',
  ].join('\n');
}

/** Every params schema the bundle can meet, by the key the resolver asks for. */
async function paramsSchemas() {
  const { templates } = await load('ruleset/templates/index.js');
  const { loadShippedRules } = await load('ruleset/shipped.js');
  const { engineRuleShape, paramsSchemaKey } = await load('ruleset/resolve.js');
  const schemas = new Map();
  for (const template of templates) schemas.set(paramsSchemaKey({ id: template.key }, template), template.paramsSchema);
  for (const declaration of loadShippedRules()) {
    const shape = engineRuleShape(declaration);
    if (shape) schemas.set(paramsSchemaKey(declaration, shape), shape.paramsSchema);
  }
  return schemas;
}

/** Ajv standalone code for the four schemas and every params schema, with the runtime's Ajv options. */
export async function validatorsModule() {
  const { ajvOptions, createAjv, schemaFiles, schemaId } = await load('schema/validators.js');
  const ajv = createAjv({ code: { source: true, esm: true } });
  const exportsByName = {};
  const schemaExports = [];
  const schemaIds = {};
  for (const name of Object.keys(schemaFiles)) {
    schemaIds[name] = schemaId(name);
    exportsByName[`schema_${name}`] = schemaId(name);
    schemaExports.push(`${JSON.stringify(name)}: schema_${name}`);
  }
  const paramsExports = [];
  // Several rules share one schema; standalone code must declare its validator once.
  const exportNameBySchema = new Map();
  for (const [key, schema] of await paramsSchemas()) {
    const text = JSON.stringify(schema);
    let exportName = exportNameBySchema.get(text);
    if (!exportName) {
      exportName = `params_${exportNameBySchema.size}`;
      exportNameBySchema.set(text, exportName);
      ajv.addSchema(JSON.parse(text), `svc-lint:params:${exportName}`);
      exportsByName[exportName] = `svc-lint:params:${exportName}`;
    }
    paramsExports.push(`${JSON.stringify(key)}: ${exportName}`);
  }
  const standalone = standaloneCode(ajv, exportsByName);
  const runtime = [
    "import { createRequire } from 'node:module';",
    `const schemaIds = ${JSON.stringify(schemaIds)};`,
    `const validators = { ${schemaExports.join(', ')} };`,
    `const paramsValidators = { ${paramsExports.join(', ')} };`,
    'export function schemaId(name) { return schemaIds[name]; }',
    'export function validator(name) { return validators[name]; }',
    // A key the build did not see: compile at run time, as the unbundled library does.
    'let fallbackAjv;',
    'export function paramsValidator(key, schema) {',
    '  if (Object.hasOwn(paramsValidators, key)) return paramsValidators[key];',
    "  const { Ajv } = createRequire(import.meta.url)('ajv');",
    `  fallbackAjv ??= new Ajv(${JSON.stringify(ajvOptions)});`,
    '  paramsValidators[key] = fallbackAjv.compile(schema);',
    '  return paramsValidators[key];',
    '}',
    '',
  ].join('\n');
  return `${standalone}\n${runtime}`;
}
