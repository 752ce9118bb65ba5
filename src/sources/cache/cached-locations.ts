import type { Range, Service, ServiceField } from '../../types.js';

/**
 * Where each field of the services of a manifest was read, as the cache keeps it: per service, one range per field in
 * this order (empty when the field is absent), `l,c,el,ec`, joined by `;`; services joined by `|`. A third of the
 * size of the same ranges in JSON.
 */
const locationFields = [
  'document',
  'name',
  'language',
  'workload',
  'peakRps',
  'p99Ms',
  'deploymentTarget',
  'teamLanguages',
  'dependsOn',
] as const satisfies readonly ServiceField[];
// Every field a finding can point at has its place: a field added to ServiceField and not here fails to compile.
const everyField: Exclude<ServiceField, (typeof locationFields)[number]> extends never ? true : never = true;
void everyField;

type Locations = Service['locations'];

export function encodeLocations(services: readonly Pick<Service, 'locations'>[]): string {
  return services
    .map(({ locations }) =>
      locationFields
        .map((field) => {
          const at = locations[field];
          return at ? `${at.line},${at.column},${at.endLine},${at.endColumn}` : '';
        })
        .join(';'),
    )
    .join('|');
}

// A position is a positive safe integer: at most 15 digits.
const position = '[1-9]\\d{0,14}';
const range = `${position},${position},${position},${position}`;
const oneService = `${range}(?:;(?:${range})?){${locationFields.length - 1}}`;
const locationsPattern = new RegExp(`^(?:${oneService}(?:\\|${oneService})*)?$`);

/** Whether `text` holds the ranges of `services` services, each with its document's, every position valid. */
export function areLocations(text: string, services: number): boolean {
  if (!locationsPattern.test(text)) return false;
  let encoded = text === '' ? 0 : 1;
  for (let at = text.indexOf('|'); at !== -1; at = text.indexOf('|', at + 1)) encoded++;
  return encoded === services;
}

/** One service's ranges: checked text becomes JSON (a list of ranges, each a list of numbers), which Node reads natively. */
function decodeOne(text: string): Locations {
  const ranges = JSON.parse(`[[${text.replaceAll(';', '],[')}]]`) as number[][];
  const locations: Partial<Record<ServiceField, Range>> = {};
  ranges.forEach((numbers, index) => {
    if (numbers.length === 4) locations[locationFields[index]!] = { line: numbers[0]!, column: numbers[1]!, endLine: numbers[2]!, endColumn: numbers[3]! };
  });
  return locations as Locations;
}

/**
 * One service's locations as the cache keeps them (checked by `areLocations`), decoded when a field is first read:
 * most services of a workspace are never reported at, and then never cost their ranges.
 */
class EncodedLocations {
  #encoded: string;
  #decoded: Locations | undefined;

  constructor(encoded: string) {
    this.#encoded = encoded;
  }

  decoded(): Locations {
    return (this.#decoded ??= decodeOne(this.#encoded));
  }

  toJSON(): Locations {
    return this.decoded();
  }
}
interface EncodedLocations extends Locations {}
for (const field of locationFields) {
  Object.defineProperty(EncodedLocations.prototype, field, {
    get(this: EncodedLocations) {
      return this.decoded()[field];
    },
  });
}

/** The locations of each of the services `text` encodes, decoded when read. */
export function encodedLocations(text: string): Locations[] {
  return text === '' ? [] : text.split('|').map((encoded) => new EncodedLocations(encoded));
}
