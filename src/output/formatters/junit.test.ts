import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../types.js';
import { cleanFileTestName, formatJunit } from './junit.js';
import { buildCleanTestResult, buildTestResult, testContext } from '../../../test/support/result.js';

// Parses with Python's expat-based minidom, a real XML 1.0 parser, and prints what it read as JSON.
const readJunit = String.raw`
import json, sys, xml.dom.minidom
doc = xml.dom.minidom.parseString(sys.stdin.buffer.read())
def attrs(node):
    return {name: value for name, value in node.attributes.items()}
def text(node):
    return ''.join(child.data for child in node.childNodes if child.nodeType == child.TEXT_NODE)
root = doc.documentElement
suites = []
for suite in root.getElementsByTagName('testsuite'):
    cases = []
    for case in suite.getElementsByTagName('testcase'):
        failures = [dict(attrs(f), body=text(f)) for f in case.getElementsByTagName('failure')]
        output = [text(o) for o in case.getElementsByTagName('system-out')]
        cases.append(dict(attrs(case), failures=failures, output=output))
    suites.append(dict(attrs(suite), testcases=cases))
print(json.dumps(dict(root=root.tagName, attributes=attrs(root), suites=suites)))
`;
import { slowTestTimeout } from '../../../test/timeouts.js';

// Spawns processes: generous timeouts for a busy two-core machine (see test/timeouts.ts).
vi.setConfig({ testTimeout: slowTestTimeout, hookTimeout: slowTestTimeout });

const pythonAvailable = spawnSync('python3', ['-c', 'import xml.dom.minidom'], { stdio: 'ignore' }).status === 0;

interface ParsedTestcase {
  name: string;
  classname: string;
  file: string;
  failures: { message: string; type: string; body: string }[];
  output: string[];
}

interface ParsedJunit {
  root: string;
  attributes: Record<string, string>;
  suites: (Record<string, string> & { testcases: ParsedTestcase[] })[];
}

function parseJunit(xml: string): ParsedJunit {
  const json = execFileSync('python3', ['-c', readJunit], { input: xml, encoding: 'utf8' });
  return JSON.parse(json) as ParsedJunit;
}

function withMessage(finding: Finding, message: string): Finding {
  return { ...finding, message };
}

describe.skipIf(!pythonAvailable)('formatJunit (parsed by python3 xml.dom.minidom)', () => {
  const result = buildTestResult();
  const parsed = parseJunit(formatJunit(result, testContext));
  const testcases = parsed.suites.flatMap((suite) => suite.testcases);

  it('is well-formed testsuites > testsuite > testcase with consistent counts', () => {
    expect(parsed.root).toBe('testsuites');
    expect(parsed.suites).toHaveLength(1);
    const suite = parsed.suites[0]!;
    expect(suite).toMatchObject({ name: 'svc-lint', tests: '6', failures: '4', errors: '0', skipped: '0' });
    expect(parsed.attributes).toMatchObject({ tests: '6', failures: '4', errors: '0' });
    expect(suite.testcases).toHaveLength(6);
  });

  it('has one testcase per manifest and rule that found something, and one per clean manifest', () => {
    expect(testcases.map((t) => [t.classname, t.name, t.failures.length])).toEqual([
      ['ml/recommender.yml', 'unknown-dependency', 1],
      ['services/broken.yaml', 'invalid-manifest', 1],
      ['services/checkout.yaml', 'hot-path-language', 1],
      ['services/checkout.yaml', 'latency-budget', 1],
      ['services/ledger.yaml', cleanFileTestName, 0],
      ['services/odd name, v2.yaml', 'team-language', 0],
    ]);
  });

  it('passes a testcase that found only infos and shows them as system-out', () => {
    const teamLanguage = testcases.find((t) => t.name === 'team-language');
    expect(teamLanguage?.failures).toEqual([]);
    expect(teamLanguage?.output).toEqual([
      "services/odd name, v2.yaml:3:13: info: The team doesn't list go; it knows: python, rust",
    ]);
  });

  it('never repeats a name + classname pair', () => {
    const pairs = testcases.map((t) => JSON.stringify([t.classname, t.name]));
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('puts several findings of a rule in one failure, each with file:line:column and message', () => {
    const hotPath = testcases.find((t) => t.classname === 'services/checkout.yaml' && t.name === 'hot-path-language');
    expect(hotPath?.failures).toEqual([
      {
        type: 'hot-path-language',
        message: 'error: checkout peaks at 40,000 req/s: 320% of what Python (FastAPI) serves per instance (+1 more)',
        body:
          'services/checkout.yaml:5:11: error: checkout peaks at 40,000 req/s: 320% of what Python (FastAPI) serves per instance\n' +
          'services/checkout.yaml:16:11: error: checkout-worker peaks at 15,000 req/s, above the 10,000 req/s line',
      },
    ]);
    expect(hotPath?.file).toBe('services/checkout.yaml');
  });

  it('round-trips <, &, quotes and apostrophes in attributes and text', () => {
    const broken = testcases.find((t) => t.name === 'invalid-manifest')!;
    expect(broken.failures[0]!.message).toBe("error: Can't read the manifest: expected <key: value> & found a list");
    expect(broken.failures[0]!.body).toBe(
      "services/broken.yaml:1:1: error: Can't read the manifest: expected <key: value> & found a list",
    );
    const latency = testcases.find((t) => t.name === 'latency-budget')!;
    expect(latency.failures[0]!.message).toBe('warning: p99 target "4 ms" < 5 ms & language is Python | consider Go');
  });

  it('drops characters XML 1.0 cannot carry and keeps the rest of the message', () => {
    const hostile = buildTestResult();
    hostile.findings = [withMessage(hostile.findings[0]!, 'bell\u0007 nul\u0000 lone\uD800 esc\u001B ok \u{1F680} ]]> end')];
    const failure = parseJunit(formatJunit(hostile, testContext)).suites[0]!.testcases.find((t) => t.failures.length)!
      .failures[0]!;
    expect(failure.message).toBe('error: bell nul lone esc ok \u{1F680} ]]> end');
    expect(failure.body).toBe('services/checkout.yaml:5:11: error: bell nul lone esc ok \u{1F680} ]]> end');
  });

  it('lists only passing testcases, one per manifest, when nothing was found', () => {
    const clean = parseJunit(formatJunit(buildCleanTestResult(), testContext));
    const cases = clean.suites[0]!.testcases;
    expect(clean.suites[0]).toMatchObject({ tests: '4', failures: '0' });
    expect(cases.map((t) => [t.classname, t.name, t.failures.length])).toEqual([
      ['ml/recommender.yml', cleanFileTestName, 0],
      ['services/checkout.yaml', cleanFileTestName, 0],
      ['services/ledger.yaml', cleanFileTestName, 0],
      ['services/odd name, v2.yaml', cleanFileTestName, 0],
    ]);
  });
});

describe('formatJunit without a parser', () => {
  it('starts with an XML declaration and ends with a newline', () => {
    const xml = formatJunit(buildTestResult(), testContext);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    expect(xml.endsWith('</testsuites>\n')).toBe(true);
  });
});
