import { describe, expect, it } from 'vitest';
import { escapeCommandData, escapeCommandProperty, formatGithub } from './github.js';
import { buildCleanTestResult, buildTestResult, testContext } from '../../../test/support/result.js';

describe('GitHub workflow command escaping', () => {
  it.each([
    ['100%', '100%25'],
    ['a\r\nb', 'a%0D%0Ab'],
    ['a: b, c', 'a: b, c'],
    ['%0A', '%250A'],
  ])('escapes data %j as %j', (input, expected) => {
    expect(escapeCommandData(input)).toBe(expected);
  });

  it.each([
    ['100%', '100%25'],
    ['a\r\nb', 'a%0D%0Ab'],
    ['a: b, c', 'a%3A b%2C c'],
    ['%3A', '%253A'],
  ])('escapes property %j as %j', (input, expected) => {
    expect(escapeCommandProperty(input)).toBe(expected);
  });
});

describe('formatGithub', () => {
  const result = buildTestResult();
  const lines = formatGithub(result, testContext).split('\n');

  it('prints one command per finding, ending in a newline', () => {
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(result.findings.length);
  });

  it('writes an error annotation with every position property and the rule in the title', () => {
    expect(lines[0]).toBe(
      '::error file=services/checkout.yaml,line=5,col=11,endLine=5,endColumn=16,title=svc-lint hot-path-language::' +
        'checkout peaks at 40,000 req/s: 320%25 of what Python (FastAPI) serves per instance',
    );
  });

  it('escapes line breaks in the message', () => {
    expect(lines[1]).toBe(
      '::error file=services/checkout.yaml,line=16,col=11,endLine=17,endColumn=3,title=svc-lint hot-path-language::' +
        'checkout-worker peaks at 15,000 req/s,%0Aabove the 10,000 req/s line',
    );
    expect(lines[4]).toMatch(/::dependsOn names "fraud", which no manifest declares%0D%0A\(checked 5 services\)$/);
  });

  it('uses warning and notice for the other severities and escapes , and : in properties', () => {
    expect(lines[2]).toMatch(/^::warning file=services\/checkout\.yaml,line=6,/);
    expect(lines[3]).toBe(
      '::notice file=services/odd name%2C v2.yaml,line=3,col=13,endLine=3,endColumn=18,title=svc-lint team-language::' +
        "The team doesn't list go; it knows: python, rust",
    );
  });

  it('splits back into the original properties the way the runner parses a command', () => {
    for (const [index, line] of lines.entries()) {
      const finding = result.findings[index]!;
      const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
      expect(match, line).not.toBeNull();
      const properties = Object.fromEntries(match![2]!.split(',').map((pair) => pair.split('=') as [string, string]));
      const unescape = (text: string) =>
        text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
      expect(unescape(properties.file!)).toBe(finding.file);
      expect(Number(properties.line)).toBe(finding.line);
      expect(Number(properties.col)).toBe(finding.column);
      expect(Number(properties.endLine)).toBe(finding.endLine);
      expect(Number(properties.endColumn)).toBe(finding.endColumn);
      expect(unescape(match![3]!)).toBe(finding.message);
    }
  });

  it('prints nothing when nothing was found', () => {
    expect(formatGithub(buildCleanTestResult(), testContext)).toBe('');
  });
});
