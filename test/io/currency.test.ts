// Issue 15: the reader keeps the currency it drops from amounts ("1 200 тг", "$5", "Сумма, тг").
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { currencyMark, headerCurrency, makeNumberParser } from '../../src/io/numbers.js';

describe('currencyMark', () => {
  it('names the currency of the one mark a number carries', () => {
    const cases: [string, string | null][] = [
      ['1 200 тг', 'KZT'],
      ['1 200 тенге', 'KZT'],
      ['₸1 000', 'KZT'],
      ['5 KZT', 'KZT'],
      ['-$5', 'USD'],
      ['$-5', 'USD'],
      ['(5 ₽)', 'RUB'],
      ['5 руб.', 'RUB'],
      ['5р.', 'RUB'],
      ['100 сом', 'KGS'],
      ['EUR 5', 'EUR'],
      ['€5', 'EUR'],
      ['100', null],
      ['-12.5', null],
      ['(100)', null],
      ['1.', null],
      ['', null],
    ];
    for (const [text, code] of cases) expect(currencyMark(text), text).toBe(code);
  });

  it('property: any amount written with a mark reads as the same number, and the mark as its code', () => {
    const marks: [string, string][] = [['тг', 'KZT'], ['₸', 'KZT'], ['руб', 'RUB'], ['₽', 'RUB'], ['$', 'USD'], ['€', 'EUR'], ['сом', 'KGS'], ['usd', 'USD']];
    const parse = makeNumberParser({ decimal: '.' });
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: marks.length - 1 }), fc.boolean(), fc.boolean(), (n, m, prefix, space) => {
        const [mark, code] = marks[m]!;
        const gap = space ? ' ' : '';
        const text = prefix ? `${n < 0 ? '-' : ''}${mark}${gap}${Math.abs(n)}` : `${n}${gap}${mark}`;
        expect(parse(text)).toBe(n === 0 ? 0 : n);
        expect(currencyMark(text)).toBe(code);
        expect(currencyMark(String(n))).toBeNull();
      }),
    );
  });
});

describe('headerCurrency', () => {
  it('reads the currency an amount header names', () => {
    const cases: [string, string | null][] = [
      ['Сумма, тг', 'KZT'],
      ['Amount (USD)', 'USD'],
      ['Выручка ₸', 'KZT'],
      ['Amount, $', 'USD'],
      ['сумма руб.', 'RUB'],
      ['Сумма', null],
      ['Amount', null],
      // One letter is a currency only beside a number.
      ['Сумма, р', null],
    ];
    for (const [text, code] of cases) expect(headerCurrency(text), text).toBe(code);
  });
});
