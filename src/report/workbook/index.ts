// The annotated workbook (`kam analyze -o FILE.xlsx`). One module per sheet; the list below is
// the tab order. Adding a sheet = writing a module that exports a WorkbookSheet and adding it here.
import { writeFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { writeFileAtomically } from '../../io/write-file.js';
import { KamError } from '../../core/problems.js';
import { checkWorkbookMemory } from '../../io/memory-guard.js';
import { Book } from './book.js';
import { clientsSheet } from './clients.js';
import { matrixSheet } from './matrix.js';
import { methodSheet } from './method.js';
import { migrationSheet } from './migration.js';
import { dossiersSheet } from './dossiers.js';
import { addCharts } from './package.js';
import { modelSheet, writeModelSheet, type ModelView } from './model.js';
import type { Messages } from '../../i18n/en.js';
import type { RunContext } from '../run-context.js';
import { paretoSheet } from './pareto.js';
import { seriesSheet } from './series.js';
import { lostSheet } from './lost.js';
import { churnSheet } from './churn.js';
import { bridgeSheet } from './bridge.js';
import { historySheet } from './history.js';
import { portfoliosSheet } from './portfolios.js';
import type { WorkbookModel, WorkbookSheet } from './sheet.js';
import { summarySheet } from './summary.js';
import { withCurrencyFormats } from './style.js';

export type { WorkbookModel, WorkbookSheet } from './sheet.js';
export { workbookPath } from './path.js';

export const WORKBOOK_SHEETS: readonly WorkbookSheet[] = [
  summarySheet,
  clientsSheet,
  matrixSheet,
  paretoSheet,
  seriesSheet,
  lostSheet,
  churnSheet,
  bridgeSheet,
  portfoliosSheet,
  historySheet,
  migrationSheet,
  dossiersSheet,
  modelSheet,
  methodSheet,
];

/** The workbook as bytes (an xlsx package): the sheets of `all` that apply to the model. */
export async function renderWorkbook(model: WorkbookModel, all: readonly WorkbookSheet[] = WORKBOOK_SHEETS): Promise<Buffer> {
  return Buffer.concat(await workbookParts(model, all));
}

/** The package as buffers to write in order. Sheets are streamed; only the compressed package is held, once. */
async function workbookParts(given: WorkbookModel, all: readonly WorkbookSheet[]): Promise<Buffer[]> {
  // Amounts carry the ledger's currency in their number format.
  const model = { ...given, t: { ...given.t, numFmt: withCurrencyFormats(given.t.numFmt, given.report.currency) } };
  const sheets = all.filter((s) => s.applies?.(model) ?? true);
  return renderBook(model.context, model.generatedAt, model.t, sheets, async (book) => {
    for (const sheet of sheets) {
      checkWorkbookMemory();
      await sheet.write(book, model);
    }
  });
}

/** An xlsx package of the given sheets (tab order), written by `write` into the book. */
async function renderBook(
  context: RunContext,
  generatedAt: Date,
  t: Messages,
  sheets: readonly Pick<WorkbookSheet, 'id'>[],
  write: (book: Book) => Promise<void>,
): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  // Deflate level 1, archiver's default, said outright: on 50,000 clients (170 MB of sheet XML)
  // level 6 makes the file 25% smaller (20.5 against 27.6 MB) for 1.3 s more CPU.
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true, zip: { zlib: { level: 1 } } });
  const inputs = context.inputs.map((i) => i.name).join(', ');
  writer.creator = `kam ${context.version}`;
  writer.lastModifiedBy = `kam ${context.version}`;
  writer.created = generatedAt;
  writer.modified = generatedAt;
  writer.title = t.workbook.title(inputs);
  const book = new Book(
    writer,
    `kam — ${inputs}`,
    sheets.map((s) => ({ name: t.workbook.sheets[s.id], description: t.workbook.descriptions[s.id] })),
    t,
  );
  await write(book);
  await writer.commit();
  // The chunks are not joined: that was a second copy of the whole package (28 MB on 50,000 clients).
  return addCharts(chunks, book.charts);
}

/** Writes the workbook to `path` whole or not at all (see src/io/write-file.ts). */
export async function writeWorkbook(path: string, model: WorkbookModel, sheets: readonly WorkbookSheet[] = WORKBOOK_SHEETS): Promise<void> {
  let parts: Buffer[];
  try {
    parts = await workbookParts(model, sheets);
  } catch (error) {
    // Memory ran short while writing: the problem names this workbook and its clients.
    if (error instanceof KamError && error.problem.code === 'out-of-memory' && error.problem.details.engine === 'workbook') {
      throw new KamError({ ...error.problem, file: path, details: { ...error.problem.details, clients: model.report.analysis.clients.length } });
    }
    throw error;
  }
  await writeFileAtomically(path, (temporary) => writeFile(temporary, parts, { flag: 'wx' }));
}

/** `kam alive -o`: a workbook of the Model sheet alone, written whole or not at all. */
export async function writeModelWorkbook(path: string, view: ModelView, context: RunContext, generatedAt: Date, t: Messages): Promise<void> {
  const parts = await renderBook(context, generatedAt, t, [{ id: 'model' }], async (book) => writeModelSheet(book, view, t));
  await writeFileAtomically(path, (temporary) => writeFile(temporary, parts, { flag: 'wx' }));
}
