import { describe, expect, it } from 'vitest';
import { decodeJudgment, encodeJudgment, type RememberedJudgment } from './remembered-judgment.js';

const judgment: RememberedJudgment = {
  findings: [
    {
      ruleId: 'inherited-hot-path',
      messageId: 'default',
      data: { chain: 'edge (48,500 req/s) → api (×0.5, 24,250 req/s)', note: 'naïve ✓ 𝄞', rps: 24_250 },
      file: 'services/api/service.yaml',
      range: { line: 7, column: 13, endLine: 7, endColumn: 19 },
      service: 'api',
    },
  ],
  traffic: [{ traffic: { declaredRps: 100, effectiveRps: 24_250, inboundRps: 24_250, contributingCalls: 1, chainLength: 2, chainHeadEnd: 0 }, node: 1 }],
  undeclared: [],
  evidenceDirectories: ['/repo/services/api'],
};

describe('a remembered judgment', () => {
  it('is kept as ASCII text, escaping what lies beyond, and reads back to the same values', () => {
    const text = encodeJudgment(judgment);
    expect(text).toMatch(/^[\x20-\x7e]*$/);
    expect(text).toContain('\\u2192');
    expect(decodeJudgment(text, 1)).toEqual(judgment);
  });
});
