import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { detectNumberDialect, makeNumberParser, parseDecimalOption } from '../../src/io/numbers.js';

/** The decimal mark detectNumberDialect settles on, or its refusal. */
function detectNumberFormat(samples: readonly string[]): unknown {
  const d = detectNumberDialect(samples);
  return 'format' in d ? d.format : d;
}

const dot = makeNumberParser({ decimal: '.' });
const comma = makeNumberParser({ decimal: ',' });

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('decimal point dialect', () => {
  it('reads plain numbers (fast path)', () => {
    expect(dot('123')).toBe(123);
    expect(dot('-12.5')).toBe(-12.5);
    expect(dot('+7')).toBe(7);
    expect(dot('0.5')).toBe(0.5);
    expect(dot('.5')).toBe(0.5);
    expect(dot('5.')).toBe(5);
    expect(dot('007')).toBe(7);
  });

  it('reads grouped, signed, accounting and currency forms', () => {
    expect(dot('1,234,567.89')).toBe(1234567.89);
    expect(dot('1 234 567.89')).toBe(1234567.89);
    expect(dot(`1${NBSP}234${NBSP}567.89`)).toBe(1234567.89);
    expect(dot(`1${NNBSP}234.5`)).toBe(1234.5);
    expect(dot("1'234.50")).toBe(1234.5); // Swiss grouping
    expect(dot('1\u2019234.50')).toBe(1234.5);
    expect(dot('(12.50)')).toBe(-12.5); // accounting negative
    expect(dot('( 1,234.00 )')).toBe(-1234);
    expect(dot('\u221212.5')).toBe(-12.5); // unicode minus
    expect(dot('  42  ')).toBe(42);
    expect(dot('1e3')).toBe(1000);
    expect(dot('-2.5E-2')).toBe(-0.025);
    expect(dot('$1,234.50')).toBe(1234.5);
    expect(dot('-$12.50')).toBe(-12.5);
    expect(dot('$-12.50')).toBe(-12.5);
    expect(dot('($12.50)')).toBe(-12.5);
    expect(dot('€ 10')).toBe(10);
    expect(dot('£3.20')).toBe(3.2);
    expect(dot('USD 100')).toBe(100);
    expect(dot('100 usd')).toBe(100);
  });

  it('folds negative zero to zero', () => {
    expect(Object.is(dot('-0'), 0)).toBe(true);
    expect(Object.is(dot('(0.00)'), 0)).toBe(true);
    expect(Object.is(dot('-0.0 $'), 0)).toBe(true);
  });

  it('refuses garbage and wrong grouping', () => {
    for (const bad of [
      '',
      '   ',
      '-',
      '.',
      '1,5', // a separator must be followed by exactly 3 digits: not 15
      '1,2345',
      '1,23',
      ',123',
      '1,,234',
      '1234,567', // first group longer than 3 digits
      '1,234 567', // mixed separator kinds
      '1 234,5',
      '12 34',
      '1.234.567', // '.' is the decimal mark here
      '1,234.5.6',
      'abc',
      '12abc',
      '0x10',
      'NaN',
      'Infinity',
      '1e',
      '1e+',
      '1e999', // not finite
      '--5',
      '(-5)',
      '(5',
      '5)',
      '$5 руб', // one currency mark only
      '5 $ $',
      '5%',
      '1 2',
      '1\t234',
    ]) {
      expect(dot(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });
});

describe('decimal comma dialect', () => {
  it('reads 1C and European forms', () => {
    expect(comma(`1${NBSP}234${NBSP}567,89`)).toBe(1234567.89); // 1C export
    expect(comma(`1${NNBSP}234${NNBSP}567,89`)).toBe(1234567.89);
    expect(comma('1 234 567,89')).toBe(1234567.89);
    expect(comma('1.234.567,89')).toBe(1234567.89);
    expect(comma("1'234,50")).toBe(1234.5);
    expect(comma('-12,5')).toBe(-12.5);
    expect(comma('12,5')).toBe(12.5);
    expect(comma(',5')).toBe(0.5);
    expect(comma('1.234')).toBe(1234); // '.' groups thousands here
    expect(comma('(1 234,00)')).toBe(-1234);
    expect(comma('1 234,00 тг')).toBe(1234);
    expect(comma('1 234,00 ₸')).toBe(1234);
    expect(comma('500 руб.')).toBe(500);
    expect(comma('500р.')).toBe(500);
    expect(comma('-1 500,00 KZT')).toBe(-1500);
    expect(comma('1500 тенге')).toBe(1500);
    expect(comma('1,5e3')).toBe(1500);
    expect(Object.is(comma('-0'), 0)).toBe(true);
    expect(Object.is(comma('-0,00'), 0)).toBe(true);
  });

  it('refuses forms of the other dialect and garbage', () => {
    for (const bad of ['1.5', '0.5', '1,234.56', '1.234,5.6', '1.23', '12,5,6', '1 234.00', 'тг', '5 тгх', '5 штук']) {
      expect(comma(bad), JSON.stringify(bad)).toBeUndefined();
    }
  });
});

describe('round-trip of formatted numbers', () => {
  // The value is fixed by an integer part and fraction digits; formatting inserts the separator
  // every 3 digits from the right. Expected value = Number of the plain '123.45' form.
  const groupInt = (digits: string, sep: string): string => {
    let out = '';
    for (let i = 0; i < digits.length; i++) {
      if (i > 0 && (digits.length - i) % 3 === 0) out += sep;
      out += digits[i];
    }
    return out;
  };
  const seps = { '.': [',', ' ', NBSP, NNBSP, "'"], ',': ['.', ' ', NBSP, NNBSP, "'"] } as const;

  it('parses back to the same value in every dialect and separator', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'.' | ','>('.', ','),
        fc.bigInt({ min: 0n, max: 999_999_999_999_999n }),
        fc.string({ unit: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9'), maxLength: 6 }),
        fc.nat({ max: 4 }),
        fc.boolean(),
        fc.constantFrom('none', '-', '\u2212', '()', '+'),
        (decimal, int, frac, sepIndex, group, sign) => {
          const sep = seps[decimal][sepIndex]!;
          const grouped = group ? groupInt(int.toString(), sep) : int.toString();
          const body = frac === '' ? grouped : `${grouped}${decimal}${frac}`;
          const text = sign === 'none' || sign === '+' ? `${sign === '+' ? '+' : ''}${body}` : sign === '()' ? `(${body})` : `${sign}${body}`;
          const magnitude = Number(frac === '' ? int.toString() : `${int}.${frac}`);
          const expected = magnitude === 0 ? 0 : sign === 'none' || sign === '+' ? magnitude : -magnitude;
          const parser = makeNumberParser({ decimal });
          expect(parser(text)).toBe(expected);
          expect(parser(` ${text} `)).toBe(expected);
          // the plain, ungrouped form reads too
          const plain = frac === '' ? int.toString() : `${int}${decimal}${frac}`;
          expect(parser(plain)).toBe(magnitude);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('reads JavaScript number text back exactly under decimal "."', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const expected = v === 0 ? 0 : v;
        expect(dot(String(v))).toBe(expected);
        expect(comma(String(v).replace('.', ','))).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('detectNumberDialect', () => {
  it('finds the decimal comma', () => {
    expect(detectNumberFormat(['12,5', '100'])).toEqual({ decimal: ',' }); // comma + 1 digit
    expect(detectNumberFormat(['12,50'])).toEqual({ decimal: ',' }); // comma + 2 digits
    expect(detectNumberFormat(['0,1234'])).toEqual({ decimal: ',' }); // comma + 4 digits
    expect(detectNumberFormat(['1.234,56'])).toEqual({ decimal: ',' }); // '.' groups, ',' after it
    expect(detectNumberFormat(['1.234.567'])).toEqual({ decimal: ',' }); // repeated '.' groups
    expect(detectNumberFormat([`1${NBSP}234,5`])).toEqual({ decimal: ',' });
  });

  it('finds the decimal point, and defaults to it', () => {
    expect(detectNumberFormat(['12.5'])).toEqual({ decimal: '.' });
    expect(detectNumberFormat(['1,234.56'])).toEqual({ decimal: '.' });
    expect(detectNumberFormat(['1,234,567'])).toEqual({ decimal: '.' });
    expect(detectNumberFormat(['1.5', '1,234', '100'])).toEqual({ decimal: '.' }); // '1,234' casts no vote
    expect(detectNumberFormat(['1,234', '1.234', '100'])).toEqual({ ambiguous: true, example: '1,234', point: ',' }); // no evidence, two readings
    expect(detectNumberFormat([])).toEqual({ decimal: '.' });
    expect(detectNumberFormat(['12,5', '100', '7,25'])).toEqual({ decimal: ',' });
  });

  it('refuses numbers written with both marks, each where only it reads (never half the rows dropped)', () => {
    expect(detectNumberFormat(['12,5', '12.5'])).toEqual({ mixed: true, example: '12.5', other: '12,5' });
    expect(detectNumberFormat(['12,5', '7,25', '3.5'])).toEqual({ mixed: true, example: '3.5', other: '12,5' });
    expect(detectNumberFormat(['1,234.56', '1.234,56'])).toEqual({ mixed: true, example: '1,234.56', other: '1.234,56' });
  });

  it('detects the dialect of randomly formatted amounts with 1-2 decimals', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'.' | ','>('.', ','),
        fc.array(fc.tuple(fc.nat({ max: 10_000_000 }), fc.integer({ min: 1, max: 99 })), { minLength: 1, maxLength: 20 }),
        (decimal, values) => {
          const samples = values.map(([i, f]) => `${i}${decimal}${String(f).padStart(f % 2 === 0 ? 2 : 1, '0')}`);
          expect(detectNumberFormat(samples)).toEqual({ decimal });
        },
      ),
    );
  });
});

describe('parseDecimalOption', () => {
  it('accepts the marks and their names', () => {
    expect(parseDecimalOption('.')).toEqual({ decimal: '.' });
    expect(parseDecimalOption('dot')).toEqual({ decimal: '.' });
    expect(parseDecimalOption(',')).toEqual({ decimal: ',' });
    expect(parseDecimalOption('Comma')).toEqual({ decimal: ',' });
    expect(parseDecimalOption(';')).toBeUndefined();
    expect(parseDecimalOption('')).toBeUndefined();
  });
});
