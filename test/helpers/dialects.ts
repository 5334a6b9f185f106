// Real-world dialects of fixtures/sample-ledger.csv, generated at test time into a temp dir
// (they are kept out of the repo): a 1C export in Windows-1251, workbooks with real date cells
// and with text everywhere, TSV with mm/dd/yyyy, '|' with yyyymmdd and a BOM, gzip, CRLF with
// quotes. Every formatter here is written independently of src/io (no parser is reused), so a
// file that reads back to the clean ledger's output proves the readers, not the helper.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { SAMPLE_CSV, parseCsv } from './kam.js';

// ---------------------------------------------------------------------------------------------
// The canonical table: the clean sample, as strings.

/** Column keys of the sample ledger, in its order. */
export const COLUMNS = ['date', 'invoice', 'client', 'region', 'manager', 'product', 'group', 'quantity', 'price', 'amount', 'profit'] as const;
export type ColumnKey = (typeof COLUMNS)[number];
export const NUMBER_COLUMNS: readonly ColumnKey[] = ['quantity', 'price', 'amount', 'profit'];

/** Rows of the clean sample (fields as written there: ISO dates, plain numbers). */
export interface Table {
  rows: Record<ColumnKey, string>[];
}

export const ENGLISH_HEADERS: Record<ColumnKey, string> = {
  date: 'Date',
  invoice: 'Invoice',
  client: 'Client',
  region: 'Region',
  manager: 'Manager',
  product: 'Product',
  group: 'Product group',
  quantity: 'Quantity',
  price: 'Price',
  amount: 'Amount',
  profit: 'Profit',
};

export const RUSSIAN_HEADERS: Record<ColumnKey, string> = {
  date: 'Дата',
  invoice: 'Документ',
  client: 'Контрагент',
  region: 'Регион',
  manager: 'Менеджер',
  product: 'Номенклатура',
  group: 'Группа номенклатуры',
  quantity: 'Количество',
  price: 'Цена',
  amount: 'Сумма',
  profit: 'Прибыль',
};

export function tableOf(csvText: string): Table {
  const [header, ...rows] = parseCsv(csvText);
  if (header === undefined || header.join(',') !== COLUMNS.map((c) => ENGLISH_HEADERS[c]).join(',')) {
    throw new Error(`unexpected header in the sample: ${String(header)}`);
  }
  return {
    rows: rows
      .filter((r) => r.length > 1)
      .map((r) => Object.fromEntries(COLUMNS.map((c, i) => [c, r[i] ?? ''])) as Record<ColumnKey, string>),
  };
}

export function sampleTable(): Table {
  return tableOf(readFileSync(SAMPLE_CSV, 'utf8'));
}

// ---------------------------------------------------------------------------------------------
// Windows-1251, written out by hand (Node has a cp1251 decoder but no encoder).

/** cp1251 bytes 0x80..0xBF (0x98 is unassigned); 0xC0..0xFF are А..я, U+0410..U+044F. */
const CP1251_HIGH =
  '\u0402\u0403\u201A\u0453\u201E\u2026\u2020\u2021\u20AC\u2030\u0409\u2039\u040A\u040C\u040B\u040F' +
  '\u0452\u2018\u2019\u201C\u201D\u2022\u2013\u2014\uFFFF\u2122\u0459\u203A\u045A\u045C\u045B\u045F' +
  '\u00A0\u040E\u045E\u0408\u00A4\u0490\u00A6\u00A7\u0401\u00A9\u0404\u00AB\u00AC\u00AD\u00AE\u0407' +
  '\u00B0\u00B1\u0406\u0456\u0491\u00B5\u00B6\u00B7\u0451\u2116\u0454\u00BB\u0458\u0405\u0455\u0457';

