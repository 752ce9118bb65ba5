import { readFileSync } from 'node:fs';
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import { packagePath } from '../package-paths.js';

export const schemaFiles = {
  service: 'service.schema.json',
  config: 'config.schema.json',
  rule: 'rule.schema.json',
  language: 'language.schema.json',
} as const;

export type SchemaName = keyof typeof schemaFiles;

/** The bundled CLI precompiles its validators with these same options, so error objects look alike. */
export const ajvOptions = { allErrors: true, verbose: true, strict: true, strictRequired: false } as const satisfies Options;

/** An Ajv instance that knows svc-lint's four schemas by id. */
export function createAjv(extraOptions: Options = {}): Ajv {
  const ajv = new Ajv({ ...ajvOptions, ...extraOptions });
  for (const file of Object.values(schemaFiles)) {
    ajv.addSchema(JSON.parse(readFileSync(packagePath('schemas', file), 'utf8')) as object);
  }
  return ajv;
}

let ajv: Ajv | undefined;
const compiled = new Map<SchemaName, ValidateFunction>();
const paramsValidators = new Map<string, ValidateFunction>();

function sharedAjv(): Ajv {
  ajv ??= createAjv();
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

/**
 * The validator of a params schema that a template (or an engine-reported rule) declares in code, compiled once
 * per key. `key` names the schema's owner: a template key, or `engine:<rule id>`.
 */
export function paramsValidator(key: string, schema: Record<string, unknown>): ValidateFunction {
  let validate = paramsValidators.get(key);
  if (!validate) {
    validate = sharedAjv().compile(schema);
    paramsValidators.set(key, validate);
  }
  return validate;
}
