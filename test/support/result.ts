import type { Finding, ResolvedRule, Service, Severity } from '../../src/types.js';
import type { LintResult } from '../../src/lint.js';
import type { FormatContext } from '../../src/output/formatters/types.js';
import { analysisOf } from '../../src/analysis/analysis.js';
import { decideWorkspace } from '../../src/analysis/decisions.js';
import { fakeLanguages, seedFramework } from './services.js';

export const testContext: FormatContext = { color: false, version: '1.2.3' };

const cwd = '/home/dev/platform';

function rule(id: string, severity: Severity, fields: Partial<ResolvedRule> = {}): ResolvedRule {
  return {
    id,
    severity,
    description: `Description of ${id}.`,
    rationale: `Why ${id} matters.`,
    remediation: `How to fix ${id}.`,
    template: id,
    params: {},
    messages: { default: '{{service}} breaks ' + id },
    source: `rules/${id}.yaml`,
    enabled: true,
    ...fields,
  };
}

export const testRules: ResolvedRule[] = [
  rule('hot-path-language', 'error', {
    description: 'High-throughput APIs belong on the hot path (Go).',
    rationale:
      'At 4 cores and 100 connections Go served 95,000 req/s against 12,500 for Python (FastAPI): a 7.6x gap, paid for in instances.',
    remediation: 'Move the service to Go, or lower `peakRps` if the figure is wrong.',
    template: 'throughput-language',
    params: { minRps: 10000 },
  }),
  rule('latency-budget', 'warning', {
    description: 'Sub-5 ms p99 targets need a hot-path language.',
    rationale: 'Average latency measured 1.05 ms for Go & 8.1 ms for Python <FastAPI>.',
    remediation: 'Relax `p99Ms` or move the service to Go.',
  }),
  rule('team-language', 'info'),
  rule('unknown-dependency', 'error', { template: 'engine' }),
  rule('smart-path-language', 'warning'),
  rule('invalid-manifest', 'error', { template: 'engine' }),
];

function service(name: string, displayPath: string, documentIndex: number, line: number): Service {
  const document = { line, column: 1, endLine: line + 8, endColumn: 1 };
  return {
    name,
    language: 'Python',
    languageId: 'python',
    workload: 'api',
    deploymentTarget: 'container',
    dependsOn: [],
    file: { path: `${cwd}/${displayPath}`, displayPath },
    documentIndex,
    format: 'svc-lint/v1',
    locations: { document },
  };
}

const testServices: Service[] = [
  service('checkout', 'services/checkout.yaml', 0, 1),
  service('checkout-worker', 'services/checkout.yaml', 1, 12),
  service('pricing', 'services/odd name, v2.yaml', 0, 1),
  service('recommender', 'ml/recommender.yml', 0, 1),
  service('ledger', 'services/ledger.yaml', 0, 1),
];

type FindingSeed = Omit<Finding, 'endLine' | 'endColumn'> & Partial<Pick<Finding, 'endLine' | 'endColumn'>>;

function finding(seed: FindingSeed): Finding {
  return { endLine: seed.line, endColumn: seed.column + 5, ...seed };
}

// The same dependency listed twice: two findings identical but for their lines.
const unknownDependency = finding({
  ruleId: 'unknown-dependency',
  messageId: 'missing',
  data: { dependency: 'fraud' },
  severity: 'error',
  message: 'dependsOn names "fraud", which no manifest declares\r\n(checked 5 services)',
  file: 'ml/recommender.yml',
  service: 'recommender',
  line: 9,
  column: 7,
});

const testFindings: Finding[] = [
  finding({
    ruleId: 'hot-path-language',
    messageId: 'tooSlow',
    data: { service: 'checkout', peakRps: 40000, language: 'Python' },
    severity: 'error',
    message: 'checkout peaks at 40,000 req/s: 320% of what Python (FastAPI) serves per instance',
    file: 'services/checkout.yaml',
    service: 'checkout',
    line: 5,
    column: 11,
  }),
  finding({
    ruleId: 'hot-path-language',
    messageId: 'tooSlow',
    data: { service: 'checkout-worker', peakRps: 15000, language: 'Python' },
    severity: 'error',
    message: 'checkout-worker peaks at 15,000 req/s,\nabove the 10,000 req/s line',
    file: 'services/checkout.yaml',
    service: 'checkout-worker',
    line: 16,
    column: 11,
    endLine: 17,
    endColumn: 3,
  }),
  finding({
    ruleId: 'latency-budget',
    messageId: 'tooTight',
    data: { service: 'checkout', p99Ms: 4 },
    severity: 'warning',
    message: 'p99 target "4 ms" < 5 ms & language is Python | consider Go',
    file: 'services/checkout.yaml',
    service: 'checkout',
    line: 6,
    column: 9,
  }),
  finding({
    ruleId: 'team-language',
    messageId: 'unfamiliar',
    data: { service: 'pricing', language: 'go' },
    severity: 'info',
    message: "The team doesn't list go; it knows: python, rust",
    file: 'services/odd name, v2.yaml',
    service: 'pricing',
    line: 3,
    column: 13,
  }),
  unknownDependency,
  { ...unknownDependency, line: 12, endLine: 12 },
  finding({
    ruleId: 'invalid-manifest',
    messageId: 'yamlError',
    data: { reason: 'expected <key: value> & found a list' },
    severity: 'error',
    message: "Can't read the manifest: expected <key: value> & found a list",
    file: 'services/broken.yaml',
    line: 1,
    column: 1,
    endLine: 2,
    endColumn: 1,
  }),
];

function lintedFiles(findings: Finding[], services: Service[]): string[] {
  return [...new Set([...services.map((s) => s.file.displayPath), ...findings.map((f) => f.file)])].sort();
}

function summarize(findings: Finding[], services: Service[]): LintResult['summary'] {
  const count = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  const files = lintedFiles(findings, services).length;
  return { files, services: services.length, errors: count('error'), warnings: count('warning'), infos: count('info'), suppressed: 0, baselined: 0, skipped: 0 };
}

/** The analysis of a workspace without services (the formatters' tests look at findings only). */
function emptyWorkspaceViews(): Pick<LintResult, 'analysis'> {
  const languages = fakeLanguages();
  return { analysis: analysisOf(decideWorkspace([], seedFramework, languages), languages) };
}

/** A result over six manifests: errors, warnings, an info, two identical findings, a finding without a service, a clean file. */
export function buildTestResult(): LintResult {
  const findings = structuredClone(testFindings);
  const services = structuredClone(testServices);
  const files = lintedFiles(findings, services);
  return { findings, summary: summarize(findings, services), rules: structuredClone(testRules), files, manifestPaths: new Set(), services, cwd, notes: [], unmatchedPatterns: [], skipped: [], undeclared: [], ...emptyWorkspaceViews() };
}

/** The same manifests and rules with nothing found. */
export function buildCleanTestResult(): LintResult {
  const services = structuredClone(testServices);
  const files = lintedFiles([], services);
  return { findings: [], summary: summarize([], services), rules: structuredClone(testRules), files, manifestPaths: new Set(), services, cwd, notes: [], unmatchedPatterns: [], skipped: [], undeclared: [], ...emptyWorkspaceViews() };
}
