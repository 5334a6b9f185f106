// The annotated workbook (`kam analyze -o FILE.xlsx`). One module per sheet; the list below is
// the tab order. Adding a sheet = writing a module that exports a WorkbookSheet and adding it here.
import { writeFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { writeFileAtomically } from '../../io/write-file.js';
import { Book } from './book.js';
import { clientsSheet } from './clients.js';
import { matrixSheet } from './matrix.js';
import { methodSheet } from './method.js';
import { migrationSheet } from './migration.js';
import { dossiersSheet } from './dossiers.js';
import { addCharts } from './package.js';
import { paretoSheet } from './pareto.js';
import { seriesSheet } from './series.js';
import { lostSheet } from './lost.js';
import { churnSheet } from './churn.js';
import type { WorkbookModel, WorkbookSheet } from './sheet.js';
import { summarySheet } from './summary.js';

export type { WorkbookModel, WorkbookSheet } from './sheet.js';
export { workbookPath } from './path.js';

export const WORKBOOK_SHEETS: readonly WorkbookSheet[] = [summarySheet, clientsSheet, matrixSheet, paretoSheet, seriesSheet, lostSheet, churnSheet, migrationSheet, dossiersSheet, methodSheet];

/** The workbook as bytes (an xlsx package). Sheets are streamed; only the compressed package is held. */
export async function renderWorkbook(model: WorkbookModel, sheets: readonly WorkbookSheet[] = WORKBOOK_SHEETS): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  const inputs = model.context.inputs.map((i) => i.name).join(', ');
  writer.creator = `kam ${model.context.version}`;
  writer.lastModifiedBy = `kam ${model.context.version}`;
  writer.created = model.generatedAt;
  writer.modified = model.generatedAt;
  const t = model.t;
  writer.title = t.workbook.title(inputs);
  const book = new Book(
    writer,
    `kam — ${inputs}`,
    sheets.map((s) => ({ name: t.workbook.sheets[s.id], description: t.workbook.descriptions[s.id] })),
    t,
  );
  for (const sheet of sheets) await sheet.write(book, model);
  await writer.commit();
  const xlsx = Buffer.concat(chunks);
  chunks.length = 0;
  return addCharts(xlsx, book.charts);
}

/** Writes the workbook to `path` whole or not at all (see src/io/write-file.ts). */
export async function writeWorkbook(path: string, model: WorkbookModel, sheets: readonly WorkbookSheet[] = WORKBOOK_SHEETS): Promise<void> {
  const bytes = await renderWorkbook(model, sheets);
  await writeFileAtomically(path, (temporary) => writeFile(temporary, bytes, { flag: 'wx' }));
}
