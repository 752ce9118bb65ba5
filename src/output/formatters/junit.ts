import type { Finding } from '../../types.js';
import type { LintResult } from '../../lint.js';
import { toSingleLine } from './compact.js';
import { joinedPieces } from './pieces.js';
import type { FormatContext, Formatter } from './types.js';
import type { OutputFormat } from '../format.js';

/** The name of the passing testcase each manifest without findings gets; rule ids never contain spaces. */
export const cleanFileTestName = 'no problems';

// Everything outside XML 1.0's Char production, lone surrogates included.
const illegalXmlCharacters = /[^\t\n\r\u{20}-\u{D7FF}\u{E000}-\u{FFFD}\u{10000}-\u{10FFFF}]/gu;

/**
 * A `:` that starts a line and every `##[` are written as character references: the XML reads the same, and a report
 * printed to a CI log holds no line a GitHub runner would read as a workflow command.
 */
function escapeXmlText(text: string): string {
  return text
    .replace(illegalXmlCharacters, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/(^|[\n\r])([ \t]*):/g, '$1$2&#58;')
    .replaceAll('##[', '##&#91;');
}

// Literal tabs and line breaks in attributes would be normalised to spaces by the parser.
function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function attributes(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(String(value))}"`)
    .join('');
}

function groupByFileAndRule(result: LintResult): Map<string, Map<string, Finding[]>> {
  // Findings can sit in a file that is not linted itself (a waiver in the config): it gets testcases too.
  const files = new Set([...result.files, ...result.findings.map((f) => f.file)]);
  const groups = new Map([...files].sort().map((file) => [file, new Map<string, Finding[]>()]));
  for (const finding of result.findings) {
    const byRule = groups.get(finding.file)!;
    const sameRule = byRule.get(finding.ruleId);
    if (sameRule) sameRule.push(finding);
    else byRule.set(finding.ruleId, [finding]);
  }
  return groups;
}

function findingLines(findings: Finding[]): string {
  return findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity}: ${toSingleLine(f.message)}`).join('\n');
}

function failureElement(ruleId: string, findings: Finding[]): string {
  const first = findings[0]!;
  const more = findings.length > 1 ? ` (+${findings.length - 1} more)` : '';
  const message = `${first.severity}: ${toSingleLine(first.message)}${more}`;
  return `<failure${attributes({ message, type: ruleId })}>${escapeXmlText(findingLines(findings))}</failure>`;
}

function systemOutElement(findings: Finding[]): string {
  return `<system-out>${escapeXmlText(findingLines(findings))}</system-out>`;
}

function testcase(file: string, name: string, child?: string): string {
  const open = `    <testcase${attributes({ name, classname: file, file, time: 0 })}`;
  return child === undefined ? `${open}/>` : `${open}>\n      ${child}\n    </testcase>`;
}

// Infos are notes; a failed testcase would mark a Jenkins build unstable.
function isFailing(findings: Finding[]): boolean {
  return findings.some((finding) => finding.severity !== 'info');
}

/**
 * JUnit XML with one testcase per manifest and rule that found something (classname = manifest,
 * name = rule id): failed for errors and warnings, passed with the findings as system-out for infos.
 * A manifest without findings gets one passing testcase named `no problems`. A testcase per piece: the counts
 * the header needs are taken in a first pass.
 */
export function* formatJunitPieces(result: LintResult, _context: FormatContext): Generator<string> {
  const groups = groupByFileAndRule(result);
  let tests = 0;
  let failures = 0;
  for (const byRule of groups.values()) {
    tests += Math.max(1, byRule.size);
    for (const findings of byRule.values()) if (isFailing(findings)) failures += 1;
  }
  const counts = { tests, failures, errors: 0, skipped: 0, time: 0 };
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites${attributes({ name: 'svc-lint', tests, failures, errors: 0, time: 0 })}>\n`;
  yield `  <testsuite${attributes({ name: 'svc-lint', ...counts })}>\n`;
  for (const [file, byRule] of groups) {
    if (byRule.size === 0) yield `${testcase(file, cleanFileTestName)}\n`;
    for (const [ruleId, findings] of byRule) {
      const child = isFailing(findings) ? failureElement(ruleId, findings) : systemOutElement(findings);
      yield `${testcase(file, ruleId, child)}\n`;
    }
  }
  yield '  </testsuite>\n</testsuites>\n';
}

export const formatJunit: Formatter = joinedPieces(formatJunitPieces);

export const junitFormat = {
  name: 'junit',
  description: 'JUnit XML: a testcase per manifest and failing rule',
  commands: ['lint'],
  showsExemptions: false,
  render: formatJunitPieces,
} as const satisfies OutputFormat;
