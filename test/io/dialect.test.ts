import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  createDecoder,
  DecodeError,
  detectEncoding,
  findHeaderRow,
  looksBinary,
  parseEncodingOption,
  sniffDelimiter,
  type Delimiter,
} from '../../src/io/dialect.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

// 'Покупатель;Сумма' in Windows-1251, written out byte by byte (not produced by the code under test).
const CP1251_HEADER = new Uint8Array([
  0xcf, 0xee, 0xea, 0xf3, 0xef, 0xe0, 0xf2, 0xe5, 0xeb, 0xfc, 0x3b, 0xd1, 0xf3, 0xec, 0xec, 0xe0,
]);

describe('sniffDelimiter', () => {
  it('finds each delimiter in a plain table', () => {
    const rows = [
      ['client', 'date', 'amount'],
      ['A', '2023-01-05', '10'],
      ['B', '2023-01-06', '20'],
    ];
    for (const d of [',', ';', '\t', '|'] as const) {
      expect(sniffDelimiter(rows.map((r) => r.join(d)).join('\n') + '\n')).toBe(d);
    }
  });

  it('is not fooled by quoted fields holding ; and ,', () => {
    // Counting raw ';' would say 3 fields on data lines vs 2 on the header -> ';' would look
    // inconsistent but ',' too; quote-aware splitting gives a clean 3 for ','.
    const text = [
      'client,date,amount',
      '"Acme; Ltd, Almaty",2023-01-05,10',
      '"Beta ""B""; Co, LLP",2023-01-06,20',
      '"Gamma; x; y, z",2023-01-07,30',
      '',
    ].join('\r\n');
    expect(sniffDelimiter(text)).toBe(',');
    const semi = [
      'client;date;amount',
      '"Acme, Ltd; Almaty";2023-01-05;"1,234.50"',
      '"Beta ""B"", Co; LLP";2023-01-06;"2,000.00"',
      '"Gamma, x, y; z";2023-01-07;"3,5"',
      '',
    ].join('\r\n');
    expect(sniffDelimiter(semi)).toBe(';');
  });

  it('handles a quoted field with a newline inside', () => {
    const text = 'a;b;c\n"multi\nline; text, here";2;3\nx;y;z\n';
    expect(sniffDelimiter(text)).toBe(';');
  });

  it('ignores 1C title rows above the header and decimal commas in amounts', () => {
    const text = [
      'Отчет по продажам',
      'Период: 01.01.2023 - 31.12.2023',
      '',
      'Покупатель;Дата;Сумма;Количество',
      'ТОО Альфа;05.01.2023;1 234,50;2',
      'ИП Бета;06.01.2023;99,90;1',
      'ТОО Гамма;07.01.2023;100;3,5',
      '',
    ].join('\r\n');
    expect(sniffDelimiter(text)).toBe(';');
  });

  it('prefers the more fields when two delimiters split every line evenly', () => {
    // every line has exactly one decimal comma, so ',' also splits consistently (2 fields)
    const text = 'A;05.01.2023;1,5\nB;06.01.2023;2,5\nC;07.01.2023;3,5\n';
    expect(sniffDelimiter(text)).toBe(';');
  });

  it('drops an incomplete last line (the head of a file is cut anywhere)', () => {
    // Complete lines: ';' and ',' each split 2 lines into 2 fields, a tie that ',' wins by order.
    // The cut line 'i;j' would give ';' a third match if it were counted.
    expect(sniffDelimiter('a;b\nc;d\ne,f\ng,h\ni;j')).toBe(',');
    expect(sniffDelimiter('a;b\nc;d\ne,f\ng,h\ni;j\n')).toBe(';');
    // but a one-line text without a newline is still read
    expect(sniffDelimiter('a;b;c')).toBe(';');
  });

  it('falls back to "," for a single column', () => {
    expect(sniffDelimiter('client\nA\nB\n')).toBe(',');
    expect(sniffDelimiter('')).toBe(',');
  });

  it('counts a quote in the middle of a field against the candidate', () => {
    // Under ',' every line splits into 2 fields just like under ';' (a tie ',' would win by
    // order), but under ',' the quotes sit mid-field: only ';' reads the quoting cleanly.
    const text = 'id;name\n1;"Smith, John"\n2;"Doe, Jane"\n3;"Roe, Richard"\n';
    expect(sniffDelimiter(text)).toBe(';');
  });

  it('does not count a closing quote followed by text as clean', () => {
    // Under ';' each line opens a quote at its start, closes it, then runs on to '|Almaty': with
    // the rest split by ';' that is 3 fields, as many as '|' gives, and ';' comes first in order.
    const text = '"Smith; John"|Almaty; Abay; 5|10\n"Doe; Jane"|Astana; Kenesary; 7|20\n';
    expect(sniffDelimiter(text)).toBe('|');
  });

  it('weighs records whose quoting does not fit against the candidate', () => {
    // A multi-line quoted note holding ';': under ';' its inner lines split cleanly into 2 fields
    // (2 matches against 1 for '|'), but the lines that open and close the quote do not fit.
    const text = 'id|note\n1|"x\na;b\nc;d\ny"\n';
    expect(sniffDelimiter(text)).toBe('|');
  });

  it('finds the delimiter of random tables with quoted cells', () => {
    // Each row starts with a plain id (as ledgers do); other cells may be quoted and hold any
    // delimiter, quote or newline.
    const cell = fc.oneof(
      fc.stringMatching(/^[A-Za-z0-9 .]{0,8}$/),
      fc.stringMatching(/^[A-Za-z0-9 ,;|\t"\n]{0,8}$/).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    const row = (width: number) =>
      fc.tuple(fc.stringMatching(/^[A-Za-z0-9]{1,8}$/), fc.array(cell, { minLength: width, maxLength: width })).map(([id, rest]) => [id, ...rest]);
    fc.assert(
      fc.property(
        fc.constantFrom<Delimiter>(',', ';', '\t', '|'),
        fc.integer({ min: 1, max: 5 }).chain((width) => fc.array(row(width), { minLength: 2, maxLength: 30 })),
        (d, rows) => {
          expect(sniffDelimiter(rows.map((r) => r.join(d)).join('\n') + '\n')).toBe(d);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('detectEncoding', () => {
  it('detects and decodes Windows-1251', () => {
    expect(detectEncoding(CP1251_HEADER)).toBe('windows-1251');
    const dec = createDecoder('windows-1251');
    expect(dec.write(CP1251_HEADER) + dec.end()).toBe('Покупатель;Сумма');
  });

  it('takes BOM, valid UTF-8 and ASCII as utf8', () => {
    expect(detectEncoding(utf8('\ufeffclient;amount'))).toBe('utf8');
    expect(detectEncoding(utf8('Покупатель;Сумма'))).toBe('utf8');
    expect(detectEncoding(utf8('client;amount'))).toBe('utf8');
    expect(detectEncoding(new Uint8Array())).toBe('utf8');
  });

  it('trusts a BOM over the bytes after it', () => {
    // a file that declares UTF-8 is read as UTF-8 (bad bytes become U+FFFD), not as cp1251
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0xcf, 0x3b, 0x41]))).toBe('utf8');
  });

  it('accepts a multibyte character cut at the end of the head', () => {
    const bytes = utf8('Сумма;Клиент');
    expect(detectEncoding(bytes.subarray(0, 3))).toBe('utf8'); // 'С' + first byte of 'у'
  });

  it('refuses invalid UTF-8 in the middle', () => {
    // a lone continuation byte, then ASCII: cannot be UTF-8
    expect(detectEncoding(new Uint8Array([0x41, 0x80, 0x41]))).toBe('windows-1251');
    // a cp1251 'П' (0xCF) followed by ASCII ';'
    expect(detectEncoding(new Uint8Array([0xcf, 0x3b, 0x41]))).toBe('windows-1251');
  });
});

describe('createDecoder', () => {
  it('strips a UTF-8 BOM', () => {
    const dec = createDecoder('utf8');
    expect(dec.write(utf8('\ufeffa;b\n'))).toBe('a;b\n');
    expect(dec.end()).toBe('');
  });

  it('strips a BOM split across chunks', () => {
    const dec = createDecoder('utf8');
    const bytes = utf8('\ufeffx');
    expect(dec.write(bytes.subarray(0, 2)) + dec.write(bytes.subarray(2)) + dec.end()).toBe('x');
  });

  it('decodes a multibyte character split across two chunks', () => {
    const bytes = utf8('Сумма ₸'); // 'С' is 2 bytes, '₸' is 3
    const dec = createDecoder('utf8');
    const a = dec.write(bytes.subarray(0, 1)); // half of 'С'
    const b = dec.write(bytes.subarray(1, bytes.length - 1)); // ... up to 2/3 of '₸'
    const c = dec.write(bytes.subarray(bytes.length - 1));
    expect(a).toBe('');
    expect(a + b + c + dec.end()).toBe('Сумма ₸');
    expect(c).toBe('₸');
  });

  it('reassembles any chunking of any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        const bytes = utf8(text);
        const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((x, y) => x - y);
        const dec = createDecoder('utf8');
        let out = '';
        let prev = 0;
        for (const p of [...points, bytes.length]) {
          out += dec.write(bytes.subarray(prev, p));
          prev = p;
        }
        expect(out + dec.end()).toBe(text.startsWith('\ufeff') ? text.slice(1) : text);
      }),
    );
  });
});

describe('the decoder reports the first invalid byte (SPEC §1: never a silent U+FFFD)', () => {
  /** Decodes `bytes` cut at `cuts`; the text, or the text up to the invalid byte and that byte. */
  function decodeAll(encoding: 'utf8' | 'windows-1251' | undefined, bytes: Uint8Array, cuts: number[]): { text: string; byte?: number } {
    const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((x, y) => x - y);
    const dec = createDecoder(encoding);
    let out = '';
    let prev = 0;
    try {
      for (const p of [...points, bytes.length]) {
        out += dec.write(bytes.subarray(prev, p));
        prev = p;
      }
      return { text: out + dec.end() };
    } catch (error) {
      if (!(error instanceof DecodeError)) throw error;
      return { text: out + error.textBefore, byte: error.byte };
    }
  }
  const piece = fc.constantFrom('a', '1', ',', '\n', 'Ж', 'ё', 'Ә', '₸', '€', '😀', ' ', '\u00a0');
  const bad = fc.constantFrom([0xff], [0xfe], [0xc0], [0xc1], [0x80], [0xbf], [0xf5], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0xf0, 0x9f, 0x98]);

  it('UTF-8 with an invalid byte anywhere, cut anywhere: the text before it, then the byte', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.array(piece, { maxLength: 40 }), bad, fc.array(fc.nat(), { maxLength: 8 }), fc.constantFrom('utf8' as const, undefined), (before, after, invalid, cuts, encoding) => {
        const head = before.join('');
        // After a truncated sequence, ASCII: the sequence cannot complete.
        const tail = invalid.length > 1 && invalid.length < 4 && invalid[0]! >= 0xe0 ? `a${after.join('')}` : after.join('');
        const bytes = new Uint8Array([...utf8(head), ...invalid, ...utf8(tail)]);
        // Undecided, a head with fewer than three multibyte characters is taken for Windows-1251, where every byte is a letter.
        if (encoding === undefined && [...head].filter((c) => c.charCodeAt(0) > 0x7f).length < 3) return;
        expect(decodeAll(encoding, bytes, cuts)).toEqual({ text: head, byte: invalid[0] });
      }),
      { numRuns: 2000 },
    );
  });

  it('valid UTF-8 and Windows-1251 text, cut anywhere, decodes whole', () => {
    const cyrillic = fc.array(fc.constantFrom('а', 'Я', 'ё', 'Ё', 'ж', ' ', ',', '1', '\n', '№'), { maxLength: 60 }).map((p) => p.join(''));
    fc.assert(
      fc.property(cyrillic, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
        expect(decodeAll('utf8', utf8(text), cuts)).toEqual({ text });
        expect(decodeAll(undefined, utf8(text), cuts)).toEqual({ text });
        const cp = new Uint8Array([...text].map((c) => (c === 'ё' ? 0xb8 : c === 'Ё' ? 0xa8 : c === '№' ? 0xb9 : c.charCodeAt(0) >= 0x410 ? c.charCodeAt(0) - 0x410 + 0xc0 : c.charCodeAt(0))));
        expect(decodeAll('windows-1251', cp, cuts)).toEqual({ text });
      }),
      { numRuns: 1000 },
    );
  });

  it('a head that reads as UTF-8 for a few characters stays UTF-8 (two exports joined by cat): the Windows-1251 part is the error', () => {
    const bytes = new Uint8Array([...utf8('клиент;сумма\nАлма;1\n'), ...CP1251_HEADER]);
    expect(detectEncoding(bytes)).toBe('utf8');
    expect(decodeAll(undefined, bytes, [5, 17])).toEqual({ text: 'клиент;сумма\nАлма;1\n', byte: 0xcf });
  });
});

