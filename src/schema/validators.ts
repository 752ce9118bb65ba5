import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { packagePath } from '../package-paths.js';

const schemaFiles = {
  service: 'service.schema.json',
  config: 'config.schema.json',
  rule: 'rule.schema.json',
  language: 'language.schema.json',
} as const;

export type SchemaName = keyof typeof schemaFiles;

let ajv: Ajv | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();

function sharedAjv(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false });
    for (const file of Object.values(schemaFiles)) {
      ajv.addSchema(JSON.parse(readFileSync(packagePath('schemas', file), 'utf8')) as object);
    }
  }
  return ajv;
}

export function schemaId(name: SchemaName): string {
  return `https://svc-lint.dev/schemas/${schemaFiles[name]}`;
}

/** Each schema is compiled once per process, on first use. */
export function validator(name: SchemaName): ValidateFunction {
  let validate = compiled.get(name);
  if (!validate) {
    validate = sharedAjv().getSchema(schemaId(name));
    if (!validate) throw new Error(`schema ${name} is missing`);
    compiled.set(name, validate);
  }
  return validate;
}

/** For params schemas that templates declare in code. */
export function compileSchema(schema: Record<string, unknown>): ValidateFunction {
  return sharedAjv().compile(schema);
}
