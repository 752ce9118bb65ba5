import { describe, expect, it } from 'vitest';
import { lint } from '../src/index.js';
import type { Finding } from '../src/types.js';
import { describeFinding, fixturesRoot } from './fixture-cases.js';

const directory = `${fixturesRoot}mixed-workspace`;
const graphRules = ['unknown-dependency', 'duplicate-service', 'dependency-cycle', 'inherited-hot-path', 'latency-budget'];

async function graphFindings(patterns: string[], workspace: string | false = false): Promise<Finding[]> {
  const result = await lint({ cwd: directory, patterns, config: false, workspace });
  return result.findings.filter((finding) => graphRules.includes(finding.ruleId));
}

function described(findings: readonly Finding[]): string[] {
  return findings.map(describeFinding).sort();
}

function messageOf(findings: readonly Finding[], file: string): string | undefined {
  return findings.find((finding) => finding.file === file)?.message;
}

describe('a workspace of native and Backstage manifests', () => {
  it('is one graph: each graph rule fires across the two formats, at the Backstage annotation or ref', async () => {
    const findings = await graphFindings(['shop']);
    expect(described(findings)).toEqual([
      'shop/feature-store/service.yaml 7:13-7:19 inherited-hot-path',
      'shop/orders/catalog-info.yaml 9:26-9:30 latency-budget',
      'shop/recommendations/catalog-info.yaml 15:28-15:34 inherited-hot-path',
      'shop/storefront/catalog-info.yaml 13:7-13:28 unknown-dependency',
    ]);
  });

  it('carries traffic from a native gateway through a Backstage component to a native service', async () => {
    const findings = await graphFindings(['shop']);
    expect(messageOf(findings, 'shop/feature-store/service.yaml')).toContain(
      'edge-gateway (40,000 req/s) → recommendations (×1, 40,000 req/s) → feature-store (×1, 40,000 req/s)',
    );
  });

  it("adds up a Backstage component's native dependencies against its p99 annotation", async () => {
    const findings = await graphFindings(['shop']);
    expect(messageOf(findings, 'shop/orders/catalog-info.yaml')).toContain(
      'add up to 50 ms when called one after another: inventory 30 ms (declared), payments 20 ms (declared)',
    );
  });

  it('suggests the native name for a misspelt Backstage ref', async () => {
    const findings = await graphFindings(['shop']);
    expect(messageOf(findings, 'shop/storefront/catalog-info.yaml')).toMatch(/"edge-gatway".*did you mean edge-gateway\?$/);
  });

  it('sees the native callers of a Backstage file passed alone, and the native service its call makes hot', async () => {
    const findings = await graphFindings(['shop/recommendations/catalog-info.yaml'], 'shop');
    expect(described(findings)).toEqual([
      'shop/recommendations/catalog-info.yaml 15:28-15:34 inherited-hot-path',
      'shop/recommendations/catalog-info.yaml 24:7-24:30 inherited-hot-path',
    ]);
    expect(findings.find((finding) => finding.line === 24)?.message).toBe(
      'this call sends 40,000 req/s into feature-store (Python), which then receives 40,000 req/s, above 10,000: ' +
        'inherited-hot-path in shop/feature-store/service.yaml',
    );
  });

  it('without its workspace, the same Backstage file has no hot caller and its native dependency is unknown', async () => {
    const findings = await graphFindings(['shop/recommendations/catalog-info.yaml']);
    expect(described(findings)).toEqual(['shop/recommendations/catalog-info.yaml 24:7-24:30 unknown-dependency']);
  });

  it('sees a Backstage caller of a native file passed alone', async () => {
    const findings = await graphFindings(['shop/feature-store/service.yaml'], 'shop');
    expect(described(findings)).toEqual(['shop/feature-store/service.yaml 7:13-7:19 inherited-hot-path']);
  });

  it('reports a cycle between a native service and a Backstage component at both entries, not the async way back', async () => {
    const findings = await graphFindings(['cycle']);
    expect(described(findings)).toEqual([
      'cycle/billing/service.yaml 9:7-10:17 dependency-cycle',
      'cycle/invoicing/catalog-info.yaml 14:7-14:24 dependency-cycle',
    ]);
    expect(findings[0]!.message).toContain('billing → invoicing → billing');
  });

  it('finds a name declared by both formats, but not the same name in another Backstage namespace', async () => {
    const findings = await graphFindings(['ledger']);
    expect(described(findings)).toEqual([
      'ledger/catalog-info.yaml 4:9-4:15 duplicate-service',
      'ledger/service.yaml 4:9-4:15 duplicate-service',
    ]);
  });

  it('reads every manifest of the workspace without a schema or syntax finding', async () => {
    const result = await lint({ cwd: directory, patterns: ['.'], config: false, workspace: false });
    expect(result.findings.filter((finding) => finding.ruleId.startsWith('manifest-'))).toEqual([]);
    expect(result.services.map((service) => service.name).sort()).toEqual([
      'billing',
      'clickstream',
      'edge-gateway',
      'feature-store',
      'inventory',
      'invoicing',
      'ledger',
      'ledger',
      'mailer',
      'orders',
      'payments',
      'payments/ledger',
      'recommendations',
      'storefront',
    ]);
  });
});
