import type { ErrorObject } from 'ajv';
import { closeMatchOptions, didYouMean, nameIndex, suggestionOf, type NameIndex } from '../text/closest.js';
import type { YamlPath } from '../yaml/locate.js';

export interface SchemaProblem {
  /** Where the problem is in the document. */
  path: YamlPath;
  /** Point at the key at `path` (unknown or missing properties) rather than its value. */
  target: 'key' | 'value';
  /** `spec.traffic.peakRps`, `spec.dependsOn[0].call`. */
  displayPath: string;
  /** What is wrong, e.g. `must be a number (got "lots")`. */
  problem: string;
}

export function parseInstancePath(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((step) => (/^(0|[1-9]\d*)$/.test(step) ? Number(step) : step));
}

export function yamlPathText(path: YamlPath): string {
  let text = '';
  for (const step of path) {
    if (typeof step === 'number') text += `[${step}]`;
    else text += text === '' ? step : `.${step}`;
  }
  return text === '' ? '(document)' : text;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

function typeName(type: unknown): string {
  const names: Record<string, string> = {
    object: 'a mapping',
    array: 'a list',
    string: 'a string',
    number: 'a number',
    integer: 'an integer',
    boolean: 'true or false',
    null: 'null',
  };
  const list = Array.isArray(type) ? type : [type];
  return list.map((name) => names[String(name)] ?? String(name)).join(' or ');
}

function listOf(values: unknown): string {
  return (Array.isArray(values) ? values : [values]).map((value) => String(value)).join(', ');
}

/** " (did you mean …?)" when a string value is a near miss of the values the schema allows. */
function closeValue(error: ErrorObject, allowed: unknown): string {
  const candidates = (Array.isArray(allowed) ? allowed : [allowed]).filter((value): value is string => typeof value === 'string');
  return typeof error.data === 'string' ? didYouMean(error.data, candidates) : '';
}

function describeOne(error: ErrorObject): string {
  const got = `(got ${describeValue(error.data)})`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return `must be ${typeName(params.type)} ${got}`;
    case 'enum':
      return `must be one of ${listOf(params.allowedValues)} ${got}${closeValue(error, params.allowedValues)}`;
    case 'const':
      return `must be ${JSON.stringify(params.allowedValue)} ${got}${closeValue(error, params.allowedValue)}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `must be ${String(params.comparison)} ${String(params.limit)} ${got}`;
    case 'pattern': {
      const description = (error.parentSchema as { description?: string } | undefined)?.description;
      return description ? `is not valid ${got}: ${description}` : `must match ${String(params.pattern)} ${got}`;
    }
    case 'minLength':
      return Number(params.limit) === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters`;
    case 'maxLength':
      return `must be at most ${String(params.limit)} characters`;
    case 'minItems':
      return `must have at least ${String(params.limit)} items`;
    case 'maxItems':
      return `must have at most ${String(params.limit)} items`;
    case 'uniqueItems':
      return `must not repeat items (items ${String(params.j)} and ${String(params.i)} are the same)`;
    case 'minProperties':
      return `must have at least ${String(params.limit)} entries`;
    default:
      return error.message ?? 'is not valid';
  }
}

/** How deep into the value an error points; an unknown property names a key one level below its object. */
function depthOf(error: ErrorObject): number {
  const depth = parseInstancePath(error.instancePath).length;
  return error.keyword === 'additionalProperties' ? depth + 1 : depth;
}

const propertyIndexes = new WeakMap<object, { closest(name: string): string[] }>();
const noProperties = { closest: () => [] };

/** The properties a schema object knows, indexed once for the near misses of every unknown key it meets. */
function propertyIndexOf(schema: unknown): { closest(name: string): string[] } {
  const properties = (schema as { properties?: object } | undefined)?.properties;
  if (!properties) return noProperties;
  let index = propertyIndexes.get(properties);
  if (!index) {
    const names: NameIndex = nameIndex(Object.keys(properties));
    index = { closest: (name) => names.closest(name, closeMatchOptions(name)) };
    propertyIndexes.set(properties, index);
  }
  return index;
}

function isInside(error: ErrorObject, branchRoot: ErrorObject): boolean {
  return error !== branchRoot && error.schemaPath.startsWith(`${branchRoot.schemaPath}/`);
}

/**
 * Turns ajv's errors into one problem per place. For `anyOf`, the errors of a branch that got deeper into the value
 * win (they say what is wrong inside it); otherwise the alternatives are listed together.
 */
export function describeSchemaErrors(errors: readonly ErrorObject[]): SchemaProblem[] {
  const dropped = new Set<ErrorObject>();
  const replaced = new Map<ErrorObject, string>();
  for (const error of errors) {
    if (error.keyword !== 'anyOf' && error.keyword !== 'oneOf') continue;
    const branchErrors = errors.filter((other) => isInside(other, error));
    const deeper = branchErrors.filter((other) => depthOf(other) > depthOf(error));
    if (deeper.length > 0) {
      dropped.add(error);
      for (const other of branchErrors) if (!deeper.includes(other)) dropped.add(other);
    } else {
      for (const other of branchErrors) dropped.add(other);
      const alternatives = [...new Set(branchErrors.map((other) => describeOne(other).replace(/ \(got .*$/, '')))];
      const allowed = branchErrors.flatMap((other) => (other.keyword === 'enum' ? (other.params as { allowedValues: unknown[] }).allowedValues : []));
      replaced.set(error, `${alternatives.join(', or ')} (got ${describeValue(error.data)})${closeValue(error, allowed)}`);
    }
  }
  // A misspelt key is reported once, at the key, with the property it stands for; not also as that property missing.
  // Indexed once, so that thousands of unknown keys in one mapping cost one lookup each.
  const requiredAt = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    if (error.keyword !== 'required') continue;
    const list = requiredAt.get(error.instancePath);
    if (list) list.push(error);
    else requiredAt.set(error.instancePath, [error]);
  }
  const misspelt = new Map<ErrorObject, string[]>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties' || dropped.has(error)) continue;
    const close = propertyIndexOf(error.parentSchema).closest(String((error.params as { additionalProperty: unknown }).additionalProperty));
    misspelt.set(error, close);
    for (const other of requiredAt.get(error.instancePath) ?? []) {
      const missing = String((other.params as { missingProperty?: unknown }).missingProperty);
      if (close.includes(missing)) {
        dropped.add(other);
        misspelt.set(error, [missing]);
      }
    }
  }

  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (dropped.has(error)) continue;
    const base = parseInstancePath(error.instancePath);
    const params = error.params as Record<string, unknown>;
    let problem: SchemaProblem;
    if (error.keyword === 'required') {
      problem = {
        path: base,
        target: 'key',
        displayPath: yamlPathText(base),
        problem: `is missing the required property "${String(params.missingProperty)}"`,
      };
    } else if (error.keyword === 'additionalProperties') {
      const path = [...base, String(params.additionalProperty)];
      const suggestion = suggestionOf(misspelt.get(error) ?? []);
      problem = { path, target: 'key', displayPath: yamlPathText(path), problem: `is not a known property${suggestion}` };
    } else {
      problem = {
        path: base,
        target: 'value',
        displayPath: yamlPathText(base),
        problem: replaced.get(error) ?? describeOne(error),
      };
    }
    const key = `${problem.displayPath}\u0000${problem.problem}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}
