// Look of the workbook in one place: fills, fonts, number formats, column widths. Style objects
// are constants on purpose: exceljs recognises a style object it has seen before and skips
// re-hashing it, which keeps 50,000-row sheets fast.
import type { Alignment, Borders, Fill, Font, Style } from 'exceljs';
import { en, type Messages } from '../../i18n/en.js';
import type { ColumnKind } from '../client-columns.js';

export type CellStyle = Partial<Style>;

const FONT_NAME = 'Calibri';

/** Number formats of one language (the catalogue's numFmt); the English ones by default. */
export type NumberFormats = Messages['numFmt'];
export const FORMAT: NumberFormats = en.numFmt;

/** The money formats with the ledger's currency after each figure (`#,##0.00 "KZT"`); the same formats without one. */
export function withCurrencyFormats(formats: NumberFormats, currency: string | null): NumberFormats {
  if (currency === null) return formats;
  const mark = (format: string): string => format.split(';').map((part) => (part.includes('0') ? `${part} "${currency}"` : part)).join(';');
  return { ...formats, money: mark(formats.money), moneyRound: mark(formats.moneyRound), moneyDash: mark(formats.moneyDash) };
}

/** Number format of a client-table column kind. `number` columns holding only whole numbers read better without decimals. */
export function formatOfKind(kind: ColumnKind, wholeNumbers = false, FORMAT: NumberFormats = en.numFmt): string | undefined {
  switch (kind) {
    case 'money':
      return FORMAT.money;
    case 'share':
      return FORMAT.percent;
    case 'ratio':
      return FORMAT.ratio;
    case 'integer':
      return FORMAT.integer;
    case 'date':
      return FORMAT.date;
    case 'number':
      return wholeNumbers ? FORMAT.integer : FORMAT.decimal;
    case 'text':
      return undefined;
  }
}

