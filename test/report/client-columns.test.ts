// The CSV's numbers (SPEC §9): plain decimals, rounded by kind, trailing zeros dropped, never an exponent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numberText, type ColumnKind } from '../../src/report/client-columns.js';

const DIGITS: Record<ColumnKind, number> = { text: 0, money: 6, share: 10, ratio: 10, integer: 0, date: 0, number: 6 };
const KINDS = Object.keys(DIGITS) as ColumnKind[];

/** The rule, written the plain way: toFixed, then the fraction's trailing zeros (and a bare point) dropped; never -0. */
function plain(value: number, kind: ColumnKind): string {
  const digits = DIGITS[kind];
  let text = value.toFixed(digits);
  if (digits > 0) text = text.replace(/\.?0+$/, '');
  return text === '-0' ? '0' : text;
}

describe('numberText', () => {
  it('writes what toFixed writes, without trailing zeros, for any number below 10^21 (property)', () => {
    const number = fc.oneof(fc.double({ min: -1e21, max: 1e21, noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.double({ min: -2, max: 2, noNaN: true }), fc.constantFrom(0, -0, 0.1, -0.0000004, 1e-7, 123.4500001, -5.5));
    fc.assert(
      fc.property(number, fc.constantFrom(...KINDS), (value, kind) => {
        fc.pre(Math.abs(value) < 1e21);
        expect(numberText(value, kind)).toBe(plain(value, kind));
      }),
      { numRuns: 5000 },
    );
  });

  it('writes every digit of a number from 10^21 on, never an exponent', () => {
    expect(numberText(1e21, 'money')).toBe('1000000000000000000000');
    expect(numberText(-1e30, 'integer')).toBe('-1000000000000000019884624838656');
    expect(numberText(1e30, 'share')).not.toMatch(/e/);
  });
});
