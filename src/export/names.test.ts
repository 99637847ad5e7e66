import { describe, expect, it } from 'vitest';
import { dnsLabel, envName, uniqueLabels } from './names';

const DNS_1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

describe('names', () => {
  it('turns any scenario id into a DNS-1035 label', () => {
    expect(dnsLabel('Checkout_API')).toBe('checkout-api');
    expect(dnsLabel('svc.v2:blue')).toBe('svc-v2-blue');
    expect(dnsLabel('2fa')).toBe('node-2fa');
    expect(dnsLabel('___')).toBe('node');
    for (const id of ['A', '_x', 'a.b.c', 'x'.repeat(64), 'Z9:', '9'.repeat(64)]) {
      const l = dnsLabel(id);
      expect(l).toMatch(DNS_1035);
      expect(l.length).toBeLessThanOrEqual(63);
    }
  });

  it('keeps names unique, the first comer keeping the plain one', () => {
    const m = uniqueLabels(['shop_v1', 'shop.v1', 'Shop-V1', 'x'.repeat(64), 'x'.repeat(63) + 'y']);
    expect([...m.values()]).toEqual(['shop-v1', 'shop-v1-2', 'shop-v1-3', 'x'.repeat(63), `${'x'.repeat(61)}-2`]);
    expect(new Set(m.values()).size).toBe(5);
  });

  it('makes environment variable names', () => {
    expect(envName('catalog-db')).toBe('CATALOG_DB');
  });
});
