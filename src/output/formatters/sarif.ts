import { pathToFileURL } from 'node:url';
import type { Finding, ResolvedRule, Severity } from '../../types.js';
import type { LintResult } from '../../lint.js';
import { fingerprintFindings } from './fingerprint.js';
import { sarifSuppressions } from './sarif-suppressions.js';
import { inPieces, jsonPieces } from '../../io/json-pieces.js';
import { joinedPieces } from './pieces.js';
import type { FormatContext, Formatter, PieceFormatter } from './types.js';
import type { OutputFormat } from '../format.js';

const sarifSchemaUri = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** The base every artifact URI is relative to: the directory the paths in findings are relative to. */
export const sarifUriBaseId = '%SRCROOT%';
/** The key under which `partialFingerprints` carries svc-lint's position-independent fingerprint. */
export const sarifFingerprintKey = 'svcLintFinding/v1';

const levelBySeverity = {
  error: 'error',
  warning: 'warning',
  info: 'note',
} as const satisfies Record<Severity, string>;

export interface SarifOptions {
  informationUri?: string;
}

function ruleDescriptor(rule: ResolvedRule) {
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.rationale },
    help: {
      text: `${rule.remediation}\n\n${rule.rationale}`,
      markdown: `**How to fix:** ${rule.remediation}\n\n**Why:** ${rule.rationale}`,
    },
    defaultConfiguration: { level: levelBySeverity[rule.severity], enabled: rule.enabled },
  };
}

function fileUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function sarifResult(finding: Finding, ruleIndex: number | undefined, fingerprint: string) {
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: levelBySeverity[finding.severity],
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: fileUri(finding.file), uriBaseId: sarifUriBaseId },
          region: {
            startLine: finding.line,
            startColumn: finding.column,
            endLine: finding.endLine,
            endColumn: finding.endColumn,
          },
        },
      },
    ],
    partialFingerprints: { [sarifFingerprintKey]: fingerprint },
    ...(finding.suppressed && { suppressions: sarifSuppressions(finding.suppressed) }),
    ...(finding.baselineState && { baselineState: finding.baselineState }),
    ...(finding.service === undefined ? {} : { properties: { service: finding.service } }),
  };
}

function* sarifResults(result: LintResult) {
  const ruleIndexById = new Map(result.rules.map((rule, index) => [rule.id, index]));
  const fingerprints = fingerprintFindings(result.findings);
  for (const [index, finding] of result.findings.entries()) {
    yield sarifResult(finding, ruleIndexById.get(finding.ruleId), fingerprints[index]!);
  }
}

function sarifLog<Results>(result: LintResult, context: FormatContext, options: SarifOptions, results: Results) {
  const srcRoot = pathToFileURL(result.cwd.endsWith('/') ? result.cwd : `${result.cwd}/`).href;
  return {
    $schema: sarifSchemaUri,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'svc-lint',
            version: context.version,
            ...(options.informationUri === undefined ? {} : { informationUri: options.informationUri }),
            rules: result.rules.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: { [sarifUriBaseId]: { uri: srcRoot } },
        // Columns come from JavaScript string offsets.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** The SARIF log in pieces (one per result); `informationUri` names where svc-lint is documented. */
export function createSarifPieceFormatter(options: SarifOptions = {}): PieceFormatter {
  return (result, context) => jsonPieces(sarifLog(result, context, options, inPieces(sarifResults(result))), 2);
}

/** A SARIF formatter; `informationUri` names where svc-lint is documented. */
export function createSarifFormatter(options: SarifOptions = {}): Formatter {
  return joinedPieces(createSarifPieceFormatter(options));
}

/** SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. */
export const formatSarifPieces: PieceFormatter = createSarifPieceFormatter();
export const formatSarif: Formatter = createSarifFormatter();

export const sarifFormat = {
  name: 'sarif',
  description: 'SARIF 2.1.0, for code scanning (exempted findings as suppressions)',
  commands: ['lint'],
  showsExemptions: true,
  render: formatSarifPieces,
} as const satisfies OutputFormat;
