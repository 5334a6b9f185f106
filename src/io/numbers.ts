// Readers for the number forms found in real sales ledgers (SPEC §1): decimal point or decimal
// comma, thousands separators, accounting negatives, currency marks. Pure functions over strings.
//
// What a parser made by makeNumberParser({ decimal }) accepts, in order:
//  - surrounding whitespace (incl. U+00A0, U+202F) is trimmed; '' -> undefined;
//  - '(…)' around the whole value makes it negative (accounting style); a sign inside is refused;
//  - a sign '-', '+' or U+2212 (unicode minus), before or after a currency prefix ('-$5', '$-5');
//  - ONE currency mark, as a prefix or a suffix, spaces allowed between it and the number:
//    symbols $ € £ ¥ ₸ ₽, words тг, тенге, руб, р, сом, kzt, rub, usd, eur, kgs (case-insensitive; a
//    suffix word may end with '.', e.g. 'руб.', 'р.'). Anything else around the number -> undefined;
//  - the integer part, optionally grouped. Group separators: with decimal '.', ',' space U+00A0
//    U+202F U+2009 U+2007 and apostrophe (' or U+2019); with decimal ',', the same with '.'
//    instead of ','. The first group has 1-3 digits, every separator is followed by exactly 3
//    digits, and one number uses one kind of separator (all the space-like ones count as one
//    kind). So with decimal '.', '1,5' and '1,2345' are undefined (not 15 / 12345);
//  - an optional fraction: the decimal mark then digits ('.5' and '5.' are read);
//  - an optional exponent e/E[sign]digits.
// The value is what Number() gives for the cleaned text; non-finite values are undefined and
// negative zero is returned as 0 (so '-0' and '(0)' print as 0).

export interface NumberFormat {
  decimal: '.' | ',';
}

function isTrimSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007 || c === 0xfeff;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0x400 && c <= 0x4ff);
}

const CURRENCY_SYMBOLS: ReadonlySet<number> = new Set([0x24, 0x20ac, 0xa3, 0xa5, 0x20b8, 0x20bd]);
const CURRENCY_WORDS: readonly string[] = ['тенге', 'руб', 'тг', 'сом', 'р', 'kzt', 'rub', 'usd', 'eur', 'kgs'];

/** The currency each mark stands for (ISO 4217): what kam keeps of the marks it drops. */
const CURRENCY_CODES: Readonly<Record<string, string>> = {
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '¥': 'JPY',
  '₸': 'KZT',
  '₽': 'RUB',
  тенге: 'KZT',
  тг: 'KZT',
  kzt: 'KZT',
  руб: 'RUB',
  р: 'RUB',
  rub: 'RUB',
  сом: 'KGS',
  kgs: 'KGS',
  usd: 'USD',
  eur: 'EUR',
};

const isPlainEnd = (c: number): boolean => isDigit(c) || c === 41 /* ) */ || c === 46 || c === 44;

/**
 * The currency (ISO code) of the one mark a number cell carries, as the parser above reads it
 * ('1 200 тг' → KZT, '-$5' → USD, '(5 ₽)' → RUB); null when it has none. A cell that starts and
 * ends with a digit is answered at once: only cells the full parser reads come this way.
 */
export function currencyMark(text: string): string | null {
  let i = 0;
  let end = text.length;
  while (i < end && isTrimSpace(text.charCodeAt(i))) i++;
  while (end > i && isTrimSpace(text.charCodeAt(end - 1))) end--;
  if (i === end || (isPlainEnd(text.charCodeAt(i)) && isPlainEnd(text.charCodeAt(end - 1)) && text.charCodeAt(end - 1) !== 46)) return null;
  if (text.charCodeAt(i) === 40 && text.charCodeAt(end - 1) === 41) {
    i++;
    end--;
    while (i < end && isTrimSpace(text.charCodeAt(i))) i++;
    while (end > i && isTrimSpace(text.charCodeAt(end - 1))) end--;
  }
  const c = text.charCodeAt(i);
  if (c === 45 || c === 43 || c === 0x2212) i++;
  if (i >= end) return null;
  const j = stripCurrencyPrefix(text, i, end);
  if (j > i) return CURRENCY_CODES[text.slice(i, j).trim().toLowerCase()] ?? null;
  const e = stripCurrencySuffix(text, i, end);
  if (e < end) return CURRENCY_CODES[text.slice(e, end).trim().replace(/\.$/, '').toLowerCase()] ?? null;
  return null;
}

/** A currency as a person or a day ledger writes it: an ISO code (kzt → KZT) or a mark kam knows (₸, тг, $ …), as its code; null when it is neither. */
export function currencyCodeOf(text: string): string | null {
  const t = text.trim();
  return /^[A-Za-z]{3}$/.test(t) ? t.toUpperCase() : headerCurrency(t);
}

