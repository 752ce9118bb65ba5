import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lint } from '../../lint.js';
import { formatJson, formatJsonPieces } from './json.js';
import { buildTestResult, testContext } from '../../../test/support/result.js';

const examples = fileURLToPath(new URL('../../../fixtures/examples', import.meta.url));

describe('formatJson', () => {
  it('comes in a piece per finding and per service, which join into one line of JSON', async () => {
    const result = await lint({ cwd: examples, today: '2026-01-01' });
    const pieces = [...formatJsonPieces(result, testContext)];
    const text = pieces.join('');
    expect(text).toBe(formatJson(result, testContext));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.slice(0, -1)).not.toContain('\n');
    const parsed = JSON.parse(text) as Record<string, unknown[]>;
    expect(`${JSON.stringify(parsed)}\n`).toBe(text);
    expect(Object.keys(parsed)).toEqual(['version', 'findings', 'summary', 'rules', 'services', 'undeclared', 'fleet', 'profiles']);
    expect(parsed.findings).toHaveLength(result.findings.length);
    expect(parsed.services).toHaveLength(result.analysis.capacity().services.length);
    expect(result.findings.length).toBeGreaterThanOrEqual(5);
    // A handful of fixed pieces (head, summary, rules, fleet…) besides one per finding and per service.
    expect(pieces.length).toBeGreaterThanOrEqual(result.findings.length + result.analysis.capacity().services.length);
    expect(pieces.length).toBeLessThanOrEqual(result.findings.length + result.analysis.capacity().services.length + 10);
  });

  it('writes an empty array and the optional keys where they belong', () => {
    const result = { ...buildTestResult(), findings: [], fixed: [] };
    const parsed = JSON.parse(formatJson(result, testContext)) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['version', 'findings', 'summary', 'fixed', 'rules', 'services', 'undeclared', 'fleet', 'profiles']);
    expect(parsed.findings).toEqual([]);
    expect(parsed.services).toEqual([]);
    expect(parsed.rules).toEqual({});
  });
});
