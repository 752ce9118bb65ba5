import { describe, expect, it } from 'vitest';
import { analyseWorkspace } from './analyse.js';
import { formatTrafficChain, heaviestChain } from './traffic.js';
import { makeChain, makeService } from '../../../test/support/services.js';
import type { Service } from '../../types.js';
import { slowTestTimeout } from '../../../test/timeouts.js';

function effective(services: Service[]): Record<string, number> {
  const { graph, traffic } = analyseWorkspace(services);
  return Object.fromEntries(graph.services.map((service, node) => [service.name, traffic[node]!.effectiveRps]));
}

function chainText(services: Service[], name: string): string {
  const analysis = analyseWorkspace(services);
  const node = analysis.graph.indexByName.get(name)!;
  return formatTrafficChain(heaviestChain(node, analysis.traffic), analysis.graph);
}

describe('effective peak traffic', () => {
  it('propagates through a chain of depth 3 with rpsShare', () => {
    const services = [
      makeService('edge-gateway', { peakRps: 40_000, dependsOn: ['orders'] }),
      makeService('orders', { peakRps: 500, dependsOn: [{ service: 'pricing', rpsShare: 0.5 }] }),
      makeService('pricing', { language: 'python', dependsOn: [{ service: 'tax', rpsShare: 0.3 }] }),
      makeService('tax', { language: 'python', peakRps: 100 }),
    ];
    expect(effective(services)).toEqual({ 'edge-gateway': 40_000, orders: 40_000, pricing: 20_000, tax: 6_000 });
    expect(chainText(services, 'tax')).toBe(
      'edge-gateway (40,000 req/s) → orders (×1, 40,000 req/s) → pricing (×0.5, 20,000 req/s) → tax (×0.3, 6,000 req/s)',
    );
  });

  it('adds up fan-in from several callers and follows the heaviest one', () => {
    const services = [
      makeService('web', { peakRps: 6_000, dependsOn: ['catalog'] }),
      makeService('mobile', { peakRps: 9_000, dependsOn: [{ service: 'catalog', rpsShare: 0.5 }] }),
      makeService('partner', { peakRps: 2_000, dependsOn: ['catalog'] }),
      makeService('catalog', { language: 'python' }),
    ];
    expect(effective(services).catalog).toBe(12_500);
    expect(chainText(services, 'catalog')).toBe('web (6,000 req/s) → catalog (×1, 6,000 req/s)');
  });

  it('keeps the declared peak when it is larger than the inbound traffic', () => {
    const services = [
      makeService('gateway', { peakRps: 1_000, dependsOn: ['search'] }),
      makeService('search', { peakRps: 5_000 }),
    ];
    expect(effective(services).search).toBe(5_000);
    expect(chainText(services, 'search')).toBe('search (5,000 req/s)');
  });

  it('does not propagate through async calls', () => {
    const services = [
      makeService('gateway', { peakRps: 40_000, dependsOn: [{ service: 'events', call: 'async' }] }),
      makeService('events', { language: 'python', peakRps: 300, dependsOn: ['archive'] }),
      makeService('archive', { language: 'python' }),
    ];
    expect(effective(services)).toEqual({ gateway: 40_000, events: 300, archive: 300 });
  });

  it('rounds away floating-point noise from shares', () => {
    const services = [
      makeService('gateway', { peakRps: 40_000, dependsOn: [{ service: 'a', rpsShare: 0.3 }] }),
      makeService('a'),
    ];
    expect(effective(services).a).toBe(12_000);
  });

  it('carries traffic entering a sync cycle once around it, cutting the call back to where it entered', () => {
    const services = [
      makeService('gateway', { peakRps: 20_000, dependsOn: ['a'] }),
      makeService('a', { dependsOn: [{ service: 'b', rpsShare: 0.5 }] }),
      makeService('b', { dependsOn: ['a', 'c'] }),
      makeService('c'),
    ];
    expect(effective(services)).toEqual({ gateway: 20_000, a: 20_000, b: 10_000, c: 10_000 });
    expect(chainText(services, 'c')).toBe('gateway (20,000 req/s) → a (×1, 20,000 req/s) → b (×0.5, 10,000 req/s) → c (×1, 10,000 req/s)');
  });

  it('enters a cycle where the traffic comes from outside, whatever the members are called', () => {
    const services = [
      makeService('gateway', { peakRps: 20_000, dependsOn: ['py-b'] }),
      makeService('py-a', { language: 'python', dependsOn: ['py-b'] }),
      makeService('py-b', { language: 'python', dependsOn: ['py-a'] }),
    ];
    expect(effective(services)).toEqual({ gateway: 20_000, 'py-a': 20_000, 'py-b': 20_000 });
  });

  it('carries a member declared peak around a cycle nobody calls from outside', () => {
    const services = [
      makeService('ping', { peakRps: 300, dependsOn: ['pong'] }),
      makeService('pong', { dependsOn: ['ping'] }),
    ];
    expect(effective(services)).toEqual({ ping: 300, pong: 300 });
  });

  it('saturates at 10^12 req/s instead of reaching Infinity', () => {
    const services = [
      makeService('s0', { peakRps: 1e12, dependsOn: [{ service: 's1', rpsShare: 1000 }] }),
      makeService('s1', { dependsOn: [{ service: 's2', rpsShare: 1000 }] }),
      makeService('s2'),
    ];
    expect(effective(services)).toEqual({ s0: 1e12, s1: 1e12, s2: 1e12 });
  });

  it('ignores unknown dependencies and the calls of duplicate declarations', () => {
    const services = [
      makeService('gateway', { peakRps: 1_000, dependsOn: ['missing', 'orders'] }),
      makeService('orders'),
      makeService('gateway', { peakRps: 90_000, dependsOn: ['orders'], file: 'other/gateway.yaml' }),
    ];
    expect(effective(services)).toEqual({ gateway: 1_000, orders: 1_000 });
  });

  it('propagates along a 10,000-service chain and abbreviates the chain', { timeout: slowTestTimeout }, () => {
    const services = makeChain(10_000, 50_000);
    const result = effective(services);
    expect(result['svc-9999']).toBe(50_000);
    expect(chainText(services, 'svc-9999')).toBe(
      'svc-0 (50,000 req/s) → svc-1 (×1, 50,000 req/s) → svc-2 (×1, 50,000 req/s) → … 9,994 more … → ' +
        'svc-9997 (×1, 50,000 req/s) → svc-9998 (×1, 50,000 req/s) → svc-9999 (×1, 50,000 req/s)',
    );
  });

  it('sums a fan-in of 10,000 callers', { timeout: slowTestTimeout }, () => {
    const callers = Array.from({ length: 10_000 }, (_, index) =>
      makeService(`client-${index}`, { peakRps: 2, dependsOn: [{ service: 'hub', rpsShare: 0.5 }] }),
    );
    expect(effective([...callers, makeService('hub')]).hub).toBe(10_000);
  });
});
