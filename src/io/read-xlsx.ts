// xlsx workbooks through exceljs's streaming reader: rows are handed on as they are parsed,
// so memory stays bounded however long the sheet. One sheet, several named ones, or all of them
// (`--sheet '*'`); every sheet is a table of its own (title rows, header, columns, dialect).
import { Transform, type TransformCallback } from 'node:stream';
import type ExcelJS from 'exceljs';
import { KamError, type Problem, type ProblemCode, type ProblemInput, type SheetSkipReason } from '../core/problems.js';
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

/** `--sheet` values: undefined for the first sheet that holds a ledger, ['*'] for all of them. */
export type SheetSelection = readonly string[] | undefined;

export const ALL_SHEETS = '*';

export interface SheetHandler {
  /** A selected sheet starts: where its rows go. `label` names it in messages. */
  start(sheet: string, label: string): RecordSink;
  /** Its rows have all been handed over (may throw, e.g. a header without rows). */
  end(sheet: string): void;
  /** A sheet left out because it holds no ledger (blank sheets are left out silently). */
  skipped(problem: Problem): void;
}

/** What messages call a sheet of a workbook. */
export function sheetLabel(file: string, sheet: string): string {
  return `${file}, sheet "${sheet}"`;
}

/** Problems that mean "this sheet holds no ledger" rather than "this ledger is broken". */
const NOT_A_LEDGER: ReadonlySet<ProblemCode> = new Set(['file-empty', 'no-header']);
/** With every sheet asked for, a sheet that looks like a table but not a ledger is left out too. */
const NOT_A_LEDGER_OF_MANY: ReadonlySet<ProblemCode> = new Set(['file-empty', 'no-header', 'no-rows', 'missing-column', 'unknown-mapped-column']);

const EOCD_SIGNATURE = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
/** The end-of-central-directory record (22 bytes) and the longest zip comment after it. */
const TAIL_BYTES = 22 + 0xffff;

/**
 * unzipper's zip parser (under exceljs) emits 'end' as soon as it has read its input, while the
 * entries it has parsed may still wait unread in its buffer; exceljs then stops at that 'end'
 * and misses them (xl/workbook.xml, say) and fails on a sound workbook now and then, mostly
 * small ones: "Cannot read properties of undefined (reading 'sheets')". Without that listener
 * the parser ends as a stream should, after its last entry has been read (push(null) at the
 * end record); a zip that stops short still fails, with FILE_ENDED.
 */
