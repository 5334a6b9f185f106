// CSV dialect and encoding detection for real exports (SPEC §1): delimiter , ; tab |, UTF-8 with
// or without BOM and Windows-1251, title rows above the header, binary garbage. Pure functions.

export type Delimiter = ',' | ';' | '\t' | '|';
export type Encoding = 'utf8' | 'windows-1251';

const CANDIDATES: readonly Delimiter[] = [',', ';', '\t', '|'];
const SNIFF_RECORDS = 50;

/**
 * Field counts of the first `limit` complete non-blank records of text split by `delim`,
 * honouring RFC 4180 quoting ("…" with "" for a quote; a quote opens a quoted field only at the
 * start of a field, after optional spaces; quoted fields may hold delimiters and newlines).
 * A record whose quoting does not fit this delimiter (a quote inside an unquoted field, or a
 * closing quote followed by something other than spaces, the delimiter or the end of the line)
 * is reported as -1: under the wrong delimiter, quoted cells look exactly like that.
 * The last record is dropped when the text ends inside it (no newline after it, or in an open
 * quote), since the text is usually only the head of a file, unless it is the only record.
 */
function fieldCounts(text: string, delim: number, limit: number): number[] {
  const counts: number[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let fields = 1;
  let atFieldStart = true;
  let inQuotes = false;
  let afterQuote = false; // just past the closing quote of a quoted field
  let dirty = false;
  let blank = true;
  while (i < n && counts.length < limit) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === 34) {
        if (text.charCodeAt(i + 1) === 34) {
          i += 2;
          continue;
        }
        inQuotes = false;
        afterQuote = true;
      }
      i++;
      continue;
    }
    if (c === 10 || c === 13) {
      if (!blank) counts.push(dirty ? -1 : fields);
      fields = 1;
      atFieldStart = true;
      afterQuote = false;
      dirty = false;
      blank = true;
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      continue;
    }
    if (c === delim) {
      fields++;
      atFieldStart = true;
      afterQuote = false;
      blank = false;
    } else if (c === 34) {
      if (atFieldStart) inQuotes = true;
      else dirty = true;
      atFieldStart = false;
      blank = false;
    } else if (c !== 32) {
      if (afterQuote) dirty = true;
      atFieldStart = false;
      blank = false;
    }
    i++;
  }
  if (i >= n && !blank && !inQuotes && counts.length === 0) counts.push(dirty ? -1 : fields);
  return counts;
}

/**
 * Picks the delimiter from the head of a file. For each candidate the first ~50 complete records
 * are split (quote-aware) and the most frequent field count above 1 is found. The score is the
 * number of records with that count minus the number of records whose quoting does not fit the
 * candidate; the highest score wins, then more fields, then the order , ; tab |. Records with
 * another count (title rows such as 'Отчет по продажам' above the header, footers) simply do
 * not count. A candidate that never splits a record is out; ',' when none does. ',' when no candidate splits any record.
 */
export function sniffDelimiter(text: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore = -Infinity;
  let bestFields = 0;
  for (const d of CANDIDATES) {
    const freq = new Map<number, number>();
    let dirty = 0;
    for (const k of fieldCounts(text, d.charCodeAt(0), SNIFF_RECORDS)) {
      if (k < 0) dirty++;
      else if (k > 1) freq.set(k, (freq.get(k) ?? 0) + 1);
    }
    let matches = 0;
    let fields = 0;
    for (const [k, f] of freq) {
      if (f > matches || (f === matches && k > fields)) {
        matches = f;
        fields = k;
      }
    }
    if (matches === 0) continue;
    const score = matches - dirty;
    if (score > bestScore || (score === bestScore && fields > bestFields)) {
      best = d;
      bestScore = score;
      bestFields = fields;
    }
  }
  return best;
}

/**
 * Where `bytes` stop being valid UTF-8 from `from` on (`invalid`: the first bad byte's offset, or
 * -1), and how many multibyte characters come before that. A sequence cut off by the end of the
 * bytes is not invalid: `incomplete` is where it starts (or -1).
 */