const CP1251_BYTE: ReadonlyMap<number, number> = (() => {
  const map = new Map<number, number>();
  for (let i = 0; i < CP1251_HIGH.length; i++) if (CP1251_HIGH.charCodeAt(i) !== 0xffff) map.set(CP1251_HIGH.charCodeAt(i), 0x80 + i);
  for (let c = 0x410; c <= 0x44f; c++) map.set(c, 0xc0 + (c - 0x410));
  return map;
})();

/** Text → Windows-1251 bytes; throws on a character cp1251 cannot hold (use cp1251Safe first). */
export function encodeCp1251(text: string): Buffer {
  const out = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const b = c < 0x80 ? c : CP1251_BYTE.get(c);
    if (b === undefined) throw new Error(`cp1251 cannot hold U+${c.toString(16).padStart(4, '0')} in ${JSON.stringify(text.slice(Math.max(0, i - 10), i + 10))}`);
    out[i] = b;
  }
  return out;
}

/** Kazakh letters and signs that cp1251 lacks, as a 1C export to cp1251 would write them. */
const CP1251_STAND_INS: Readonly<Record<string, string>> = {
  'Ә': 'А', 'ә': 'а', 'Ғ': 'Г', 'ғ': 'г', 'Қ': 'К', 'қ': 'к', 'Ң': 'Н', 'ң': 'н', 'Ө': 'О', 'ө': 'о',
  'Ұ': 'У', 'ұ': 'у', 'Ү': 'У', 'ү': 'у', 'Һ': 'Х', 'һ': 'х', '×': 'x', '–': '-',
};

export function cp1251Safe(text: string): string {
  return text.replace(/[ӘәҒғҚқҢңӨөҰұҮүҺһ×–]/g, (ch) => CP1251_STAND_INS[ch] ?? ch);
}

// ---------------------------------------------------------------------------------------------
// Numbers and dates in other dialects, from the sample's plain text ('-1234.5', '2025-01-31').

export interface NumberStyle {
  decimal: '.' | ',';
  /** Thousands separator, or '' for none. */
  group: '' | ' ' | '\u00a0' | '.' | ',' | "'";
  /** Negatives as (123) instead of -123. */
  accounting?: boolean;
  /** A currency word or sign after the number, e.g. ' тг'. */
  suffix?: string;
}

export function formatNumber(plain: string, style: NumberStyle): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(plain.trim());
  if (m === null) throw new Error(`not a plain number: ${plain}`);
  const [, sign, int, frac] = m as unknown as [string, string, string, string | undefined];
  let grouped = int;
  if (style.group !== '') {
    const parts: string[] = [];
    for (let end = int.length; end > 0; end -= 3) parts.unshift(int.slice(Math.max(0, end - 3), end));
    grouped = parts.join(style.group);
  }
  const body = frac === undefined ? grouped : `${grouped}${style.decimal}${frac}`;
  const negative = sign === '-' && /[1-9]/.test(int + (frac ?? ''));
  const text = negative ? (style.accounting === true ? `(${body})` : `-${body}`) : body;
  return text + (style.suffix ?? '');
}

export type DateStyle = 'iso' | 'iso-time' | 'dmy' | 'dmy-slash' | 'mdy' | 'yyyymmdd' | 'serial';

function ymdOf(isoDate: string): [string, string, string] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (m === null) throw new Error(`not an ISO date: ${isoDate}`);
  return [m[1]!, m[2]!, m[3]!];
}

