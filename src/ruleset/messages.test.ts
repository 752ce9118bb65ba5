import { describe, expect, it } from 'vitest';
import { renderMessage } from './messages.js';

const template = '{{service}}{{#peakRps}} takes {{peakRps}} req/s from {{callers}} {{callers:caller|callers}}{{/peakRps}}{{^peakRps}} has no peak{{/peakRps}}; {{unknown}}.';

describe('renderMessage', () => {
  it('renders one template with its sections kept and dropped in turn, each time from the data given', () => {
    expect(renderMessage(template, { service: 'api', peakRps: 12_500, callers: 1 })).toBe('api takes 12,500 req/s from 1 caller; {{unknown}}.');
    expect(renderMessage(template, { service: 'web' })).toBe('web has no peak; {{unknown}}.');
    expect(renderMessage(template, { service: 'db', peakRps: 0.5, callers: 3, unknown: 'x' })).toBe('db takes 0.5 req/s from 3 callers; x.');
    expect(renderMessage(template, { service: 'cron' })).toBe('cron has no peak; {{unknown}}.');
  });

  it('keeps text with no placeholder as it is, and a placeholder at either end', () => {
    expect(renderMessage('no figures here', { service: 'api' })).toBe('no figures here');
    expect(renderMessage('{{a}} and {{b}}', { a: 1_000, b: 'two' })).toBe('1,000 and two');
    expect(renderMessage('', {})).toBe('');
  });

  it('resolves a section nested in another once the outer one is kept', () => {
    const nested = '{{#a}}A{{#b}}B{{b}}{{/b}}{{/a}}{{^a}}none{{/a}}';
    expect(renderMessage(nested, { a: 1, b: 2 })).toBe('AB2');
    expect(renderMessage(nested, { a: 1 })).toBe('A');
    expect(renderMessage(nested, { b: 2 })).toBe('none');
  });
});
