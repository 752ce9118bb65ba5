import { describe, expect, it } from 'vitest';
import { parseEntityRef, serviceKey } from './entity-ref.js';

describe('parseEntityRef', () => {
  it.each([
    ['component:cart', { kind: 'component', name: 'cart' }],
    ['Component:cart', { kind: 'component', name: 'cart' }],
    ['component:default/cart', { kind: 'component', namespace: 'default', name: 'cart' }],
    ['component:payments/ledger', { kind: 'component', namespace: 'payments', name: 'ledger' }],
    ['resource:artists-db', { kind: 'resource', name: 'artists-db' }],
    ['payments/ledger', { namespace: 'payments', name: 'ledger' }],
    ['cart', { name: 'cart' }],
    ['  component:cart  ', { kind: 'component', name: 'cart' }],
  ])('parses %j', (text, expected) => {
    expect(parseEntityRef(text)).toEqual(expected);
  });

  it.each(['', 'component:', 'component:a/b/c', 'a:b:c', ':cart', 'component:/cart'])('rejects %j', (text) => {
    expect(parseEntityRef(text)).toBeUndefined();
  });
});

describe('serviceKey', () => {
  it('uses the bare name in the default namespace', () => {
    expect(serviceKey(undefined, 'cart')).toBe('cart');
    expect(serviceKey('default', 'cart')).toBe('cart');
    expect(serviceKey('Default', 'cart')).toBe('cart');
  });

  it('prefixes other namespaces', () => {
    expect(serviceKey('payments', 'ledger')).toBe('payments/ledger');
  });

  it('ignores case in namespaces and names, as Backstage does', () => {
    expect(serviceKey('default', 'CartService')).toBe('cartservice');
    expect(serviceKey('Payments', 'Ledger')).toBe('payments/ledger');
  });
});
