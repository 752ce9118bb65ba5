import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { fingerprintFindings } from './fingerprint.js';
import { createSarifFormatter, formatSarif, sarifFingerprintKey, sarifUriBaseId } from './sarif.js';
import { buildCleanTestResult, buildTestResult, testContext } from '../../../test/support/result.js';

// The OASIS SARIF 2.1.0 schema (errata 01), kept in the repository so the test needs no network.
const schemaUrl = new URL('../../../test/schemas/sarif-schema-2.1.0.json', import.meta.url);
const sarifSchema = JSON.parse(readFileSync(schemaUrl, 'utf8')) as object;

function isUri(value: string): boolean {
  return URL.canParse(value);
}

function isUriReference(value: string): boolean {
  return !/\s/.test(value) && URL.canParse(value, 'file:///base/');
}

function isDateTime(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value));
}

// ajv-draft-04 is CommonJS: under NodeNext its default import is module.exports, whose `default` is the class.
const Ajv = AjvDraft04.default;
const ajv = new Ajv({ allErrors: true })
  .addFormat('uri', isUri)
  .addFormat('uri-reference', isUriReference)
  .addFormat('date-time', isDateTime);
const validateSarif = ajv.compile(sarifSchema);

function expectValidSarif(log: unknown): void {
  const valid = validateSarif(log);
  expect(ajv.errorsText(validateSarif.errors, { separator: '\n' })).toBe('No errors');
  expect(valid).toBe(true);
}

interface SarifRun {
  tool: { driver: { name: string; version: string; informationUri?: string; rules: Record<string, unknown>[] } };
  originalUriBaseIds: Record<string, { uri: string }>;
  results: Record<string, any>[];
}

function runOf(text: string): SarifRun {
  const log = JSON.parse(text) as { version: string; runs: SarifRun[] };
  expect(log.version).toBe('2.1.0');
  expect(log.runs).toHaveLength(1);
  return log.runs[0]!;
}

describe('formatSarif', () => {
  const result = buildTestResult();
  const output = formatSarif(result, testContext);
  const run = runOf(output);

  it('validates against the official SARIF 2.1.0 schema', () => {
    expectValidSarif(JSON.parse(output));
  });

  it('validates against the schema when nothing was found, with an empty results array', () => {
    const clean = formatSarif(buildCleanTestResult(), testContext);
    expectValidSarif(JSON.parse(clean));
    expect(runOf(clean).results).toEqual([]);
  });

  it('rejects a log the schema forbids, so the validation is real', () => {
    const broken = JSON.parse(output) as { runs: SarifRun[] };
    broken.runs[0]!.results[0]!.level = 'fatal';
    expect(validateSarif(broken)).toBe(false);
  });

  it('names the tool and its version, and the informationUri only when given', () => {
    expect(run.tool.driver).toMatchObject({ name: 'svc-lint', version: '1.2.3' });
    expect(run.tool.driver).not.toHaveProperty('informationUri');
    const documented = createSarifFormatter({ informationUri: 'https://example.com/svc-lint' });
    const documentedLog = JSON.parse(documented(result, testContext));
    expectValidSarif(documentedLog);
    expect(runOf(JSON.stringify(documentedLog)).tool.driver.informationUri).toBe('https://example.com/svc-lint');
  });

  it('describes every rule from its declaration', () => {
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(result.rules.map((rule) => rule.id));
    const hotPath = result.rules[0]!;
    expect(run.tool.driver.rules[0]).toEqual({
      id: 'hot-path-language',
      shortDescription: { text: hotPath.description },
      fullDescription: { text: hotPath.rationale },
      help: {
        text: `${hotPath.remediation}\n\n${hotPath.rationale}`,
        markdown: `**How to fix:** ${hotPath.remediation}\n\n**Why:** ${hotPath.rationale}`,
      },
      defaultConfiguration: { level: 'error', enabled: true },
    });
    expect(run.tool.driver.rules.map((rule) => (rule.defaultConfiguration as { level: string }).level)).toEqual([
      'error',
      'warning',
      'note',
      'error',
      'warning',
      'error',
    ]);
  });

  it('reports each finding with rule, level, message, location and fingerprint', () => {
    expect(run.results).toHaveLength(result.findings.length);
    expect(run.results[1]).toEqual({
      ruleId: 'hot-path-language',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'checkout-worker peaks at 15,000 req/s,\nabove the 10,000 req/s line' },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'services/checkout.yaml', uriBaseId: sarifUriBaseId },
            region: { startLine: 16, startColumn: 11, endLine: 17, endColumn: 3 },
          },
        },
      ],
      partialFingerprints: { [sarifFingerprintKey]: fingerprintFindings(result.findings)[1] },
      properties: { service: 'checkout-worker' },
    });
  });

  it('maps severities to levels and points ruleIndex at the matching descriptor', () => {
    expect(run.results.map((r) => r.level)).toEqual(['error', 'error', 'warning', 'note', 'error', 'error', 'error']);
    for (const sarifResult of run.results) {
      expect(run.tool.driver.rules[sarifResult.ruleIndex as number]!.id).toBe(sarifResult.ruleId);
    }
  });

  it('percent-encodes file paths into relative URIs resolved against the working directory', () => {
    const uris = run.results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
    expect(uris).toContain('services/odd%20name%2C%20v2.yaml');
    expect(run.originalUriBaseIds).toEqual({ [sarifUriBaseId]: { uri: 'file:///home/dev/platform/' } });
  });

  it('keeps fingerprints when unrelated lines move', () => {
    const moved = buildTestResult();
    moved.findings = moved.findings.map((f) => ({ ...f, line: f.line + 3, endLine: f.endLine + 3 }));
    const fingerprintsOf = (r: SarifRun) => r.results.map((x) => x.partialFingerprints[sarifFingerprintKey]);
    const movedRun = runOf(formatSarif(moved, testContext));
    expect(fingerprintsOf(movedRun)).toEqual(fingerprintsOf(run));
    expect(new Set(fingerprintsOf(run)).size).toBe(result.findings.length);
  });

  it('omits ruleIndex for a finding whose rule is not in the result', () => {
    const partial = buildTestResult();
    partial.rules = partial.rules.filter((rule) => rule.id !== 'invalid-manifest');
    const log = JSON.parse(formatSarif(partial, testContext));
    expectValidSarif(log);
    const invalid = runOf(JSON.stringify(log)).results.find((r) => r.ruleId === 'invalid-manifest');
    expect(invalid).not.toHaveProperty('ruleIndex');
  });
});
