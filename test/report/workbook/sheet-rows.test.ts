// sheet-rows.ts: numbers go into the sheet's XML as JavaScript writes them, by a faster path for whole cents.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { numberText } from '../../../src/report/workbook/sheet-rows.js';

describe('numberText', () => {
  it('writes every double as String() does', () => {
    fc.assert(
      fc.property(fc.double(), (v) => {
        expect(numberText(v)).toBe(String(v));
      }),
      { numRuns: 20_000 },
    );
  });

  it('writes whole cents (money) as String() does, up to and past the fast path’s limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 15 }), (n, digits) => {
        const c = n % 10 ** digits;
        const v = c / 100;
        expect(numberText(v)).toBe(String(v));
        expect(numberText(c)).toBe(String(c));
      }),
      { numRuns: 20_000 },
    );
  });

  it('handles the edges', () => {
    for (const v of [0, -0, 0.01, -0.01, 0.1, 0.5, -0.5, 1.05, 12.3, 691858.94, 9999999999999.99, 1e13, 1e15, 1e21, 1e-7, 0.1 + 0.2, NaN, Infinity, -Infinity, Number.MAX_VALUE, Number.MIN_VALUE]) {
      expect(numberText(v)).toBe(String(v));
    }
  });
});
