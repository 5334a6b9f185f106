#!/usr/bin/env node
// Writes a CSV (or .csv.gz) ledger as an xlsx sheet with exceljs's streaming writer, for the
// xlsx benchmark: node bench/csv-to-xlsx.mjs IN.csv[.gz] OUT.xlsx [REPEAT]
// REPEAT (default 1) writes the rows that many times: the same clients and days, more rows, to
// see whether the reader's memory grows with the rows.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';

const [input, output, repeatText] = process.argv.slice(2);
const repeat = Number(repeatText ?? '1');
const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: output, useStyles: true, useSharedStrings: false });
const sheet = workbook.addWorksheet('Sheet1');
let header = true;
for (let pass = 0; pass < repeat; pass++) {
  let stream = createReadStream(input);
  if (input.endsWith('.gz')) stream = stream.pipe(createGunzip());
  let first = true;
  for await (const record of stream.pipe(parse({ relax_column_count: true }))) {
    if (first) {
      first = false;
      if (header) sheet.addRow(record).commit();
      header = false;
      continue;
    }
    // Numbers as numbers, the rest as text, as an Excel user's sheet would hold them.
    sheet.addRow(record.map((v) => (v !== '' && /^-?\d+(\.\d+)?$/.test(v) && !/^0\d/.test(v) ? Number(v) : v))).commit();
  }
}
await workbook.commit();
