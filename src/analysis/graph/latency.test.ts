import { describe, expect, it } from 'vitest';
import { latencyBudget } from '../../ruleset/templates/latency-budget.js';
import { analyseWorkspace } from './analyse.js';
import { fakeContext, makeChain, makeService } from '../../../test/support/services.js';
import type { Service } from '../../types.js';
import { slowTestTimeout } from '../../../test/timeouts.js';

function budgetFindings(services: Service[]) {
  return latencyBudget.check(services, {}, fakeContext(services)).map((finding) => ({
    service: finding.service.name,
    field: finding.field,
    data: finding.data,
  }));
}

describe('latency-budget', () => {
  it.each([
    { slo: 61, fires: false },
    { slo: 60, fires: false },
    { slo: 59.5, fires: true },
  ])('direct deps summing to 60 ms against a p99 of $slo ms: fires=$fires', ({ slo, fires }) => {
    const services = [
      makeService('checkout', { p99Ms: slo, dependsOn: ['cart', 'payments'] }),
      makeService('cart', { p99Ms: 20 }),
      makeService('payments', { p99Ms: 40 }),
    ];
    expect(budgetFindings(services)).toHaveLength(fires ? 1 : 0);
  });

  it('takes the declared p99, else the dependsOn entry, else the sum below, and names the deepest chain', () => {
    const services = [
      makeService('checkout', {
        p99Ms: 100,
        dependsOn: [
          'cart',
          { service: 'fraud', p99Ms: 15 },
          { service: 'pricing', p99Ms: 999, call: 'async' },
          { service: 'shipping', p99Ms: 5 },
          'quote',
        ],
      }),
      makeService('cart', { p99Ms: 20 }),
      makeService('fraud'),
      makeService('pricing', { p99Ms: 1 }),
      makeService('shipping', { p99Ms: 10 }),
      makeService('quote', { dependsOn: ['tax', { service: 'rates', p99Ms: 30 }] }),
      makeService('tax', { dependsOn: [{ service: 'ledger', p99Ms: 45 }] }),
      makeService('rates'),
      makeService('ledger'),
    ];
    expect(budgetFindings(services)).toEqual([
      {
        service: 'checkout',
        field: 'p99Ms',
        data: {
          service: 'checkout',
          sloMs: 100,
          sumMs: 120,
          dependencies:
            'cart 20 ms (declared), fraud 15 ms (from dependsOn), shipping 10 ms (declared), ' +
            'quote 75 ms (sum of its sync dependencies)',
          largestChain: 'quote → tax → ledger (45 ms, from dependsOn)',
        },
      },
    ]);
  });

  it('leaves out dependencies with no p99 anywhere and services without an SLO', () => {
    const services = [
      makeService('a', { p99Ms: 5, dependsOn: ['b'] }),
      makeService('b', { dependsOn: ['c'] }),
      makeService('c'),
      makeService('d', { dependsOn: [{ service: 'c', p99Ms: 500 }] }),
    ];
    expect(budgetFindings(services)).toEqual([]);
    const { latencies } = analyseWorkspace(services);
    expect(latencies[3]).toMatchObject({ sumMs: 500 });
  });

  it('cuts calls inside a sync cycle', () => {
    const services = [
      makeService('a', { p99Ms: 50, dependsOn: ['b'] }),
      makeService('b', { dependsOn: ['c', { service: 'd', p99Ms: 30 }] }),
      makeService('c', { dependsOn: [{ service: 'b', p99Ms: 100 }] }),
      makeService('d'),
    ];
    expect(budgetFindings(services)).toEqual([]);
    const { latencies, graph } = analyseWorkspace(services);
    expect(latencies[graph.indexByName.get('b')!]!.sumMs).toBe(30);
  });

  it('sums along a 10,000-service chain without recursion', { timeout: slowTestTimeout }, () => {
    const services = makeChain(10_000, 1);
    services[9_999] = makeService('svc-9999', { p99Ms: 7 });
    services[0] = { ...services[0]!, p99Ms: 6 };
    const [finding] = budgetFindings(services);
    expect(finding?.data.sumMs).toBe(7);
    expect(finding?.data.largestChain).toBe('svc-1 → svc-2 → svc-3 → … 9,993 more … → svc-9997 → svc-9998 → svc-9999 (7 ms, declared)');
  });
});