export function checkUtf8(bytes: Uint8Array, from = 0): { invalid: number; incomplete: number; multibyte: number } {
  const n = bytes.length;
  let multibyte = 0;
  let i = from;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    // The sequence's length and the range of its second byte (the rest are 80..BF).
    let length: number;
    let low = 0x80;
    let high = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) length = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      length = 3;
      if (b === 0xe0) low = 0xa0;
      else if (b === 0xed) high = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      length = 4;
      if (b === 0xf0) low = 0x90;
      else if (b === 0xf4) high = 0x8f;
    } else return { invalid: i, incomplete: -1, multibyte };
    for (let k = 1; k < length; k++) {
      if (i + k >= n) return { invalid: -1, incomplete: i, multibyte };
      const c = bytes[i + k]!;
      if (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf) return { invalid: i, incomplete: -1, multibyte };
    }
    multibyte++;
    i += length;
  }
  return { invalid: -1, incomplete: -1, multibyte };
}

/** Multibyte characters that must read as UTF-8 before the first invalid byte for a head to count as UTF-8. */
const UTF8_EVIDENCE = 3;

/**
 * Encoding of a file from its first bytes: a UTF-8 BOM, or UTF-8 that holds for all of `head`
 * or for its first few multibyte characters -> 'utf8' (an invalid byte after them is then the
 * reader's error, with its line: two exports joined with cat); anything else -> 'windows-1251'
 * (Cyrillic cp1251 text practically never reads as UTF-8 even for a character or two).
 */
export function detectEncoding(head: Uint8Array): Encoding {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  const { invalid, multibyte } = checkUtf8(head);
  return invalid < 0 || multibyte >= UTF8_EVIDENCE ? 'utf8' : 'windows-1251';
}

/** A byte that is not valid in the encoding being read: the text before it, and the byte. */
export class DecodeError extends Error {
  constructor(
    readonly textBefore: string,
    readonly byte: number,
    readonly encoding: Encoding,
  ) {
    super(`invalid byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} for ${encoding}`);
  }
}

/**
 * A streaming UTF-8 decoder that throws a DecodeError at the first invalid byte (SPEC §1: never
 * a silent U+FFFD). A character cut by a chunk's end waits for the next; text is checked byte by
 * byte only where the fast decode gave a U+FFFD (the file may hold a real one).
 */
function strictUtf8(): { write(chunk: Uint8Array): string; end(): string } {
  let carry: Buffer | undefined;
  let started = false;
  return {
    write(chunk) {
      let bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      if (carry !== undefined) {
        bytes = Buffer.concat([carry, bytes]);
        carry = undefined;
      }
      // A sequence cut off at the end: from its lead byte (at most three bytes back) on, it waits.
      let cut = bytes.length;
      for (let i = bytes.length - 1; i >= 0 && i >= bytes.length - 3; i--) {
        const b = bytes[i]!;
        if ((b & 0xc0) === 0x80) continue;
        if (b >= 0xc2 && b <= 0xf4 && i + (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) > bytes.length) cut = i;
        break;
      }
      if (cut < bytes.length) carry = Buffer.from(bytes.subarray(cut));
      let text = bytes.toString('utf8', 0, cut);
      if (text.indexOf('\ufffd') >= 0) {
        const { invalid } = checkUtf8(bytes.subarray(0, cut));
        if (invalid >= 0) throw new DecodeError(withoutBom(bytes.toString('utf8', 0, invalid), !started), bytes[invalid]!, 'utf8');
      }
      if (text !== '' && !started) {
        text = withoutBom(text, true);
        started = true;
      }
      return text;
    },
    end() {
      if (carry === undefined) return '';
      // Nothing more is coming: a character cut off at the very end is an invalid byte.
      throw new DecodeError('', carry[0]!, 'utf8');
    },
  };
}

