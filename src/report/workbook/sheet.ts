// The contract of a workbook sheet: one module per sheet, listed in index.ts.
import type { Analysis } from '../../core/analyze.js';
import type { Ledger } from '../../core/ledger.js';
import type { RunContext } from '../run-context.js';
import type { Book } from './book.js';

/** Everything a sheet may show. Sheets that need more (win-back list, churn…) add fields here. */
export interface WorkbookModel {
  analysis: Analysis;
  context: RunContext;
  /** When the workbook was made (Method sheet). */
  generatedAt: Date;
  /** The folded ledger, for sheets that need more than the analysis (Dossiers: purchase days, products, directions). */
  ledger?: Ledger | undefined;
  /** The --direction column's header, for labels. */
  directionColumn?: string | null | undefined;
}

export interface WorkbookSheet {
  /** The tab name (at most 31 characters, none of : \ / ? * [ ]). */
  readonly name: string;
  /** One line for the Summary sheet's list of what the workbook holds. */
  readonly description: string;
  /** Adds the sheet to the book and writes it; rows must be committed in order (streaming). */
  write(book: Book, model: WorkbookModel): void | Promise<void>;
}
