import { describe, expect, it } from 'vitest';
import { areLocations, encodedLocations, encodeLocations } from './cached-locations.js';

const at = (line: number, column: number, endLine = line, endColumn = column + 4) => ({ line, column, endLine, endColumn });
const services = [
  { locations: { document: at(1, 1, 9, 1), name: at(4, 9), language: at(7, 13), dependsOn: at(12, 5, 14, 20) } },
  { locations: { document: at(11, 1) } },
  { locations: { document: at(20, 1), teamLanguages: at(123456789012345, 2) } },
];

describe('cached locations', () => {
  it('give back the ranges they were encoded from, field by field, absent fields undefined', () => {
    const text = encodeLocations(services);
    expect(areLocations(text, 3)).toBe(true);
    const decoded = encodedLocations(text);
    expect(decoded).toHaveLength(3);
    expect(decoded[0]!.language).toEqual(at(7, 13));
    expect(decoded[0]!.dependsOn).toEqual(at(12, 5, 14, 20));
    expect(decoded[1]!.name).toBeUndefined();
    expect(decoded[2]!.teamLanguages).toEqual(at(123456789012345, 2));
    expect(JSON.parse(JSON.stringify(decoded))).toEqual(services.map((service) => service.locations));
    expect(encodedLocations('')).toEqual([]);
    expect(areLocations('', 0)).toBe(true);
  });

  it('are refused for any damage: a count that differs, a missing document, a field too many or too few, a position below 1 or not an integer', () => {
    const text = encodeLocations(services);
    expect(areLocations(text, 2)).toBe(false);
    expect(areLocations(text, 4)).toBe(false);
    expect(areLocations('', 1)).toBe(false);
    for (const damaged of [
      text.replace(/^1,/, '0,'),
      text.replace(/^1,/, '01,'),
      text.replace(/^1,/, '1.5,'),
      text.replace(/^1,/, '-1,'),
      text.replace(/^1,/, ','),
      text.replace(/^1,1,/, '1,'),
      text.replace(/^1,1,9,1/, ''),
      text.replace(/;[^;|]*\|/, '|'),
      text.replace('|', ';|'),
      text.replace(/123456789012345/, '1234567890123456'),
      `${text};`,
      `${text}|`,
      text.replace('|', '||'),
      text.replace('|', ' |'),
      `${text}\n`,
    ]) {
      expect(areLocations(damaged, 3), damaged).toBe(false);
    }
  });
});
