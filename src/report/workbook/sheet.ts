// The contract of a workbook sheet: one module per sheet, listed in index.ts.
import type { ClassHistory } from '../../core/history.js';
import type { Report } from '../../core/report.js';
import type { Messages } from '../../i18n/en.js';
import type { RunContext } from '../run-context.js';
import type { Book } from './book.js';

/** Everything a sheet may show: the report (every figure, computed once) and how the run read its ledger. */
export interface WorkbookModel {
  report: Report;
  context: RunContext;
  /** When the workbook was made (Method sheet). */
  generatedAt: Date;
  /** The --direction column's header, for labels. */
  directionColumn?: string | null | undefined;
  /** The run's language: every label, sheet name and number format of the workbook. */
  t: Messages;
  /** Class history (kam history -o: the History sheet). */
  history?: ClassHistory | undefined;
}

export type SheetId = keyof Messages['workbook']['sheets'];

export interface WorkbookSheet {
  /** Which sheet: its tab name (at most 31 characters, none of : \ / ? * [ ]) and its one line for
   * the Summary's list of what the workbook holds are t.workbook.sheets[id] and .descriptions[id]. */
  readonly id: SheetId;
  /** Whether the workbook has this sheet (default: always). */
  applies?(model: WorkbookModel): boolean;
  /** Adds the sheet to the book and writes it; rows must be committed in order (streaming). */
  write(book: Book, model: WorkbookModel): void | Promise<void>;
}
