#!/usr/bin/env node
// Seeded synthetic ledger for benchmarks: N lines, ~10,000 clients with Pareto-like weights,
// 24 months (2023-01-01 … 2024-12-31), about 48 bytes a line. Same arguments, same bytes.
//   node bench/generate-ledger.mjs LINES OUT.csv [--clients N] [--seed S] [--xlsx]
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mulberry32 } from './common.mjs';

const args = process.argv.slice(2);
const lines = Number(args[0]);
const out = args[1];
if (!Number.isInteger(lines) || lines <= 0 || out === undefined) {
  process.stderr.write('usage: node bench/generate-ledger.mjs LINES OUT.csv|OUT.xlsx [--clients N] [--seed S]\n');
  process.exit(2);
}
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const clients = opt('--clients', 10_000);
const random = mulberry32(opt('--seed', 42));

// Client weights ~ 1/rank^0.9: a realistic long tail; cumulative table for sampling.
const cumulative = new Float64Array(clients);
let sum = 0;
for (let i = 0; i < clients; i++) {
  sum += 1 / Math.pow(i + 1, 0.9);
  cumulative[i] = sum;
}
function pickClient() {
  const r = random() * sum;
  let lo = 0;
  let hi = clients - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
const DAY0 = Date.UTC(2023, 0, 1) / 86_400_000;
const DAYS = Date.UTC(2025, 0, 1) / 86_400_000 - DAY0;
const pad = (n, w) => String(n).padStart(w, '0');
function isoDay(day) {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
// The first and last lines pin the 24 complete months.
function pickDay(i) {
  if (i === 0) return DAY0;
  return DAY0 + Math.floor(random() * DAYS);
}

// Invoices of 1–15 lines, one client and one day each, as real ledgers hold them; 2% are returns.
function* rows() {
  let invoice = 100000;
  let i = 0;
  while (i < lines) {
    const client = `CL-${pad(pickClient(), 5)}`;
    const day = isoDay(pickDay(i));
    const returned = random() < 0.02;
    const size = 1 + Math.floor(random() * 15);
    invoice++;
    for (let k = 0; k < size && i < lines; k++, i++) {
      const qty = returned ? -1 - Math.floor(random() * 3) : 1 + Math.floor(random() * 12);
      const price = (50 + Math.floor(random() * 5000)) / 10;
      const amount = Math.round(qty * price * 100) / 100;
      yield [i === lines - 1 ? isoDay(DAY0 + DAYS - 1) : day, `${returned ? 'R' : 'I'}${invoice}`, client, `P${pad(Math.floor(random() * 2000), 4)}`, qty, price, amount];
    }
  }
}

const HEADER = ['Date', 'Invoice', 'Client', 'Product', 'Quantity', 'Price', 'Amount'];
if (out.endsWith('.xlsx')) {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Sales');
  sheet.addRow(HEADER).commit();
  for (const r of rows()) {
    const [y, m, d] = r[0].split('-').map(Number);
    sheet.addRow([new Date(Date.UTC(y, m - 1, d)), ...r.slice(1)]).commit();
  }
  await workbook.commit();
} else {
  const stream = createWriteStream(out);
  let buffer = `${HEADER.join(',')}\n`;
  for (const r of rows()) {
    buffer += `${r.join(',')}\n`;
    if (buffer.length > 1 << 20) {
      if (!stream.write(buffer)) await once(stream, 'drain');
      buffer = '';
    }
  }
  stream.end(buffer);
  await once(stream, 'finish');
}