/** The currency an amount column's header names: "Сумма, тг", "Amount (USD)", "Выручка ₸"; null when none. */
export function headerCurrency(header: string): string | null {
  for (const token of header.toLowerCase().split(/[\s,;:()[\]/\\]+/)) {
    const word = token.replace(/\.$/, '');
    // One letter (р) is a currency only beside a number, not in a header.
    if (word.length > 1 || CURRENCY_SYMBOLS.has(word.charCodeAt(0))) {
      const code = CURRENCY_CODES[word];
      if (code !== undefined) return code;
    }
  }
  return null;
}

/** End of s[start, end) with a currency suffix (and the spaces before it) removed; end if none. */
function stripCurrencySuffix(s: string, start: number, end: number): number {
  const last = s.charCodeAt(end - 1);
  let e = end;
  if (CURRENCY_SYMBOLS.has(last)) {
    e = end - 1;
  } else {
    const wordEnd = last === 46 /* . */ ? end - 1 : end;
    const tail = s.slice(Math.max(start, wordEnd - 5), wordEnd).toLowerCase();
    let found = false;
    for (const w of CURRENCY_WORDS) {
      if (tail.endsWith(w) && wordEnd - w.length > start && !isLetter(s.charCodeAt(wordEnd - w.length - 1))) {
        e = wordEnd - w.length;
        found = true;
        break;
      }
    }
    if (!found) return end;
  }
  while (e > start && isTrimSpace(s.charCodeAt(e - 1))) e--;
  return e;
}

/** Start of s[start, end) past a currency prefix (and the spaces after it); start if none. */
function stripCurrencyPrefix(s: string, start: number, end: number): number {
  let i = start;
  if (CURRENCY_SYMBOLS.has(s.charCodeAt(start))) {
    i = start + 1;
  } else {
    const head = s.slice(start, Math.min(end, start + 5)).toLowerCase();
    let found = false;
    for (const w of CURRENCY_WORDS) {
      if (head.startsWith(w) && start + w.length < end && !isLetter(s.charCodeAt(start + w.length))) {
        i = start + w.length;
        found = true;
        break;
      }
    }
    if (!found) return start;
  }
  while (i < end && isTrimSpace(s.charCodeAt(i))) i++;
  return i;
}

/** 0: not a group separator; 1: space-like; 2: apostrophe; 3: the punctuation mark ('.' or ','). */
function groupKind(c: number, punct: number): number {
  if (c === punct) return 3;
  if (c === 32 || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007) return 1;
  if (c === 39 || c === 0x2019) return 2;
  return 0;
}

function finish(v: number, negative: boolean): number | undefined {
  if (!(v - v === 0)) return undefined; // NaN or ±Infinity
  if (v === 0) return 0; // folds -0
  return negative ? -v : v;
}

function parseGeneral(s: string, dec: number, punct: number): number | undefined {
  let i = 0;
  let end = s.length;
  while (i < end && isTrimSpace(s.charCodeAt(i))) i++;
  while (end > i && isTrimSpace(s.charCodeAt(end - 1))) end--;
  if (i === end) return undefined;

  let negative = false;
  let signed = false;
  if (s.charCodeAt(i) === 40 /* ( */) {
    if (s.charCodeAt(end - 1) !== 41 /* ) */) return undefined;
    negative = true;
    signed = true;
    i++;
    end--;
    while (i < end && isTrimSpace(s.charCodeAt(i))) i++;
    while (end > i && isTrimSpace(s.charCodeAt(end - 1))) end--;
  }
  let c = s.charCodeAt(i);
  if (c === 45 || c === 43 || c === 0x2212) {
    if (signed) return undefined;
    negative = c !== 43;
    signed = true;
    i++;
  }
  if (i >= end) return undefined;

  c = s.charCodeAt(i);
  if (!isDigit(c) && c !== dec) {
    const j = stripCurrencyPrefix(s, i, end);
    if (j === i) return undefined;
    i = j;
    c = s.charCodeAt(i);
    if (c === 45 || c === 43 || c === 0x2212) {
      if (signed) return undefined;
      negative = c !== 43;
      i++;
    }
  } else if (!isDigit(s.charCodeAt(end - 1))) {
    end = stripCurrencySuffix(s, i, end);
  }
  if (i >= end) return undefined;

  // Integer part with optional grouping.
  let out = '';
  let segStart = i;
  let run = 0; // digits since the last separator
  let groups = 0;
  let kind = 0;
  let digits = 0;
  for (; i < end; i++) {
    c = s.charCodeAt(i);
    if (isDigit(c)) {
      run++;
      continue;
    }
    const k = groupKind(c, punct);
    if (k === 0) break;
    if (groups === 0 ? run === 0 || run > 3 : run !== 3 || k !== kind) return undefined;
    kind = k;
    groups++;
    digits += run;
    out += s.slice(segStart, i);
    segStart = i + 1;
    run = 0;
  }
  if (groups > 0 && run !== 3) return undefined;
  digits += run;
  out += s.slice(segStart, i);

  // Fraction.
  if (i < end && s.charCodeAt(i) === dec) {
    i++;
    const fs = i;
    while (i < end && isDigit(s.charCodeAt(i))) i++;
    digits += i - fs;
    out += '.' + s.slice(fs, i);
  }
  if (digits === 0) return undefined;

  // Exponent.
  if (i < end && (s.charCodeAt(i) === 101 || s.charCodeAt(i) === 69)) {
    const es = i;
    i++;
    c = s.charCodeAt(i);
    if (c === 45 || c === 43) i++;
    const ds = i;
    while (i < end && isDigit(s.charCodeAt(i))) i++;
    if (i === ds) return undefined;
    out += s.slice(es, i);
  }
  if (i !== end) return undefined;
  return finish(Number(out), negative);
}