/** Excel serial (1900 system) of an ISO date: days since 1899-12-30. */
export function excelSerial(isoDate: string): number {
  const [y, m, d] = ymdOf(isoDate).map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

export function dateUtc(isoDate: string): Date {
  const [y, m, d] = ymdOf(isoDate).map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export function formatDate(isoDate: string, style: DateStyle): string {
  const [y, m, d] = ymdOf(isoDate);
  switch (style) {
    case 'iso':
      return isoDate;
    case 'iso-time':
      return `${isoDate}T09:30:00`;
    case 'dmy':
      return `${d}.${m}.${y}`;
    case 'dmy-slash':
      return `${d}/${m}/${y}`;
    case 'mdy':
      return `${m}/${d}/${y}`;
    case 'yyyymmdd':
      return `${y}${m}${d}`;
    case 'serial':
      return String(excelSerial(isoDate));
  }
}

// ---------------------------------------------------------------------------------------------
// Text ledgers.

export interface TextDialect {
  delimiter: ',' | ';' | '\t' | '|';
  encoding: 'utf8' | 'utf8-bom' | 'windows-1251';
  eol: '\n' | '\r\n';
  number: NumberStyle;
  date: DateStyle;
  headers: Record<ColumnKey, string>;
  /** Column order (default: the sample's). */
  order?: readonly ColumnKey[];
  /** Rows above the header (already delimited). */
  titleRows?: readonly string[];
  /** Quote every field, not only those that need it. */
  quoteAll?: boolean;
}

function quote(field: string, delimiter: string, all: boolean): string {
  if (all || field.includes(delimiter) || field.includes('"') || field.includes('\n') || field.includes('\r')) {
    return `"${field.replace(/"/g, '""')}"`;
  }
  return field;
}

/** A table as the bytes of a text ledger in the given dialect. */
export function formatTextLedger(table: Table, d: TextDialect): Buffer {
  const order = d.order ?? COLUMNS;
  const line = (fields: readonly string[]): string => fields.map((f) => quote(f, d.delimiter, d.quoteAll === true)).join(d.delimiter);
  const lines = [...(d.titleRows ?? []), line(order.map((c) => d.headers[c]))];
  for (const row of table.rows) {
    lines.push(
      line(
        order.map((c) => {
          const v = row[c];
          if (c === 'date') return formatDate(v, d.date);
          if (NUMBER_COLUMNS.includes(c)) return v.trim() === '' ? '' : formatNumber(v, d.number);
          return v;
        }),
      ),
    );
  }
  const text = lines.join(d.eol) + d.eol;
  if (d.encoding === 'windows-1251') return encodeCp1251(text);
  return Buffer.from((d.encoding === 'utf8-bom' ? '\ufeff' : '') + text, 'utf8');
}

/** The clean CSV form of a table (what the sample itself looks like). */
export function cleanCsv(table: Table): Buffer {
  return formatTextLedger(table, { delimiter: ',', encoding: 'utf8', eol: '\n', number: { decimal: '.', group: '' }, date: 'iso', headers: ENGLISH_HEADERS });
}

// ---------------------------------------------------------------------------------------------
// Workbooks.

export interface SheetSpec {
  name: string;
  rows: Record<ColumnKey, string>[];
  headers: Record<ColumnKey, string>;
  order?: readonly ColumnKey[];
  /** Title rows above the header; the first is merged across the table's width. */
  titleRows?: readonly string[];
  /** How one row's date is written: a Date cell, a serial number cell, or text. */
  date: (iso: string, index: number) => Date | number | string;
  /** How one row's number is written: a number cell or text. */
  number: (plain: string, column: ColumnKey, index: number) => number | string;
}

export async function formatWorkbook(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const fixed = new Date(Date.UTC(2026, 10, 1, 9, 0, 0));
  wb.created = fixed;
  wb.modified = fixed;
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name);
    const order = spec.order ?? COLUMNS;
    if (spec.titleRows !== undefined && spec.titleRows.length > 0) {
      for (const t of spec.titleRows) ws.addRow([t]);
      if (order.length > 1) ws.mergeCells(1, 1, 1, order.length);
      ws.getCell(1, 1).font = { bold: true, size: 14 };
    }
    // No columns: a sheet of notes (title rows only) or an empty one.
    if (order.length === 0) continue;
    ws.addRow(order.map((c) => spec.headers[c])).font = { bold: true };
    spec.rows.forEach((row, i) => {
      const r = ws.addRow(
        order.map((c) => {
          if (c === 'date') return spec.date(row.date, i);
          if (NUMBER_COLUMNS.includes(c)) return row[c].trim() === '' ? null : spec.number(row[c], c, i);
          return row[c];
        }),
      );
      const dateCell = r.getCell(order.indexOf('date') + 1);
      if (dateCell.value instanceof Date) dateCell.numFmt = 'dd.mm.yyyy';
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------
// The dialect set used by test/e2e/dialects.test.ts.

export interface DialectCase {
  name: string;
  /** What is special about it. */
  about: string;
  /** Arguments after `kam analyze` (files and options); `-` reads `input`. */
  args: string[];
  input?: Buffer;
  /** The clean CSV whose --format csv output this one must match byte for byte. */
  reference: string;
}

const ONE_C_TITLES = [
  'Отчет по продажам за период 01.01.2025 - 31.10.2026',
  'Организация: ТОО «Стройснаб Казахстан»;;;;;;;;;;',
  'Сформирован: 01.11.2026 9:00:00',
];

export const ONE_C: TextDialect = {
  delimiter: ';',
  encoding: 'windows-1251',
  eol: '\r\n',
  number: { decimal: ',', group: '\u00a0' },
  date: 'dmy',
  headers: RUSSIAN_HEADERS,
  titleRows: ONE_C_TITLES,
};

/** Splits rows into those before and from a date. */
function splitAt(table: Table, isoDate: string): [Table, Table] {
  return [{ rows: table.rows.filter((r) => r.date < isoDate) }, { rows: table.rows.filter((r) => r.date >= isoDate) }];
}

/** Writes every dialect of the sample into `dir` and returns the cases to run. */
export async function writeDialects(dir: string): Promise<DialectCase[]> {
  mkdirSync(dir, { recursive: true });
  const put = (name: string, bytes: Buffer): string => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const table = sampleTable();
  const clean = SAMPLE_CSV;
  // cp1251 cannot hold Kazakh letters: the 1C export and its clean twin use the stand-ins.
  const safeTable: Table = { rows: table.rows.map((r) => Object.fromEntries(COLUMNS.map((c) => [c, cp1251Safe(r[c])])) as Record<ColumnKey, string>) };
  const cleanSafe = put('clean-cp1251-safe.csv', cleanCsv(safeTable));
  const oneC = put('1c-export.csv', formatTextLedger(safeTable, ONE_C));

  const realDates = put(
    'real-dates.xlsx',
    await formatWorkbook([
      {
        name: 'Продажи',
        rows: table.rows,
        headers: ENGLISH_HEADERS,
        titleRows: ['Отчет по продажам за 2025–2026 гг.', ''],
        date: (iso) => dateUtc(iso),
        number: (plain) => Number(plain),
      },
    ]),
  );

  // Text dates and text numbers with decimal commas, and, as in sheets people have edited, some
  // date cells that are real dates, bare serial numbers or yyyymmdd numbers, and some numbers
  // that are real numbers.
  const textDates = put(
    'text-dates.xlsx',
    await formatWorkbook([
      {
        name: 'Лист1',
        rows: table.rows,
        headers: RUSSIAN_HEADERS,
        titleRows: ['Реализация товаров и услуг', 'Период: 01.01.2025 - 31.10.2026', 'Валюта: KZT'],
        date: (iso, i) =>
          i % 11 === 5 ? excelSerial(iso) : i % 13 === 7 ? dateUtc(iso) : i % 19 === 9 ? Number(formatDate(iso, 'yyyymmdd')) : formatDate(iso, 'dmy'),
        number: (plain, column, i) =>
          i % 17 === 3 ? Number(plain) : formatNumber(plain, { decimal: ',', group: '\u00a0', suffix: column === 'quantity' ? '' : ' тг' }),
      },
    ]),
  );

  const mdy = put(
    'mdy.tsv',
    formatTextLedger(table, {
      delimiter: '\t',
      encoding: 'utf8',
      eol: '\n',
      number: { decimal: '.', group: ',' },
      date: 'mdy',
      headers: { ...ENGLISH_HEADERS, date: 'Invoice Date', invoice: 'Invoice No', client: 'Customer', quantity: 'Qty', price: 'Unit Price', amount: 'Sales', profit: 'Gross Profit', product: 'Item' },
    }),
  );

  const compact = put(
    'compact.psv',
    formatTextLedger(table, {
      delimiter: '|',
      encoding: 'utf8-bom',
      eol: '\n',
      number: { decimal: '.', group: "'" },
      date: 'yyyymmdd',
      headers: ENGLISH_HEADERS,
      order: ['client', 'amount', 'date', 'invoice', 'profit', 'quantity', 'price', 'product', 'group', 'region', 'manager'],
    }),
  );

  const gz = put('ledger.csv.gz', gzipSync(readFileSync(clean)));

  const crlf = put(
    'crlf-quoted.csv',
    formatTextLedger(table, {
      delimiter: ',',
      encoding: 'utf8',
      eol: '\r\n',
      number: { decimal: '.', group: ',', accounting: true },
      date: 'iso-time',
      headers: ENGLISH_HEADERS,
      quoteAll: true,
    }),
  );

  // The ledger split by year over two sheets laid out differently, with a notes sheet and an
  // empty sheet beside them: --sheet '*' (or both names) must read it as one ledger.
  const [y2025, y2026] = splitAt(table, '2026-01-01');
  const sheets = put(
    'two-sheets.xlsx',
    await formatWorkbook([
      { name: 'Примечания', rows: [], headers: ENGLISH_HEADERS, order: [], titleRows: ['Выгрузка из 1С:Бухгалтерия для Казахстана', 'Суммы в тенге'], date: () => '', number: () => '' },
      { name: 'Пусто', rows: [], headers: ENGLISH_HEADERS, order: [], date: () => '', number: () => '' },
      { name: '2025', rows: y2025.rows, headers: RUSSIAN_HEADERS, titleRows: ['Продажи 2025', ''], date: (iso) => dateUtc(iso), number: (plain) => Number(plain) },
      {
        name: '2026',
        rows: y2026.rows,
        headers: ENGLISH_HEADERS,
        order: ['client', 'date', 'amount', 'quantity', 'price', 'profit', 'invoice', 'product', 'group', 'region', 'manager'],
        date: (iso) => formatDate(iso, 'dmy'),
        number: (plain) => formatNumber(plain, { decimal: ',', group: ' ' }),
      },
    ]),
  );
  const [part1, part2] = splitAt(table, '2025-09-01');
  const partTsv = put('part1.tsv', formatTextLedger(part1, { delimiter: '\t', encoding: 'utf8', eol: '\n', number: { decimal: '.', group: '' }, date: 'mdy', headers: ENGLISH_HEADERS }));
  const partXlsx = put(
    'part2.xlsx',
    await formatWorkbook([{ name: 'Sales', rows: part2.rows, headers: RUSSIAN_HEADERS, titleRows: ['Продажи'], date: (iso) => dateUtc(iso), number: (p) => Number(p) }]),
  );
  const partSemi = formatTextLedger(part2, { delimiter: ';', encoding: 'utf8', eol: '\n', number: { decimal: ',', group: ' ' }, date: 'dmy', headers: RUSSIAN_HEADERS });

  // Headers nobody would guess: read through --map.
  const odd = put(
    'odd-headers.csv',
    formatTextLedger(table, {
      delimiter: ',',
      encoding: 'utf8',
      eol: '\n',
      number: { decimal: '.', group: '' },
      date: 'iso',
      headers: { ...ENGLISH_HEADERS, client: 'Партнёр', date: 'Период', amount: 'Итого с НДС' },
    }),
  );

  // A cover sheet before the data: with no --sheet, the first sheet that holds a ledger is read.
  const cover = put(
    'cover-sheet.xlsx',
    await formatWorkbook([
      { name: 'Титул', rows: [], headers: ENGLISH_HEADERS, order: [], titleRows: ['ТОО «Стройснаб Казахстан»', 'Продажи 2025–2026'], date: () => '', number: () => '' },
      { name: 'Данные', rows: table.rows, headers: ENGLISH_HEADERS, date: (iso) => dateUtc(iso), number: (p) => Number(p) },
    ]),
  );

  // Windows-1251 whose first 64 KB are plain ASCII (Latin names first, Cyrillic ones later):
  // the encoding cannot be told from the head.
  const lateRows = table.rows.map((r, i) => (i < 500 ? (Object.fromEntries(COLUMNS.map((c) => [c, latin(r[c])])) as Record<ColumnKey, string>) : r));
  const lateTable: Table = { rows: lateRows.map((r) => Object.fromEntries(COLUMNS.map((c) => [c, cp1251Safe(r[c])])) as Record<ColumnKey, string>) };
  const lateClean = put('late-cyrillic-clean.csv', cleanCsv(lateTable));
  const lateBytes = formatTextLedger(lateTable, { ...ONE_C, number: { decimal: ',', group: ' ' }, titleRows: [], headers: ENGLISH_HEADERS });
  const firstNonAscii = lateBytes.findIndex((b) => b >= 0x80);
  if (firstNonAscii < 65_536) throw new Error(`the late-Cyrillic file has a non-ASCII byte at ${firstNonAscii}, inside the 64 KB head`);
  const late = put('late-cyrillic-cp1251.csv', lateBytes);

  return [
    { name: 'cover-sheet', about: 'xlsx with a cover sheet before the data sheet, no --sheet', args: [cover], reference: clean },
    { name: 'cp1251-after-ascii-head', about: 'cp1251 whose first 64 KB are ASCII: decided at the first Cyrillic byte', args: [late], reference: lateClean },
    { name: '1c-cp1251', about: '1C export: cp1251, ;, decimal comma, U+00A0 thousands, dd.mm.yyyy, three title rows, Russian headers, CRLF', args: [oneC], reference: cleanSafe },
    { name: '1c-cp1251-stdin', about: 'the same 1C export on standard input', args: ['-'], input: readFileSync(oneC), reference: cleanSafe },
    {
      name: '1c-cp1251-forced',
      about: 'the 1C export with every detection forced',
      args: [oneC, '--encoding', 'cp1251', '--delimiter', ';', '--decimal', ',', '--date-format', 'dd.mm.yyyy'],
      reference: cleanSafe,
    },
    { name: 'xlsx-real-dates', about: 'xlsx with real date cells, numbers as numbers, merged title row', args: [realDates], reference: clean },
    {
      name: 'xlsx-text-dates',
      about: 'xlsx with text dates dd.mm.yyyy (some serial numbers and date cells), text numbers with decimal commas and a currency word, header on row 4',
      args: [textDates],
      reference: clean,
    },
    { name: 'tsv-mdy', about: 'TSV, mm/dd/yyyy decided from the data, "," thousands, other English headers', args: [mdy], reference: clean },
    { name: 'psv-yyyymmdd-bom', about: "'|', yyyymmdd, UTF-8 BOM, apostrophe thousands, columns reordered", args: [compact], reference: clean },
    { name: 'gzip', about: 'gzip-compressed CSV', args: [gz], reference: clean },
    { name: 'crlf-quoted', about: 'CRLF, every field quoted, fields holding the delimiter, ISO dates with a time, (negatives)', args: [crlf], reference: clean },
    { name: 'sheets-star', about: "--sheet '*': two sheets with their own headers, a notes sheet skipped", args: [sheets, '--sheet', '*'], reference: clean },
    { name: 'sheets-named', about: '--sheet 2025 --sheet 2026', args: [sheets, '--sheet', '2025', '--sheet', '2026'], reference: clean },
    { name: 'two-files', about: 'a TSV and an xlsx read as one ledger', args: [partTsv, partXlsx], reference: clean },
    { name: 'file-and-stdin', about: 'a TSV and a ;-CSV on standard input read as one ledger', args: [partTsv, '-'], input: partSemi, reference: clean },
    {
      name: 'map',
      about: 'unknown headers named with --map',
      args: [odd, '--map', 'client=Партнёр', '--map', 'date=период', '--map', 'amount=Итого с НДС'],
      reference: clean,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Ledgers that detection must refuse, and the option that settles each.

const LATIN: Readonly<Record<string, string>> = Object.fromEntries(
  [...'абвгдеёжзийклмнопрстуфхцчшщъыьэюя'].map((ch, i) => [ch, ['a', 'b', 'v', 'g', 'd', 'e', 'yo', 'zh', 'z', 'i', 'y', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's', 't', 'u', 'f', 'kh', 'ts', 'ch', 'sh', 'shch', '', 'y', '', 'e', 'yu', 'ya'][i]!]),
);

/** Cyrillic (and the Kazakh letters) in Latin letters, quotes and signs dropped: plain ASCII. */
export function latin(text: string): string {
  let out = '';
  for (const ch of cp1251Safe(text)) {
    const lower = ch.toLowerCase();
    const t = LATIN[lower];
    if (t !== undefined) out += ch === lower ? t : t.charAt(0).toUpperCase() + t.slice(1);
    else if (ch.charCodeAt(0) < 0x80) out += ch;
    else if (ch === 'і' || ch === 'І') out += ch === 'і' ? 'i' : 'I';
  }
  return out;
}

export interface RefusalCase {
  name: string;
  file: string;
  /** What the refusal message must mention (the option that settles it). */
  hint: RegExp;
  /** The option that settles it the right way; the output then matches `reference`. */
  fix: string[];
  /** The same option the other way: it must be obeyed (a different output), not ignored. */
  other: string[];
  reference: string;
}

/** Ledgers whose dates or numbers read two ways, with the clean CSV of the right reading. */
export function writeRefusals(dir: string): RefusalCase[] {
  mkdirSync(dir, { recursive: true });
  const put = (name: string, bytes: Buffer): string => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  const table = sampleTable();
  // Only the days 1..12: 05/03/2025 is the 5th of March or May the 3rd, and nothing tells.
  const early: Table = { rows: table.rows.filter((r) => Number(r.date.slice(8)) <= 12) };
  // Whole numbers below a million with '.' for thousands: 3.627 is 3627 or 3.627.
  const round = (plain: string): string => String(Math.round(Number(plain)));
  const whole: Table = {
    rows: table.rows
      .filter((r) => Math.abs(Number(r.amount)) < 1e6)
      .map((r) => ({ ...r, price: round(r.price), amount: round(r.amount), profit: round(r.profit) })),
  };
  return [
    {
      name: 'dd/mm or mm/dd',
      file: put('ambiguous-dates.csv', formatTextLedger(early, { delimiter: ',', encoding: 'utf8', eol: '\n', number: { decimal: '.', group: '' }, date: 'dmy-slash', headers: ENGLISH_HEADERS })),
      hint: /--date-format/,
      fix: ['--date-format', 'dd/mm/yyyy'],
      other: ['--date-format', 'mm/dd/yyyy'],
      reference: put('ambiguous-dates-clean.csv', cleanCsv(early)),
    },
    {
      name: 'decimal point or thousands separator',
      file: put('ambiguous-numbers.csv', formatTextLedger(whole, { delimiter: ';', encoding: 'utf8', eol: '\n', number: { decimal: ',', group: '.' }, date: 'dmy', headers: RUSSIAN_HEADERS })),
      hint: /--decimal/,
      fix: ['--decimal', ','],
      other: ['--decimal', '.'],
      reference: put('ambiguous-numbers-clean.csv', cleanCsv(whole)),
    },
  ];
}
