import { describe, expect, it } from 'vitest';
import { formatCompact, toSingleLine } from './compact.js';
import { buildCleanTestResult, buildTestResult, testContext } from '../../../test/support/result.js';

// VS Code's built-in `$eslint-compact` problem matcher (src/vs/workbench/contrib/tasks/common/problemMatcher.ts).
const eslintCompact = /^(.+):\sline\s(\d+),\scol\s(\d+),\s(Error|Warning|Info)\s-\s(.+)\s\((.+)\)$/;

const severityLabels = { error: 'Error', warning: 'Warning', info: 'Info' };

describe('formatCompact', () => {
  const result = buildTestResult();
  const output = formatCompact(result, testContext);
  const lines = output.split('\n');

  it('prints one newline-terminated line per finding and nothing else', () => {
    expect(output.endsWith('\n')).toBe(true);
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(result.findings.length);
  });

  it('gives back file, line, column, severity, message and rule id through the VS Code regex', () => {
    lines.forEach((line, index) => {
      const finding = result.findings[index]!;
      const match = eslintCompact.exec(line);
      expect(match, line).not.toBeNull();
      expect(match!.slice(1)).toEqual([
        finding.file,
        String(finding.line),
        String(finding.column),
        severityLabels[finding.severity],
        toSingleLine(finding.message),
        finding.ruleId,
      ]);
    });
  });

  it('keeps a multi-line message on its line', () => {
    const line = lines.find((l) => l.includes('checkout-worker peaks'));
    expect(line).toBe(
      'services/checkout.yaml: line 16, col 11, Error - checkout-worker peaks at 15,000 req/s, above the 10,000 req/s line (hot-path-language)',
    );
    expect(lines.find((l) => l.startsWith('ml/recommender.yml'))).toBe(
      'ml/recommender.yml: line 9, col 7, Error - dependsOn names "fraud", which no manifest declares (checked 5 services) (unknown-dependency)',
    );
  });

  it('prints nothing when nothing was found', () => {
    expect(formatCompact(buildCleanTestResult(), testContext)).toBe('');
  });
});

describe('toSingleLine', () => {
  it.each([
    ['a\nb', 'a b'],
    ['a\r\nb', 'a b'],
    ['a\rb', 'a b'],
    ['a  \n   b\n', 'a b'],
    ['one line', 'one line'],
  ])('%j → %j', (input, expected) => {
    expect(toSingleLine(input)).toBe(expected);
  });
});