function endAfterLastEntry(parser: NodeJS.WritableStream): void {
  const emitter = parser as unknown as NodeJS.EventEmitter;
  for (const listener of emitter.listeners('finish')) {
    if (/\.emit\(\s*['"]end['"]\s*\)/.test(String(listener))) emitter.removeListener('finish', listener as (...args: unknown[]) => void);
  }
}

/** Passes bytes through, keeping the last TAIL_BYTES: a zip whose end record is missing was cut off. */
class TailKeeper extends Transform {
  private tail: Buffer = Buffer.alloc(0);
  ended = false;
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    const joined = this.tail.length === 0 ? chunk : Buffer.concat([this.tail, chunk]);
    this.tail = joined.length > TAIL_BYTES ? Buffer.from(joined.subarray(joined.length - TAIL_BYTES)) : joined;
    callback(null, chunk);
  }
  override _flush(callback: TransformCallback): void {
    this.ended = true;
    callback();
  }
  /** The end record is there, its comment running exactly to the last byte. */
  hasEndRecord(): boolean {
    const tail = this.tail;
    for (let i = tail.lastIndexOf(EOCD_SIGNATURE); i >= 0; i = i > 0 ? tail.lastIndexOf(EOCD_SIGNATURE, i - 1) : -1) {
      if (i + 22 <= tail.length && tail.readUInt16LE(i + 20) === tail.length - i - 22) return true;
    }
    return false;
  }
  // exceljs pipes this into its zip parser: mend the parser's end first.
  override pipe<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T {
    endAfterLastEntry(destination);
    return super.pipe(destination, options);
  }
}

function xlsxProblem(error: unknown, name: string): KamError {
  if (error instanceof KamError) return error;
  const message = (error as Error)?.message ?? String(error);
  const code = (error as { code?: string })?.code;
  // unzipper says FILE_ENDED when the zip stops mid-entry; zlib and sax say "unexpected end" & co.
  const truncated = /FILE_ENDED|end of|unexpected|invalid|corrupt|zip|signature|incorrect header|Z_/i.test(`${message} ${code ?? ''}`);
  return new KamError({
    code: truncated ? 'file-truncated' : 'file-unreadable',
    file: name,
    ...(truncated ? { details: { format: 'xlsx' } } : { details: { reason: { code: 'system', text: message } } }),
  } as ProblemInput);
}

/**
 * Reads the selected sheets of a workbook, in workbook order. With no selection the first sheet
 * that holds a ledger is read (blank sheets and sheets with no header row before it are left
 * out and reported); with names, those sheets (each must exist); with '*', every sheet that
 * holds a ledger (at least one must).
 */
export async function readSheets(input: OpenedInput, selection: SheetSelection, handler: SheetHandler): Promise<void> {
  const names = selection === undefined ? [] : [...new Set(selection.map((s) => s.trim().toLowerCase()))];
  const all = names.includes(ALL_SHEETS);
  const first = names.length === 0;
  const skippable = all ? NOT_A_LEDGER_OF_MANY : NOT_A_LEDGER;
  const tap = new TailKeeper();
  input.stream.on('error', (e) => tap.destroy(e));
  // exceljs is loaded only when a workbook is read: it costs a tenth of a second at start.
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(input.stream.pipe(tap), {
    sharedStrings: 'cache',
    // Styles tell date cells from numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const seen: string[] = [];
  const read = new Set<string>();
  const skipped: Problem[] = [];
  let done = false;
  try {
    for await (const worksheet of reader) {
      const name = (worksheet as unknown as { name: string }).name;
      seen.push(name);
      const wanted = !done && (first || all || names.includes(name.trim().toLowerCase()));
      if (!wanted) {
        // Drain sheets we skip: the zip is one stream.
        for await (const _row of worksheet) void _row;
        continue;
      }
      const label = sheetLabel(input.name, name);
      // A sheet that turns out to hold no ledger is drained and left out (never broken off
      // mid-stream: the next sheet is in the same zip stream).
      let failure: KamError | undefined;
      const fail = (error: unknown): void => {
        if (!(error instanceof KamError) || !skippable.has(error.problem.code)) throw error;
        failure = error;
      };
      let sink: RecordSink | undefined;
      try {
        sink = handler.start(name, label);
      } catch (error) {
        fail(error);
      }
      for await (const row of worksheet) {
        if (failure !== undefined || sink === undefined) continue;
        const values = (row as ExcelJS.Row).values as unknown[];
        const cells: Cell[] = [];
        // exceljs row values are 1-based.
        for (let i = 1; i < values.length; i++) cells.push(plainValue(values[i]));
        try {
          sink(cells, (row as ExcelJS.Row).number);
        } catch (error) {
          fail(error);
        }
      }
      if (failure === undefined) {
        try {
          handler.end(name);
        } catch (error) {
          fail(error);
        }
      }
      if (failure === undefined) {
        read.add(name.trim().toLowerCase());
        if (first) done = true;
      } else {
        const problem: Problem = { ...failure.problem, file: label };
        if (!first && !all) throw new KamError(problem);
        skipped.push(problem);
        const reason = skipReason(problem);
        if (reason !== undefined) handler.skipped({ code: 'sheet-skipped', severity: 'warning', file: input.name, value: name, details: { reason } });
      }
    }
    if (!tap.ended) {
      // exceljs stops at the central directory: read on to the end to see the end record.
      for await (const _chunk of tap) void _chunk;
    }
  } catch (error) {
    throw xlsxProblem(error, input.name);
  }
  if (!tap.hasEndRecord()) throw new KamError({ code: 'file-truncated', file: input.name, details: { format: 'xlsx' } });
  if (seen.length === 0) {
    throw new KamError({ code: 'file-unreadable', file: input.name, details: { reason: { code: 'zip-not-xlsx' } } });
  }
  if (!first && !all) {
    const missing = names.find((n) => !seen.some((s) => s.trim().toLowerCase() === n));
    if (missing !== undefined) {
      throw new KamError({ code: 'sheet-not-found', file: input.name, value: selection!.find((s) => s.trim().toLowerCase() === missing) ?? missing, details: { sheets: seen } });
    }
  }
  if (read.size === 0) {
    // Nothing held a ledger: say why the first sheet with anything on it does not.
    const problem = skipped.find((p) => p.code !== 'file-empty') ?? skipped[0];
    throw new KamError(problem ?? { code: 'file-empty', file: input.name });
  }
}

/** Why a sheet was left out, in a few words (the full message names the sheet). */
/** Why a sheet was left out, for the sheet-skipped warning; undefined for a blank sheet (said nothing of). */
function skipReason(problem: Problem): SheetSkipReason | undefined {
  switch (problem.code) {
    case 'no-header':
    case 'no-rows':
      return { code: problem.code };
    case 'missing-column':
      return { code: 'missing-column', roles: problem.details.roles };
    case 'unknown-mapped-column':
      return { code: 'unknown-mapped-column', column: problem.column ?? '', role: problem.value ?? '' };
    default:
      return undefined;
  }
}

/**
 * One sheet (the first, or the one named) into one sink: the form the attributes reader uses.
 * `onSheet` hears the sheet's name before its first row.
 */
export async function readXlsx(input: OpenedInput, sheet: string | undefined, onSheet: (name: string) => void, sink: RecordSink): Promise<void> {
  let started = false;
  await readSheets(input, sheet === undefined ? undefined : [sheet], {
    start: (name) => {
      // The first sheet only: even a blank one (the attributes reader says what is wrong).
      if (started) throw new KamError({ code: 'file-empty', file: input.name });
      started = true;
      onSheet(name);
      return sink;
    },
    end: () => undefined,
    skipped: () => undefined,
  });
}
