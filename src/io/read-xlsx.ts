// Which sheets of an xlsx workbook are read, and into what: one sheet, several named ones, or
// all visible ones (`--sheet '*'`); every sheet is a table of its own (title rows, header,
// columns, dialect). The workbook itself is read by kam's own reader (src/io/xlsx/), its rows
// handed on as they are scanned, so memory stays bounded however long the sheet.
import { KamError, type Problem, type ProblemCode, type SheetSkipReason } from '../core/problems.js';
import type { OpenedInput } from './input.js';
import type { RecordSink } from './records.js';
import { openWorkbook } from './xlsx/workbook-reader.js';

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

/**
 * Reads the selected sheets of a workbook, in workbook order. With no selection the first visible
 * sheet that holds a ledger is read (blank sheets and sheets with no header row before it are
 * left out and reported); with names, those sheets, hidden or not (each must exist); with '*',
 * every visible sheet that holds a ledger (at least one must). Hidden sheets are read only when
 * named.
 */
export async function readSheets(input: OpenedInput, selection: SheetSelection, handler: SheetHandler): Promise<void> {
  const names = selection === undefined ? [] : [...new Set(selection.map((s) => s.trim().toLowerCase()))];
  const all = names.includes(ALL_SHEETS);
  const first = names.length === 0;
  const skippable = all ? NOT_A_LEDGER_OF_MANY : NOT_A_LEDGER;
  const workbook = await openWorkbook(input);
  input.bytesRead = workbook.bytesRead;
  try {
    const sheets = workbook.sheets;
    const key = (name: string): string => name.trim().toLowerCase();
    if (!first) {
      // Every name asked for must be there (hidden sheets too: naming one reads it).
      const missing = names.find((n) => n !== ALL_SHEETS && !sheets.some((s) => key(s.name) === n));
      if (missing !== undefined) {
        throw new KamError({ code: 'sheet-not-found', file: input.name, value: selection!.find((s) => key(s) === missing) ?? missing, details: { sheets: sheets.map((s) => s.name) } });
      }
    }
    const read = new Set<string>();
    const skipped: Problem[] = [];
    for (const sheet of sheets) {
      // Hidden sheets only when named; with no --sheet the first visible sheet holding a ledger.
      const wanted = names.includes(key(sheet.name)) || ((first || all) && sheet.visible);
      if (!wanted) continue;
      const label = sheetLabel(input.name, sheet.name);
      // A sheet that turns out to hold no ledger is left out, its reading stopped there.
      let failure: KamError | undefined;
      const fail = (error: unknown): void => {
        if (!(error instanceof KamError) || !skippable.has(error.problem.code)) throw error;
        failure = error;
      };
      try {
        const sink = handler.start(sheet.name, label);
        await workbook.readSheet(sheet, sink);
        handler.end(sheet.name);
      } catch (error) {
        fail(error);
      }
      if (failure === undefined) {
        read.add(key(sheet.name));
        if (first) break;
        continue;
      }
      const problem: Problem = { ...failure.problem, file: label };
      if (!first && !all) throw new KamError(problem);
      skipped.push(problem);
      const reason = skipReason(problem);
      if (reason !== undefined) handler.skipped({ code: 'sheet-skipped', severity: 'warning', file: input.name, value: sheet.name, details: { reason } });
    }
    if (read.size === 0) {
      // Nothing held a ledger: say why the first sheet with anything on it does not.
      const problem = skipped.find((p) => p.code !== 'file-empty') ?? skipped[0];
      throw new KamError(problem ?? { code: 'file-empty', file: input.name });
    }
  } finally {
    await workbook.close();
  }
}

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
