// A client's product sums: an open-addressing table that must hold exactly what a map would.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyProductNames, NO_PRODUCTS, productId, ProductSums } from '../../src/core/product-sums.js';

describe('ProductSums', () => {
  it('sums per product exactly as a map of sums does, whatever the ids and their order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: 5_000 }), fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -999_999, max: 999_999 })), { maxLength: 400 }), (adds) => {
        const sums = new ProductSums();
        const model = new Map<number, [number, number]>();
        for (const [id, units, micros] of adds) {
          sums.add(id, units, micros);
          const m = model.get(id) ?? [0, 0];
          model.set(id, [m[0] + units, m[1] + micros]);
        }
        expect(sums.size).toBe(model.size);
        const got = [...sums.entries()].sort((a, b) => a[0] - b[0]);
        expect(got).toEqual([...model].sort((a, b) => a[0] - b[0]).map(([id, [u, m]]) => [id, u, m]));
      }),
      { seed: 18, numRuns: 200 },
    );
  });

  it('the shared empty table is never written', () => {
    expect(NO_PRODUCTS.size).toBe(0);
    expect(() => NO_PRODUCTS.add(1, 1, 0)).toThrow(TypeError);
  });
});

describe('product names', () => {
  it('give each name one id, in the order first seen', () => {
    const names = emptyProductNames();
    expect([productId(names, 'Tea'), productId(names, 'Sugar'), productId(names, 'Tea')]).toEqual([0, 1, 0]);
    expect(names.names).toEqual(['Tea', 'Sugar']);
  });
});
