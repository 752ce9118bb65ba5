import { describe, expect, it } from 'vitest';
import type { WorkspaceTemplate } from './types.js';
import { unknownDependency } from './unknown-dependency.js';
import { duplicateService } from './duplicate-service.js';
import { dependencyCycle } from './dependency-cycle.js';
import { inheritedHotPath } from './inherited-hot-path.js';
import { fakeContext, makeChain, makeService } from '../../../test/support/services.js';
import type { Service } from '../../types.js';
import { slowTestTimeout } from '../../../test/timeouts.js';

function run<P>(template: WorkspaceTemplate<P>, services: Service[], params: P) {
  return template.check(services, params, fakeContext(services)).map((finding) => ({
    service: finding.service.name,
    file: finding.service.file.displayPath,
    messageId: finding.messageId,
    data: finding.data,
    at: finding.range?.line ?? finding.field,
  }));
}

describe('unknown-dependency', () => {
  const params = { maxDistance: 2, maxSuggestions: 3 };

  it('reports each unknown entry at its dependsOn line, with close names when there are any', () => {
    const services = [
      makeService('checkout', { dependsOn: ['orders', 'ordres', 'inventory'] }),
      makeService('orders'),
      makeService('order-api'),
    ];
    expect(run(unknownDependency, services, params)).toEqual([
      {
        service: 'checkout',
        file: 'services/checkout.yaml',
        messageId: 'didYouMean',
        data: { service: 'checkout', dependency: 'ordres', suggestions: 'orders' },
        at: 12,
      },
      {
        service: 'checkout',
        file: 'services/checkout.yaml',
        messageId: 'default',
        data: { service: 'checkout', dependency: 'inventory' },
        at: 13,
      },
    ]);
  });

  it('suggests by distance relative to the length and by whole parts, only the nearest names', () => {
    const shipped = { maxDistance: 3, maxDistanceRatio: 0.2, maxSuggestions: 3 };
    const services = [
      makeService('caller', { dependsOn: ['one-platform-apps-service-service', 'ordrs', 'paymnts-recncilation-exportr'] }),
      makeService('one-platform-apps-service'),
      makeService('orders'),
      makeService('order'),
      makeService('payments-reconciliation-exporter'),
    ];
    expect(run(unknownDependency, services, shipped).map((finding) => finding.data.suggestions)).toEqual([
      'one-platform-apps-service',
      'orders',
      'payments-reconciliation-exporter',
    ]);
  });

  it('also checks the entries of a duplicate declaration', () => {
    const services = [makeService('a'), makeService('a', { file: 'b/a.yaml', dependsOn: ['zzz'] })];
    expect(run(unknownDependency, services, params).map((f) => f.file)).toEqual(['b/a.yaml']);
  });
});

describe('duplicate-service', () => {
  it('reports every declaration at its name, naming the other places', () => {
    const services = [
      makeService('orders', { file: 'team-a/orders.yaml' }),
      makeService('pricing'),
      makeService('orders', { file: 'team-b/all.yaml', line: 20 }),
      makeService('orders', { file: 'team-b/all.yaml', line: 40 }),
    ];
    expect(run(duplicateService, services, {})).toEqual([
      {
        service: 'orders',
        file: 'team-a/orders.yaml',
        messageId: 'default',
        data: { service: 'orders', otherDeclarations: 'team-b/all.yaml:22, team-b/all.yaml:42' },
        at: 'name',
      },
      {
        service: 'orders',
        file: 'team-b/all.yaml',
        messageId: 'default',
        data: { service: 'orders', otherDeclarations: 'team-a/orders.yaml:3, team-b/all.yaml:42' },
        at: 'name',
      },
      {
        service: 'orders',
        file: 'team-b/all.yaml',
        messageId: 'default',
        data: { service: 'orders', otherDeclarations: 'team-a/orders.yaml:3, team-b/all.yaml:22' },
        at: 'name',
      },
    ]);
  });

  it('is silent when names are unique', () => {
    expect(run(duplicateService, [makeService('a'), makeService('b')], {})).toEqual([]);
  });

  it('names five other places and counts the rest, so a name copied into many files keeps the report small', () => {
    const copies = Array.from({ length: 1000 }, (_, index) => makeService('orders', { file: `copies/${index}.yaml` }));
    const findings = run(duplicateService, copies, {});
    expect(findings).toHaveLength(1000);
    expect(findings[0]!.data.otherDeclarations).toBe(
      'copies/1.yaml:3, copies/2.yaml:3, copies/3.yaml:3, copies/4.yaml:3, copies/5.yaml:3 and 994 more',
    );
    expect(findings[999]!.data.otherDeclarations).toBe(
      'copies/0.yaml:3, copies/1.yaml:3, copies/2.yaml:3, copies/3.yaml:3, copies/4.yaml:3 and 994 more',
    );
  });
});

