import { testContext, testRules } from './result.js';
import { analysisOf } from '../../src/analysis/analysis.js';
import { fakeLanguages, makeService, seedFramework } from './services.js';
import { decideWorkspace } from '../../src/analysis/decisions.js';
import { isCounted, type Finding, type Service } from '../../src/types.js';
import type { LintResult } from '../../src/lint.js';

export { testContext };

export const hostileName = 'gate<script>alert(1)</script>';

/**
 * A gateway (whose name carries markup) calling a Python API synchronously, an undeclared service and an async
 * auditor; a two-service sync cycle; a service with no calls.
 */
export function testServices(): Service[] {
  return [
    makeService(hostileName, {
      language: 'go',
      workload: 'infrastructure',
      peakRps: 40_000,
      dependsOn: [
        { service: 'orders & co', rpsShare: 0.5 },
        { service: 'ghost' },
        { service: 'audit', call: 'async' },
      ],
    }),
    makeService('orders & co', { language: 'python', dependsOn: ['ledger'] }),
    makeService('ledger', { language: 'python', workload: 'data-processing' }),
    makeService('audit', { language: 'python', workload: 'worker' }),
    makeService('ping', { language: 'go', peakRps: 100, dependsOn: ['pong'] }),
    makeService('pong', { language: 'go', dependsOn: ['ping'] }),
    makeService('idle', { language: 'go', workload: 'worker' }),
  ];
}

function finding(fields: Pick<Finding, 'ruleId' | 'severity' | 'message' | 'file' | 'line'> & Partial<Finding>): Finding {
  return { messageId: 'default', data: {}, column: 3, endLine: fields.line, endColumn: 9, ...fields };
}

export function testFindings(): Finding[] {
  return [
    finding({
      ruleId: 'hot-path-language',
      severity: 'error',
      message: 'orders & co receives 20,000 req/s <script>alert("x")</script> from the gateway',
      file: 'services/orders & co.yaml',
      service: 'orders & co',
      line: 7,
    }),
    finding({
      ruleId: 'latency-budget',
      severity: 'warning',
      message: 'see https://example.com/guide for the budget',
      file: `services/${hostileName}.yaml`,
      service: hostileName,
      line: 4,
    }),
    finding({ ruleId: 'team-language', severity: 'info', message: 'the team knows go', file: 'services/idle.yaml', service: 'idle', line: 2 }),
    finding({
      ruleId: 'hot-path-language',
      severity: 'error',
      message: 'ledger is exempt',
      file: 'services/ledger.yaml',
      service: 'ledger',
      line: 3,
      suppressed: { kind: 'waiver', reason: 'moving to Go in Q3', owner: 'team-data', expires: '2027-01-31' },
    }),
    finding({
      ruleId: 'latency-budget',
      severity: 'warning',
      message: 'ping was already over budget',
      file: 'services/ping.yaml',
      service: 'ping',
      line: 5,
      baselineState: 'unchanged',
    }),
  ];
}

export function buildPageTestResult(services: Service[] = testServices(), findings: Finding[] = testFindings()): LintResult {
  const languages = fakeLanguages();
  const decisions = decideWorkspace(services, seedFramework, languages);
  const counted = findings.filter(isCounted);
  const count = (severity: Finding['severity']) => counted.filter((item) => item.severity === severity).length;
  return {
    findings,
    analysis: analysisOf(decisions, languages),
    summary: {
      files: new Set(services.map((service) => service.file.displayPath)).size,
      services: services.length,
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      suppressed: findings.filter((item) => item.suppressed).length,
      baselined: findings.filter((item) => !item.suppressed && item.baselineState === 'unchanged').length,
      skipped: 0,
    },
    rules: structuredClone(testRules),
    files: [...new Set(services.map((service) => service.file.displayPath))],
    manifestPaths: new Set(),
    services,
    cwd: '/home/dev/platform',
    notes: [],
    unmatchedPatterns: [],
    skipped: [],
    undeclared: [],
  };
}
