import { describe, expect, it } from 'vitest';
import { renderFindings, usedDataOf, withUsedData } from './render.js';
import { placeholdersOf } from '../ruleset/messages.js';
import type { RawFinding, ResolvedRule } from '../types.js';

const rule: ResolvedRule = {
  id: 'nested-sections',
  severity: 'warning',
  description: 'A rule whose message nests sections.',
  rationale: '',
  remediation: '',
  template: 'engine',
  params: {},
  messages: {
    default:
      '{{service}} runs {{language}}{{#peakRps}} at {{peakRps}} req/s{{#callers}} from {{callers}} {{callers:caller|callers}}{{/callers}}{{#urgent}}, urgently{{/urgent}}{{/peakRps}}{{^peakRps}} with no peak{{/peakRps}}.',
  },
  source: 'test',
  enabled: true,
};

const finding = (data: RawFinding['data']): RawFinding => ({
  ruleId: rule.id,
  messageId: 'default',
  data,
  file: 'api.yaml',
  range: { line: 1, column: 1, endLine: 1, endColumn: 2 },
  service: 'api',
});

describe('the data a message uses', () => {
  it('lists the keys of sections nested in other sections', () => {
    expect(new Set(placeholdersOf(rule.messages.default!))).toEqual(new Set(['service', 'language', 'peakRps', 'callers', 'urgent']));
  });

  it('renders the same findings from the data its message uses as from all of it', () => {
    const raw = [
      finding({ service: 'api', language: 'Python', peakRps: 20_000, callers: 2, urgent: 'yes', languageRps: 12_500, extra: 'unused' }),
      finding({ service: 'api', language: 'Python', peakRps: 20_000, callers: 1 }),
      finding({ service: 'api', language: 'Python', callers: 3 }),
    ];
    const trimmed = withUsedData(raw, [rule]);
    expect(trimmed[0]!.data).toEqual({ service: 'api', language: 'Python', peakRps: 20_000, callers: 2, urgent: 'yes' });
    expect(renderFindings(trimmed, [rule])).toEqual(renderFindings(raw, [rule]));
    expect(renderFindings(raw, [rule]).map((rendered) => rendered.message)).toEqual([
      'api runs Python at 20,000 req/s from 1 caller.',
      'api runs Python at 20,000 req/s from 2 callers, urgently.',
      'api runs Python with no peak.',
    ]);
  });
});

describe('the data a finding of a rule keeps', () => {
  it('is what its message uses, and the same object when that is all of it', () => {
    const all = { service: 'api', language: 'Python', peakRps: 20_000, languageRps: 12_500, extra: 'unused' };
    expect(usedDataOf(rule, 'default', all)).toEqual({ service: 'api', language: 'Python', peakRps: 20_000 });
    const used = { service: 'api', language: 'Python', callers: 3 };
    expect(usedDataOf(rule, 'default', used)).toBe(used);
  });
});

describe('a rendered finding', () => {
  const [rendered] = renderFindings([finding({ service: 'api', language: 'Python', peakRps: 20_000, callers: 2 })], [rule]);
  const text = 'api runs Python at 20,000 req/s from 2 callers.';

  it('is read, spread and written as JSON with its message in the fields order reports use', () => {
    expect(rendered!.message).toBe(text);
    expect({ ...rendered }.message).toBe(text);
    expect(Object.keys(rendered!)).toEqual(['ruleId', 'messageId', 'data', 'severity', 'message', 'file', 'service', 'line', 'column', 'endLine', 'endColumn']);
    expect(JSON.parse(JSON.stringify(rendered))).toEqual({
      ruleId: rule.id,
      messageId: 'default',
      data: { service: 'api', language: 'Python', peakRps: 20_000, callers: 2 },
      severity: 'warning',
      message: text,
      file: 'api.yaml',
      service: 'api',
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 2,
    });
  });

  it('keeps no message text: it is rendered from the template each time it is read', () => {
    const kept = Reflect.ownKeys(rendered!).map((key) => Object.getOwnPropertyDescriptor(rendered, key)!);
    expect(kept.filter((descriptor) => descriptor.value === text)).toEqual([]);
    rendered!.data.callers = 1;
    expect(rendered!.message).toBe('api runs Python at 20,000 req/s from 1 caller.');
  });
});