/**
 * A parser for one number dialect: text -> number, or undefined when the text is not a number.
 * Plain '123', '-12.5' (or '-12,5' under decimal ',') take a fast path with a single scan.
 */
export function makeNumberParser(format: NumberFormat): (text: string) => number | undefined {
  const dec = format.decimal === ',' ? 44 : 46;
  const punct = format.decimal === ',' ? 46 : 44;
  return function parseNumber(text: string): number | undefined {
    const n = text.length;
    let i = 0;
    let c = text.charCodeAt(0);
    if (c === 45 || c === 43) i = 1;
    let decAt = -1;
    let digits = 0;
    for (; i < n; i++) {
      c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) digits++;
      else if (c === dec && decAt < 0) decAt = i;
      else break;
    }
    if (i === n && digits > 0) {
      const v =
        decAt < 0 || dec === 46 ? Number(text) : Number(text.slice(0, decAt) + '.' + text.slice(decAt + 1));
      return v - v === 0 ? (v === 0 ? 0 : v) : undefined;
    }
    return parseGeneral(text, dec, punct);
  };
}

/** Powers of ten that are exact doubles. */
const EXACT_TENS = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The plain numbers of a CSV line read in place, without cutting the field out: an optional
 * sign, up to 15 digits, at most one decimal mark (`decimalCode`). digits / 10^k is then the
 * correctly rounded value, exactly what Number() gives for the same text (both operands are
 * exact doubles). NaN for anything else — the caller reads those with the full parser.
 */
export function plainNumberAt(text: string, start: number, end: number, decimalCode: number): number {
  let i = start;
  let c = text.charCodeAt(i);
  const negative = c === 45;
  if (negative || c === 43) i++;
  let mantissa = 0;
  let digits = 0;
  let scale = -1;
  for (; i < end; i++) {
    c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (scale >= 0) scale++;
    } else if (c === decimalCode && scale < 0) scale = 0;
    else return Number.NaN;
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  const value = scale > 0 ? mantissa / EXACT_TENS[scale]! : mantissa;
  return negative && value !== 0 ? -value : value;
}

const DOT_PARSER = makeNumberParser({ decimal: '.' });
const COMMA_PARSER = makeNumberParser({ decimal: ',' });

export type NumberDetection =
  | { format: NumberFormat }
  | { ambiguous: true; example: string; point: '.' | ',' }
  /** Some numbers read only with '.' as the decimal mark (`example`), others only with ',' (`other`). */
  | { mixed: true; example: string; other: string };

/**
 * The decimal mark the samples vote for (a sample that only one mark reads votes for it; comma
 * wins only with strictly more votes), refusing to guess: when no sample votes for either decimal mark but
 * some sample reads as two different numbers ('1,234' is 1234 or 1.234; '784.013' is 784013 or
 * 784.013), the column is ambiguous and the caller should ask for --decimal. Without votes and
 * without such a sample (plain integers, '1 234'), '.' is as good as ','.
 */
export function detectNumberDialect(samples: readonly string[]): NumberDetection {
  let dot = 0;
  let comma = 0;
  let example: string | undefined;
  let dotOnly: string | undefined;
  let commaOnly: string | undefined;
  for (const s of samples) {
    const a = DOT_PARSER(s);
    const b = COMMA_PARSER(s);
    if (a !== undefined && b === undefined) {
      dot++;
      dotOnly ??= s.trim();
    } else if (b !== undefined && a === undefined) {
      comma++;
      commaOnly ??= s.trim();
    } else if (example === undefined && a !== undefined && b !== undefined && a !== b) example = s;
  }
  // Both marks, each where only it reads ("1,234.56" and "1.234,56"): refused, never half the rows dropped.
  if (dotOnly !== undefined && commaOnly !== undefined) return { mixed: true, example: dotOnly, other: commaOnly };
  if (comma > dot) return { format: { decimal: ',' } };
  if (dot > 0 || example === undefined) return { format: { decimal: '.' } };
  const trimmed = example.trim();
  return { ambiguous: true, example: trimmed, point: trimmed.includes(',') ? ',' : '.' };
}

/** --decimal: '.', ',', 'dot', 'point', 'period', 'comma' (case-insensitive). */
export function parseDecimalOption(text: string): NumberFormat | undefined {
  switch (text.trim().toLowerCase()) {
    case '.':
    case 'dot':
    case 'point':
    case 'period':
      return { decimal: '.' };
    case ',':
    case 'comma':
      return { decimal: ',' };
    default:
      return undefined;
  }
}