function withoutBom(text: string, atStart: boolean): string {
  return atStart && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** --encoding: utf8, utf-8, cp1251, cp-1251, windows-1251, windows1251, win1251, win-1251 (case-insensitive). */
export function parseEncodingOption(text: string): Encoding | undefined {
  switch (text.trim().toLowerCase()) {
    case 'utf8':
    case 'utf-8':
      return 'utf8';
    case 'cp1251':
    case 'cp-1251':
    case 'windows-1251':
    case 'windows1251':
    case 'win1251':
    case 'win-1251':
      return 'windows-1251';
    default:
      return undefined;
  }
}

/**
 * The encoding the first bytes of a file settle, or undefined while they are plain ASCII: an
 * export may hold nothing but Latin letters and digits for its first 64 KB and Cyrillic
 * Windows-1251 names after that.
 */
export function sniffEncoding(head: Uint8Array): Encoding | undefined {
  for (let i = 0; i < head.length; i++) if (head[i]! >= 0x80) return detectEncoding(head);
  return undefined;
}

/** Bytes of non-ASCII text an undecided decoder wants to see before it picks an encoding. */
const DECIDE_BYTES = 4096;

/**
 * A streaming decoder: write() returns the text of the bytes so far (a multibyte character split
 * across chunks comes out whole with the chunk that completes it), end() flushes the rest.
 * A leading UTF-8 BOM is stripped. A byte that is not valid UTF-8 throws a DecodeError (every
 * byte is a character in Windows-1251).
 * With `undefined` the decoder is undecided: it passes ASCII through and, at the first byte
 * above 0x7F, picks UTF-8 or Windows-1251 as detectEncoding does from the bytes from there on
 * (at least a few KB of them, or all that are left); `encoding` tells which it picked.
 */
export function createDecoder(encoding: Encoding | undefined): { write(chunk: Uint8Array): string; end(): string; readonly encoding: Encoding | undefined } {
  let picked = encoding;
  const decoderFor = (e: Encoding): { write(chunk: Uint8Array): string; end(): string } => {
    if (e === 'utf8') return strictUtf8();
    const cp1251 = new TextDecoder('windows-1251');
    return { write: (chunk) => cp1251.decode(chunk, { stream: true }), end: () => cp1251.decode() };
  };
  let decoder = encoding === undefined ? undefined : decoderFor(encoding);
  // Undecided: non-ASCII bytes held back until there are enough to judge.
  let held: Buffer = Buffer.alloc(0);
  const decide = (bytes: Buffer, last = false): string => {
    // At the end nothing more is coming: a multibyte sequence cut off there is no excuse.
    const check = checkUtf8(bytes);
    picked = last && check.incomplete >= 0 && check.multibyte < UTF8_EVIDENCE ? 'windows-1251' : detectEncoding(bytes);
    decoder = decoderFor(picked);
    return decoder.write(bytes);
  };
  return {
    write(chunk) {
      if (decoder !== undefined) return decoder.write(chunk);
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      if (held.length > 0) {
        held = Buffer.concat([held, bytes]);
        if (held.length < DECIDE_BYTES) return '';
        const all = held;
        held = Buffer.alloc(0);
        return decide(all);
      }
      let i = 0;
      while (i < bytes.length && bytes[i]! < 0x80) i++;
      if (i === bytes.length) return bytes.toString('latin1');
      const ascii = bytes.toString('latin1', 0, i);
      const rest = bytes.subarray(i);
      if (rest.length >= DECIDE_BYTES) {
        try {
          return ascii + decide(rest);
        } catch (error) {
          if (error instanceof DecodeError) throw new DecodeError(ascii + error.textBefore, error.byte, error.encoding);
          throw error;
        }
      }
      held = Buffer.from(rest);
      return ascii;
    },
    end() {
      const rest = decoder === undefined && held.length > 0 ? decide(held, true) : '';
      if (decoder === undefined) return rest;
      try {
        return rest + decoder.end();
      } catch (error) {
        if (error instanceof DecodeError) throw new DecodeError(rest + error.textBefore, error.byte, error.encoding);
        throw error;
      }
    },
    get encoding() {
      return picked;
    },
  };
}

/**
 * Index of the first row with at least `minMatches` cells for which isHeaderCell is true
 * (the caller normalises case and spaces); -1 if none. Rows above it are title rows.
 */
export function findHeaderRow(
  rows: readonly (readonly string[])[],
  isHeaderCell: (cell: string) => boolean,
  minMatches = 2,
): number {
  for (let r = 0; r < rows.length; r++) {
    let matches = 0;
    for (const cell of rows[r]!) {
      if (isHeaderCell(cell) && ++matches >= minMatches) return r;
    }
  }
  return -1;
}

/**
 * True for data that is not text: any NUL byte, or more than 5% control bytes other than
 * tab, LF, CR, FF, VT, SUB (0x1A, an old DOS end-of-file mark) and ESC. UTF-16 files count as
 * binary too (they are full of NULs) and kam does not read them.
 */
export function looksBinary(head: Uint8Array): boolean {
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i]!;
    if (b === 0) return true;
    if ((b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 11 && b !== 0x1a && b !== 0x1b) || b === 0x7f) {
      control++;
    }
  }
  return head.length > 0 && control / head.length > 0.05;
}
