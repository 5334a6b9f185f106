// One ledger (the sample's rows) written as workbooks the ways real producers write them: Excel
// (shared strings, rich and phonetic runs, date serials with built-in formats, 17-digit numbers,
// title rows), the OpenXML SDK (`x:` prefixes, no cell or row references, inline strings, ISO
// `t="d"` dates, stored entries, absolute targets), a 1904-system book with custom formats and
// formulas, and a book whose hidden first sheet holds other numbers.
import { book, columnName, escapeXml, MAIN_NS, serialOf, stylesXml } from './xlsx.js';

/** Columns of the sample ledger that hold numbers (Quantity, Price, Amount, Profit) and the date. */
const NUMBER_COLUMNS = new Set([7, 8, 9, 10]);
const DATE_COLUMN = 0;
const CLIENT_COLUMN = 2;
const AMOUNT_COLUMN = 9;

const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

class SharedStrings {
  private readonly items: string[] = [];
  private readonly index = new Map<string, number>();
  /** `rich`: the text split into runs (the second bold) with a phonetic run after them. */
  add(text: string, rich = false): number {
    const key = `${rich ? 'r' : 'p'}${text}`;
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.items.length;
      this.index.set(key, i);
      if (rich && text.length > 1) {
        const half = Math.floor(text.length / 2);
        this.items.push(
          `<si><r><t xml:space="preserve">${escapeXml(text.slice(0, half))}</t></r><r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">${escapeXml(text.slice(half))}</t></r><rPh sb="0" eb="1"><t>カナ</t></rPh><phoneticPr fontId="1"/></si>`,
        );
      } else this.items.push(`<si><t xml:space="preserve">${escapeXml(text)}</t></si>`);
    }
    return i;
  }
  xml(): string {
    return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="${this.items.length}" uniqueCount="${this.items.length}">${this.items.join('')}</sst>`;
  }
}

/** Excel: shared strings, title rows, serial dates with format 14, numbers in 17 digits. */
export function excelBook(header: readonly string[], rows: readonly (readonly string[])[]): Buffer {
  const sst = new SharedStrings();
  const out: string[] = [];
  out.push(`<row r="1" spans="1:11" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>${sst.add('Реализация товаров за 2025–2026 гг.')}</v></c></row>`);
  out.push('<row r="2" spans="1:11"/>');
  out.push(`<row r="3" spans="1:11">${header.map((h, c) => `<c r="${columnName(c)}3" s="2" t="s"><v>${sst.add(h)}</v></c>`).join('')}</row>`);
  rows.forEach((row, i) => {
    const r = i + 4;
    const cells = row.map((v, c) => {
      const ref = `${columnName(c)}${r}`;
      if (c === DATE_COLUMN) return `<c r="${ref}" s="1"><v>${serialOf(v)}</v></c>`;
      if (NUMBER_COLUMNS.has(c)) return `<c r="${ref}" s="3"><v>${Number(v).toPrecision(17).replace(/\.?0+$/, '')}</v></c>`;
      if (v === '') return `<c r="${ref}" s="2"/>`;
      return `<c r="${ref}" t="s"><v>${sst.add(v, c === CLIENT_COLUMN)}</v></c>`;
    });
    out.push(`<row r="${r}" spans="1:11" x14ac:dyDescent="0.25">${cells.join('')}</row>`);
  });
  const xml = `${SHEET_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"><dimension ref="A1:K${rows.length + 3}"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="12" customWidth="1"/></cols><sheetData>${out.join('')}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  return book({ sheets: [{ name: 'Продажи', xml }], sharedStrings: sst.xml(), styles: stylesXml([0, 14, 0, '#,##0.00\\ [$₸-43F];[Red]\\-#,##0.00\\ [$₸-43F]']) });
}

/** The OpenXML SDK: `x:` prefixes, no references, inline strings (rich), ISO date cells, stored entries. */
export function sdkBook(header: readonly string[], rows: readonly (readonly string[])[]): Buffer {
  const inline = (text: string, rich: boolean): string => {
    if (!rich || text.length < 2) return `<x:c t="inlineStr"><x:is><x:t>${escapeXml(text)}</x:t></x:is></x:c>`;
    const half = Math.floor(text.length / 2);
    return `<x:c t="inlineStr"><x:is><x:r><x:t xml:space="preserve">${escapeXml(text.slice(0, half))}</x:t></x:r><x:r><x:rPr><x:i/></x:rPr><x:t xml:space="preserve">${escapeXml(text.slice(half))}</x:t></x:r><x:rPh sb="0" eb="1"><x:t>よみ</x:t></x:rPh></x:is></x:c>`;
  };
  const out: string[] = [];
  out.push(`<x:row>${header.map((h) => inline(h, false)).join('')}</x:row>`);
  for (const row of rows) {
    const cells = row.map((v, c) => {
      if (c === DATE_COLUMN) return `<x:c t="d"><x:v>${v}T00:00:00</x:v></x:c>`;
      if (NUMBER_COLUMNS.has(c)) return `<x:c><x:v>${Number(v)}</x:v></x:c>`;
      return inline(v, c === CLIENT_COLUMN);
    });
    out.push(`<x:row>${cells.join('')}</x:row>`);
  }
  const xml = `${SHEET_HEAD}<x:worksheet xmlns:x="${MAIN_NS}"><x:sheetData>${out.join('')}</x:sheetData></x:worksheet>`;
  return book({ sheets: [{ name: 'Sheet1', xml }], prefix: 'x', method: 0, absolute: true, styles: stylesXml([0], 'x') });
}

/**
 * The 1904 date system, custom date and money formats, formulas with cached values (the amount
 * computed, the client a string result), title rows, and `t="str"` text as exceljs writes it.
 */
export function book1904(header: readonly string[], rows: readonly (readonly string[])[]): Buffer {
  const out: string[] = [];
  const text = (ref: string, v: string): string => `<c r="${ref}" t="str"><v>${escapeXml(v)}</v></c>`;
  out.push(`<row r="1">${text('A1', 'ТОО «Строймаркет»: отгрузки')}</row>`);
  out.push(`<row r="2">${text('A2', 'Сумма в тенге')}</row>`);
  out.push(`<row r="4">${header.map((h, c) => text(`${columnName(c)}4`, h)).join('')}</row>`);
  rows.forEach((row, i) => {
    const r = i + 5;
    const cells = row.map((v, c) => {
      const ref = `${columnName(c)}${r}`;
      if (c === DATE_COLUMN) return `<c r="${ref}" s="1"><v>${serialOf(v, true)}</v></c>`;
      if (c === AMOUNT_COLUMN) return `<c r="${ref}" s="2"><f>H${r}*I${r}</f><v>${Number(v)}</v></c>`;
      if (NUMBER_COLUMNS.has(c)) return `<c r="${ref}" s="2"><v>${Number(v)}</v></c>`;
      if (c === CLIENT_COLUMN) return `<c r="${ref}" t="str"><f>TRIM("${escapeXml(v.replace(/"/g, '""'))}")</f><v>${escapeXml(v)}</v></c>`;
      return text(ref, v);
    });
    out.push(`<row r="${r}">${cells.join('')}</row>`);
  });
  const xml = `${SHEET_HEAD}<worksheet xmlns="${MAIN_NS}"><sheetData>${out.join('')}</sheetData></worksheet>`;
  return book({
    sheets: [{ name: 'Отгрузки', xml }],
    date1904: true,
    styles: stylesXml([0, '[$-419]DD\\.MM\\.YYYY;@', '_-* #,##0.00\\ "₸"_-;\\-* #,##0.00\\ "₸"_-;_-* "-"??\\ "₸"_-;_-@_-']),
  });
}

/**
 * A hidden first sheet holding other numbers, then the ledger with dates as dd.mm.yyyy text,
 * the workbook part in a folder of its own, and Zip64 end records.
 */
export function hiddenFirstBook(header: readonly string[], rows: readonly (readonly string[])[]): Buffer {
  const sheet = (rs: readonly (readonly string[])[], dateText: (iso: string) => string): string => {
    const all = [header, ...rs];
    const body = all
      .map((row, i) => `<row r="${i + 1}">${row.map((v, c) => (i > 0 && NUMBER_COLUMNS.has(c) ? `<c r="${columnName(c)}${i + 1}"><v>${Number(v)}</v></c>` : `<c r="${columnName(c)}${i + 1}" t="inlineStr"><is><t>${escapeXml(i > 0 && c === DATE_COLUMN ? dateText(v) : v)}</t></is></c>`)).join('')}</row>`)
      .join('');
    return `${SHEET_HEAD}<worksheet xmlns="${MAIN_NS}"><sheetData>${body}</sheetData></worksheet>`;
  };
  const other = rows.map((r) => r.map((v, c) => (c === AMOUNT_COLUMN ? String(Number(v) * 2) : v)));
  return book({
    sheets: [
      { name: 'Черновик', xml: sheet(other, (iso) => iso), state: 'hidden' },
      { name: 'Журнал', xml: sheet(rows, (iso) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`) },
    ],
    workbookPart: 'book/main.xml',
    zip64: true,
  });
}

export const LEDGER_BOOKS = { excel: excelBook, sdk: sdkBook, '1904': book1904, 'hidden-first': hiddenFirstBook } as const;