describe('dependency-cycle', () => {
  const cycleOf = (services: Service[]) =>
    run(dependencyCycle, services, {}).map((f) => [f.service, f.data.dependency, f.data.cycle, f.at]);

  it('reports a two-member cycle at both entries', () => {
    const services = [
      makeService('b', { dependsOn: ['c', 'a'] }),
      makeService('a', { dependsOn: ['b'] }),
      makeService('c'),
    ];
    expect(cycleOf(services)).toEqual([
      ['a', 'b', 'a → b → a', 11],
      ['b', 'a', 'b → a → b', 12],
    ]);
  });

  it('reports a three-member cycle once, with its members', () => {
    const services = [
      makeService('x', { dependsOn: ['y', { service: 'z', call: 'async' }] }),
      makeService('y', { dependsOn: ['z'] }),
      makeService('z', { dependsOn: ['x'] }),
    ];
    expect(cycleOf(services)).toEqual([
      ['x', 'y', 'x → y → z → x', 11],
      ['y', 'z', 'y → z → x → y', 11],
      ['z', 'x', 'z → x → y → z', 11],
    ]);
    expect(run(dependencyCycle, services, {})[0]!.data.members).toBe('x, y, z');
  });

  it('names, for each call, a cycle that takes that call when loops share a member', () => {
    const services = [
      makeService('search', { dependsOn: ['ranking'] }),
      makeService('ranking', { dependsOn: ['search', 'features'] }),
      makeService('features', { dependsOn: ['ranking'] }),
    ];
    expect(cycleOf(services).map(([from, to, cycle]) => `${from}→${to}: ${cycle}`)).toEqual([
      'features→ranking: features → ranking → features',
      'ranking→search: ranking → search → ranking',
      'ranking→features: ranking → features → ranking',
      'search→ranking: search → ranking → search',
    ]);
  });

  it('reports a self-call', () => {
    expect(cycleOf([makeService('loop', { dependsOn: ['other', 'loop'] }), makeService('other')])).toEqual([
      ['loop', 'loop', 'loop → loop', 12],
    ]);
  });

  it('ignores async cycles and finds a 10,000-member ring', { timeout: slowTestTimeout }, () => {
    const asyncRing = [
      makeService('p', { dependsOn: [{ service: 'q', call: 'async' }] }),
      makeService('q', { dependsOn: ['p'] }),
    ];
    expect(cycleOf(asyncRing)).toEqual([]);
    const ring = makeChain(10_000, 1);
    ring[9_999] = makeService('svc-9999', { dependsOn: ['svc-0'] });
    const findings = run(dependencyCycle, ring, {});
    expect(findings).toHaveLength(10_000);
    expect(findings[0]!.data.cycle).toBe('svc-0 → svc-1 → svc-2 → … 9,995 more … → svc-9998 → svc-9999 → svc-0');
  });
});

describe('inherited-hot-path', () => {
  const params = { languagePath: 'smart', preferred: 'go' } as const;

  it('fires on a smart-path service that inherits more than the threshold through sync calls', () => {
    const services = [
      makeService('edge-gateway', { peakRps: 40_000, dependsOn: ['orders'] }),
      makeService('orders', { dependsOn: [{ service: 'pricing', rpsShare: 0.5 }] }),
      makeService('pricing', { language: 'python', peakRps: 800 }),
    ];
    expect(run(inheritedHotPath, services, params)).toEqual([
      {
        service: 'pricing',
        file: 'services/pricing.yaml',
        messageId: 'default',
        data: {
          service: 'pricing',
          language: 'Python',
          effectiveRps: 20_000,
          thresholdRps: 10_000,
          declaredRps: 800,
          chain: 'edge-gateway (40,000 req/s) → orders (×1, 40,000 req/s) → pricing (×0.5, 20,000 req/s)',
          preferredName: 'Go',
        },
        at: 'language',
      },
    ]);
  });

  it.each([
    { name: 'exactly at the threshold', rps: 10_000, language: 'python', declared: undefined, fires: false },
    { name: 'just above it', rps: 10_001, language: 'python', declared: undefined, fires: true },
    { name: 'a hot-path language', rps: 50_000, language: 'go', declared: undefined, fires: false },
    { name: 'a language without a profile', rps: 50_000, language: 'java', declared: undefined, fires: false },
    { name: 'a declared peak already above it', rps: 50_000, language: 'python', declared: 20_000, fires: false },
    { name: 'a declared peak at the threshold', rps: 50_000, language: 'python', declared: 10_000, fires: true },
  ])('$name: fires=$fires', ({ rps, language, declared, fires }) => {
    const services = [
      makeService('caller', { peakRps: rps, dependsOn: ['callee'] }),
      makeService('callee', { language, peakRps: declared }),
    ];
    expect(run(inheritedHotPath, services, params)).toHaveLength(fires ? 1 : 0);
  });

  it('adds up fan-in and ignores async callers', () => {
    const services = [
      makeService('web', { peakRps: 6_000, dependsOn: ['catalog'] }),
      makeService('app', { peakRps: 6_000, dependsOn: ['catalog'] }),
      makeService('batch', { peakRps: 90_000, dependsOn: [{ service: 'catalog', call: 'async' }] }),
      makeService('catalog', { language: 'python' }),
    ];
    const [finding] = run(inheritedHotPath, services, params);
    expect(finding?.data.effectiveRps).toBe(12_000);
  });
});

describe('workspace templates when only some services are reported', () => {
  const services = [
    makeService('checkout', { dependsOn: ['missing-a'] }),
    makeService('search', { dependsOn: ['missing-b'] }),
    makeService('search'),
  ];
  const onlyCheckout = { ...fakeContext(services), isLinted: (service: Service) => service.name === 'checkout' };

  it('build no finding for the services whose findings would be dropped', () => {
    const unknown = unknownDependency.check(services, { maxDistance: 2, maxSuggestions: 3 }, onlyCheckout);
    expect(unknown.map((finding) => [finding.service.name, finding.data.dependency])).toEqual([['checkout', 'missing-a']]);
    expect(duplicateService.check(services, {}, onlyCheckout)).toEqual([]);
    expect(duplicateService.check(services, {}, fakeContext(services)).map((finding) => finding.service.name)).toEqual(['search', 'search']);
  });
});