describe('parseEncodingOption', () => {
  it('knows the spellings', () => {
    for (const t of ['utf8', 'UTF-8', ' utf-8 ']) expect(parseEncodingOption(t)).toBe('utf8');
    for (const t of ['cp1251', 'windows-1251', 'win1251', 'Windows-1251']) expect(parseEncodingOption(t)).toBe('windows-1251');
    expect(parseEncodingOption('latin1')).toBeUndefined();
    expect(parseEncodingOption('')).toBeUndefined();
  });
});

describe('findHeaderRow', () => {
  const known = new Set(['покупатель', 'дата', 'сумма', 'client', 'date', 'amount']);
  const isHeader = (cell: string): boolean => known.has(cell.trim().toLowerCase());

  it('skips title rows', () => {
    const rows = [['Отчет по продажам'], ['Период: 2023', '', ''], [], ['Покупатель', 'Дата', 'Сумма'], ['A', '05.01.2023', '10']];
    expect(findHeaderRow(rows, isHeader)).toBe(3);
  });

  it('needs minMatches recognised cells', () => {
    // a title row that happens to contain one known word is not the header
    const rows = [['Дата', 'отчета: 2023'], ['client', 'date', 'amount']];
    expect(findHeaderRow(rows, isHeader)).toBe(1);
    expect(findHeaderRow(rows, isHeader, 1)).toBe(0);
    expect(findHeaderRow(rows, isHeader, 3)).toBe(1);
    expect(findHeaderRow(rows, isHeader, 4)).toBe(-1);
  });

  it('returns -1 when no row qualifies', () => {
    expect(findHeaderRow([['x', 'y'], ['1', '2']], isHeader)).toBe(-1);
    expect(findHeaderRow([], isHeader)).toBe(-1);
  });
});

describe('looksBinary', () => {
  it('flags NUL bytes and control-heavy data', () => {
    expect(looksBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]))).toBe(true); // zip header
    expect(looksBinary(utf8('a,b\n1,2\n\u0000'))).toBe(true);
    const noisy = new Uint8Array(100).fill(0x41);
    for (let i = 0; i < 10; i++) noisy[i * 10] = 0x02;
    expect(looksBinary(noisy)).toBe(true);
    // one NUL in a long text is enough (its control-byte share alone would be tiny)
    const text = utf8('client;amount\n'.repeat(100) + '\u0000');
    expect(looksBinary(text)).toBe(true);
  });

  it('passes text, including tabs, CRLF, cp1251 and a few stray control chars', () => {
    expect(looksBinary(utf8('client\tamount\r\nA\t1\r\n'))).toBe(false);
    expect(looksBinary(CP1251_HEADER)).toBe(false);
    expect(looksBinary(new Uint8Array())).toBe(false);
    const mostlyText = new Uint8Array(100).fill(0x41);
    mostlyText[50] = 0x02; // 1% control bytes
    expect(looksBinary(mostlyText)).toBe(false);
  });
});
