// xlsx workbooks through exceljs's streaming reader: rows are handed on as they are parsed,
// so memory stays bounded however long the sheet.
import type ExcelJS from 'exceljs';
import { KamError } from '../core/problems.js';
import type { OpenedInput } from './input.js';
import type { Cell, RecordSink } from './records.js';

/** Plain value of an exceljs cell: rich text, formulas and hyperlinks flattened. */
function plainValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return plainValue(v.result);
    if (v.text !== undefined) return plainValue(v.text);
    if (v.error !== undefined) return null;
  }
  return String(value);
}

export async function readXlsx(input: OpenedInput, sheet: string | undefined, onSheet: (name: string) => void, sink: RecordSink): Promise<void> {
  // Loaded on first use: CSV runs never pay for exceljs.
  const { default: Excel } = await import('exceljs');
  const reader = new Excel.stream.xlsx.WorkbookReader(input.stream, {
    sharedStrings: 'cache',
    // Styles tell date cells from numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const seen: string[] = [];
  let found = false;
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      seen.push(name);
      if (found || (sheet !== undefined && name.trim().toLowerCase() !== sheet.trim().toLowerCase())) {
        // Drain sheets we skip: the zip is one stream.
        for await (const _row of worksheet) void _row;
        continue;
      }
      found = true;
      onSheet(name);
      for await (const row of worksheet) {
        const values = (row as ExcelJS.Row).values as unknown[];
        const cells: Cell[] = [];
        // exceljs row values are 1-based.
        for (let i = 1; i < values.length; i++) cells.push(plainValue(values[i]));
        sink(cells, (row as ExcelJS.Row).number);
      }
    }
  } catch (error) {
    if (error instanceof KamError) throw error;
    const message = (error as Error)?.message ?? String(error);
    throw new KamError({
      code: /end of|unexpected|invalid|corrupt|zip|signature/i.test(message) ? 'file-truncated' : 'file-unreadable',
      file: input.name,
      value: message,
      details: { reason: 'xlsx' },
    });
  }
  if (!found) {
    throw new KamError({ code: 'sheet-not-found', file: input.name, value: sheet ?? '', details: { sheets: seen } });
  }
}
