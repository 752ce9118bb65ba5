import { describe, expect, it } from 'vitest';
import { parseDeployment, parseP99Ms, parsePeakRps, parseWorkload, splitList } from './annotations.js';
import { parseTeamLanguages } from './team-languages.js';
import { testLanguages } from '../../../test/support/backstage-languages.js';

describe('annotation value parsers', () => {
  it.each([
    ['1200', 1200],
    [' 0 ', 0],
    ['12.5', 12.5],
    ['.5', 0.5],
  ])('peak-rps %j is %d', (text, value) => {
    expect(parsePeakRps(text)).toEqual({ ok: true, value });
  });

  it.each(['fast', '-5', '1e3', '', '1,200', '0x10'])('peak-rps %j is rejected', (text) => {
    expect(parsePeakRps(text)).toEqual({ ok: false, problem: `must be a number >= 0, got ${JSON.stringify(text)}` });
  });

  it('peak-rps is capped like the native field: at most 1e12, never Infinity', () => {
    expect(parsePeakRps('1000000000000')).toEqual({ ok: true, value: 1e12 });
    const huge = `1${'0'.repeat(400)}`;
    expect(Number(huge)).toBe(Number.POSITIVE_INFINITY);
    expect(parsePeakRps(huge)).toEqual({ ok: false, problem: `must be at most 1,000,000,000,000, got "${huge}"` });
    expect(parsePeakRps('1000000000000.5')).toEqual({ ok: false, problem: 'must be at most 1,000,000,000,000, got "1000000000000.5"' });
  });

  it('p99-ms is capped at a day, as in native manifests', () => {
    expect(parseP99Ms('86400000')).toEqual({ ok: true, value: 86_400_000 });
    expect(parseP99Ms(`9${'9'.repeat(400)}`)).toMatchObject({ ok: false, problem: expect.stringMatching(/^must be at most 86,400,000, got "9+"$/) });
  });

  it('p99-ms must be positive', () => {
    expect(parseP99Ms('4.5')).toEqual({ ok: true, value: 4.5 });
    expect(parseP99Ms('0')).toEqual({ ok: false, problem: 'must be a number of milliseconds > 0, got "0"' });
    expect(parseP99Ms('5ms')).toEqual({ ok: false, problem: 'must be a number of milliseconds > 0, got "5ms"' });
  });

  it('workload and deployment accept only their listed values', () => {
    expect(parseWorkload(' ml-serving ')).toEqual({ ok: true, value: 'ml-serving' });
    expect(parseWorkload('API')).toEqual({
      ok: false,
      problem: 'must be one of api, ml-serving, etl, data-processing, infrastructure, worker, prototype, got "API" (did you mean api?)',
    });
    expect(parseDeployment('edge')).toEqual({ ok: true, value: 'edge' });
    expect(parseDeployment('k8s')).toEqual({
      ok: false,
      problem: 'must be one of container, vm, serverless, edge, got "k8s"',
    });
  });

  it('splits comma-separated lists and drops empty items', () => {
    expect(splitList(' go, python ,,rust ')).toEqual(['go', 'python', 'rust']);
  });

  it('resolves team languages through aliases and drops duplicates', () => {
    expect(parseTeamLanguages('Golang, go, py, kotlin', testLanguages)).toEqual({
      ok: true,
      value: ['go', 'python', 'kotlin'],
    });
    expect(parseTeamLanguages(' , ', testLanguages)).toEqual({
      ok: false,
      problem: 'must list languages separated by commas, e.g. "go, python", got " , "',
    });
  });
});