const solid = (argb: string): Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${argb}` } });
const font = (extra: Partial<Font> = {}): Partial<Font> => ({ name: FONT_NAME, size: 11, ...extra });
const thin = { style: 'thin' as const, color: { argb: 'FFBFBFBF' } };
const rule = { style: 'thin' as const, color: { argb: 'FFE0E0E0' } };
const headerBorder: Partial<Borders> = { bottom: { style: 'medium', color: { argb: 'FF1F4E78' } } };

/** Good / watch / weak, as the terminal colours them (A/X/active green, B/Y/at-risk amber, C/Z/lost red). */
export const TONE = {
  good: { fill: 'C6EFCE', font: '006100' },
  watch: { fill: 'FFEB9C', font: '7F5F00' },
  weak: { fill: 'FFC7CE', font: '9C0006' },
  none: { fill: 'EDEDED', font: '595959' },
} as const;
export type Tone = keyof typeof TONE;

const TONE_OF: Record<string, Tone> = {
  A: 'good',
  B: 'watch',
  C: 'weak',
  X: 'good',
  Y: 'watch',
  Z: 'weak',
  '-': 'none',
  active: 'good',
  'at-risk': 'watch',
  lost: 'weak',
  // Matrix cells: valuable and steady, middling, small or erratic (the usual ABC-XYZ reading).
  AX: 'good',
  AY: 'good',
  BX: 'good',
  AZ: 'watch',
  BY: 'watch',
  CX: 'watch',
  BZ: 'weak',
  CY: 'weak',
  CZ: 'weak',
  'A-': 'none',
  'B-': 'none',
  'C-': 'none',
};

export function toneOf(value: string): Tone | undefined {
  return TONE_OF[value];
}

const center: Partial<Alignment> = { horizontal: 'center', vertical: 'middle' };

function toneStyle(tone: Tone, numFmt?: string, bold = false): CellStyle {
  return {
    font: font({ color: { argb: `FF${TONE[tone].font}` }, bold }),
    fill: solid(TONE[tone].fill),
    alignment: center,
    border: { top: thin, bottom: thin, left: thin, right: thin },
    ...(numFmt === undefined ? {} : { numFmt }),
  };
}

const toneCache = new Map<string, CellStyle>();
/** The plain tone cells (no number format, not bold), by tone: a row of the Clients sheet asks for several. */
const plainToneCache = new Map<Tone, CellStyle>();
/** A coloured, centred cell for a class, cell name or status (one shared object per combination). */
export function toneCell(tone: Tone, numFmt?: string, bold = false): CellStyle {
  if (numFmt === undefined && !bold) {
    let plainTone = plainToneCache.get(tone);
    if (plainTone === undefined) plainToneCache.set(tone, (plainTone = keyedToneCell(tone, undefined, false)));
    return plainTone;
  }
  return keyedToneCell(tone, numFmt, bold);
}

function keyedToneCell(tone: Tone, numFmt: string | undefined, bold: boolean): CellStyle {
  const key = `${tone}|${numFmt ?? ''}|${bold}`;
  let style = toneCache.get(key);
  if (style === undefined) {
    style = toneStyle(tone, numFmt, bold);
    toneCache.set(key, style);
  }
  return style;
}

/** Bold text in a tone's colour, no fill: a verdict inside a sentence-like row. */
export function toneText(tone: Tone): CellStyle {
  return plain(undefined, { bold: true, colour: TONE[tone].font });
}

/** The coloured cell of a class, matrix cell or status ("A", "AZ", "lost"…); grey for anything else. */
export function classCell(value: string, numFmt?: string, bold = false): CellStyle {
  return toneCell(toneOf(value) ?? 'none', numFmt, bold);
}

const plainCache = new Map<string, CellStyle>();
/** An ordinary cell with an optional number format, alignment and font tweaks (shared objects). */
export function plain(
  numFmt?: string,
  options: {
    bold?: boolean;
    italic?: boolean;
    grey?: boolean;
    wrap?: boolean;
    align?: 'left' | 'right' | 'center';
    /** Vertical alignment; default: top for wrapped text, middle otherwise. */
    valign?: 'top' | 'middle';
    ruled?: boolean;
    indent?: number;
    /** Font colour (hex RGB), e.g. a tone's. */
    colour?: string;
  } = {},
): CellStyle {
  const valign = options.valign ?? (options.wrap === true ? 'top' : 'middle');
  const key = `${numFmt ?? ''}|${options.bold === true}|${options.italic === true}|${options.grey === true}|${options.wrap === true}|${options.align ?? ''}|${options.ruled === true}|${valign}|${options.indent ?? 0}|${options.colour ?? ''}`;
  let style = plainCache.get(key);
  if (style === undefined) {
    const alignment: Partial<Alignment> = { vertical: valign };
    if (options.indent !== undefined) alignment.indent = options.indent;
    if (options.wrap === true) alignment.wrapText = true;
    if (options.align !== undefined) alignment.horizontal = options.align;
    style = {
      font: font({
        bold: options.bold === true,
        italic: options.italic === true,
        ...(options.colour !== undefined ? { color: { argb: `FF${options.colour}` } } : options.grey === true ? { color: { argb: 'FF7F7F7F' } } : {}),
      }),
      alignment,
      ...(options.ruled === true ? { border: { bottom: rule } } : {}),
      ...(numFmt === undefined ? {} : { numFmt }),
    };
    plainCache.set(key, style);
  }
  return style;
}

export const STYLE = {
  title: { font: font({ size: 16, bold: true, color: { argb: 'FF1F4E78' } }), alignment: { vertical: 'middle' } } as CellStyle,
  subtitle: { font: font({ size: 11, italic: true, color: { argb: 'FF595959' } }), alignment: { vertical: 'middle' } } as CellStyle,
  subtitleWrapped: { font: font({ size: 11, italic: true, color: { argb: 'FF595959' } }), alignment: { vertical: 'top', wrapText: true } } as CellStyle,
  section: {
    font: font({ size: 12, bold: true, color: { argb: 'FF1F4E78' } }),
    border: { bottom: { style: 'thin', color: { argb: 'FF1F4E78' } } },
    alignment: { vertical: 'bottom' },
  } as CellStyle,
  label: { font: font({ bold: true }), alignment: { vertical: 'top' } } as CellStyle,
  headerLeft: { font: font({ bold: true, color: { argb: 'FFFFFFFF' } }), fill: solid('1F4E78'), border: headerBorder, alignment: { vertical: 'middle', horizontal: 'left', wrapText: true } } as CellStyle,
  headerRight: { font: font({ bold: true, color: { argb: 'FFFFFFFF' } }), fill: solid('1F4E78'), border: headerBorder, alignment: { vertical: 'middle', horizontal: 'right', wrapText: true } } as CellStyle,
  headerCenter: { font: font({ bold: true, color: { argb: 'FFFFFFFF' } }), fill: solid('1F4E78'), border: headerBorder, alignment: { vertical: 'middle', horizontal: 'center', wrapText: true } } as CellStyle,
  total: { font: font({ bold: true }), border: { top: { style: 'thin', color: { argb: 'FF1F4E78' } } }, alignment: { vertical: 'middle' } } as CellStyle,
  warning: { font: font({ bold: true, color: { argb: `FF${TONE.weak.font}` } }), alignment: { vertical: 'top' } } as CellStyle,
  note: { font: font({ bold: true, color: { argb: 'FF595959' } }), alignment: { vertical: 'top' } } as CellStyle,
  wrap: { font: font(), alignment: { vertical: 'top', wrapText: true } } as CellStyle,
};

const totalCache = new Map<string, CellStyle>();
/** A bold total cell with a rule above it. */
export function totalCell(numFmt?: string): CellStyle {
  const key = numFmt ?? '';
  let style = totalCache.get(key);
  if (style === undefined) {
    style = { ...STYLE.total, ...(numFmt === undefined ? {} : { numFmt }) };
    totalCache.set(key, style);
  }
  return style;
}

/** Header style matching how the column's values are aligned. */
export function headerStyle(kind: ColumnKind | 'tone'): CellStyle {
  if (kind === 'text') return STYLE.headerLeft;
  if (kind === 'tone' || kind === 'date') return STYLE.headerCenter;
  return STYLE.headerRight;
}

// ---------------------------------------------------------------------------------------------
// Column widths. Excel measures a column in widths of the digit 0 of the default font; text is
// estimated per character (wide letters and capitals count a little more).

/** Characters a number takes once formatted with thousands separators and `decimals` places. */
export function numberWidth(value: number, decimals: number, percent = false): number {
  const shown = percent ? Math.abs(value * 100) : Math.abs(value);
  const whole = shown < 1 ? 1 : Math.floor(Math.log10(shown)) + 1;
  const separators = Math.floor((whole - 1) / 3);
  return whole + separators + (decimals > 0 ? decimals + 1 : 0) + (value < 0 ? 1 : 0) + (percent ? 1 : 0);
}

/** Each character's width, worked out once (two regular expressions a character was most of the measuring). */
const charWidths = new Map<string, number>();

export function textWidth(text: string): number {
  let width = 0;
  // Calibri 11 against its digit width: capitals and wide letters ~1.2, narrow ones ~0.5, the rest ~0.9.
  for (const ch of text) {
    let w = charWidths.get(ch);
    if (w === undefined) {
      w = /[A-ZА-ЯЁӘҒҚҢӨҰҮҺІmwЖжШшЩщЮюМм«»—]/u.test(ch) ? 1.2 : /[iljtfr.,;:'!|() ]/.test(ch) ? 0.55 : 0.9;
      charWidths.set(ch, w);
    }
    width += w;
  }
  return width;
}

/** Column width from the widest content: padding for the filter button, capped for long text. */
export function columnWidth(contentWidth: number, options: { min?: number; max?: number; filter?: boolean } = {}): number {
  const padded = contentWidth + 2 + (options.filter === true ? 2 : 0);
  return Math.round(Math.min(options.max ?? 60, Math.max(options.min ?? 6, padded)) * 10) / 10;
}

/** Width a header needs when it may wrap onto two lines: its longest word, or half of it. */
export function headerWidth(header: string): number {
  const words = header.split(/\s+/);
  const longest = Math.max(...words.map(textWidth));
  return Math.max(longest, textWidth(header) / 2);
}

/** Rows a wrapped text needs in a column of `width` characters (for explicit row heights). */
export function wrappedLines(text: string, width: number): number {
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(' ')) {
      const w = textWidth(word) + (line > 0 ? 0.6 : 0);
      if (line + w > width && line > 0) {
        count++;
        line = textWidth(word);
      } else line += w;
    }
    lines += count;
  }
  return lines;
}

export const LINE_HEIGHT = 15;

/** Excel's cell text limit; longer text makes Excel repair the file. */
export function cellText(text: string): string {
  return text.length > 32_767 ? `${text.slice(0, 32_766)}…` : text;
}

/** A date cell value for a day number: UTC midnight, which exceljs turns into a whole serial. */
export function dateValue(day: number | null): Date | null {
  return day === null ? null : new Date(day * 86_400_000);
}
