#!/usr/bin/env node
// The workbook benchmark: `kam analyze LEDGER -o out.xlsx` on a seeded ledger of 50,000 clients,
// every one of them buying in the last 12 months, against `kam analyze LEDGER --format csv` (the
// same reading and analysis without the workbook). Wall time and peak RSS come from
// /usr/bin/time -v (GNU time) when it is installed, else from the process itself.
//   node bench/workbook.mjs [--clients 50000] [--runs 3] [--seed 15] [--dir /tmp/kam-bench-workbook] [--kam OTHER/bin/kam.js]
// (--kam: another build of kam, e.g. an older commit's, to compare against.)
// The ledger: 24 months (2023-01-01 … 2024-12-31); client i (0-based) makes 2 + ⌊60/(1+i/400)⌋
// invoices of 1–6 lines, the last in 2024, at prices that fall with i, so revenue has a long tail
// and several thousand clients are key (one dossier card each). Same arguments, same bytes.
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { arg, mulberry32 } from './common.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const clients = Number(arg('--clients', '50000'));
const runs = Number(arg('--runs', '3'));
const seed = Number(arg('--seed', '15')) >>> 0;
const dir = arg('--dir', '/tmp/kam-bench-workbook');
mkdirSync(dir, { recursive: true });
const ledger = join(dir, `ledger-${clients}-${seed}.csv`);
const kamBin = arg('--kam', join(root, 'bin', 'kam.js'));
const book = join(dir, 'out.xlsx');
const random = mulberry32(seed);

async function generate() {
  const DAY0 = Date.UTC(2023, 0, 1) / 86_400_000;
  const DAYS = 731;
  const iso = (day) => new Date(day * 86_400_000).toISOString().slice(0, 10);
  const stream = createWriteStream(ledger);
  let buffer = 'Date,Invoice,Client,Product,Quantity,Price,Amount\n';
  let invoice = 100000;
  for (let i = 0; i < clients; i++) {
    const name = `CL-${String(i).padStart(6, '0')}`;
    const invoices = 2 + Math.floor(60 / (1 + i / 400));
    const scale = 1 / (1 + i / 2000);
    for (let k = 0; k < invoices; k++) {
      // The last invoice falls in 2024 (the 12-month window); the others anywhere; the ledger's
      // first and last days are pinned by client 0.
      const day = i === 0 && k === 0 ? DAY0 : i === 0 && k === 1 ? DAY0 + DAYS - 1 : k === invoices - 1 ? DAY0 + 366 + Math.floor(random() * 365) : DAY0 + Math.floor(random() * DAYS);
      invoice++;
      const size = 1 + Math.floor(random() * 6);
      for (let l = 0; l < size; l++) {
        const qty = 1 + Math.floor(random() * 12);
        const price = Math.round((20 + random() * 800) * scale * 100) / 100 + 1;
        buffer += `${iso(day)},I${invoice},${name},P${String(Math.floor(random() * 2000)).padStart(4, '0')},${qty},${price},${Math.round(qty * price * 100) / 100}\n`;
      }
      if (buffer.length > 1 << 20) {
        if (!stream.write(buffer)) await once(stream, 'drain');
        buffer = '';
      }
    }
  }
  stream.end(buffer);
  await once(stream, 'finish');
}

if (!existsSync(ledger)) {
  process.stderr.write(`generating ${ledger}…\n`);
  await generate();
}

const gnuTime = existsSync('/usr/bin/time');
function run(command) {
  const kam = [kamBin, ...command];
  const started = process.hrtime.bigint();
  const r = gnuTime
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, ...kam], { encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(process.execPath, kam, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`kam ${command.join(' ')} failed: ${r.stderr}`);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  const user = /User time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '');
  const system = /System time \(seconds\): ([\d.]+)/.exec(r.stderr ?? '');
  const cpu = user === null || system === null ? NaN : Number(user[1]) + Number(system[1]);
  return { seconds, cpu, rssMb: rss === null ? NaN : Number(rss[1]) / 1024, stdout: r.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const withBook = [];
const without = [];
const loads = [];
let shape = '';
for (let i = 0; i < runs; i++) {
  rmSync(book, { force: true });
  loads.push(loadavg()[0]);
  withBook.push(run(['analyze', ledger, '-o', book, '--quiet']));
  const csv = run(['analyze', ledger, '--format', 'csv', '--quiet']);
  without.push(csv);
  if (i === 0) {
    const rows = csv.stdout.trim().split('\n');
    const header = rows[0].split(',');
    const tags = header.indexOf('tags');
    const key = rows.slice(1).filter((r) => tags >= 0 && /key/.test(r)).length;
    shape = `${(rows.length - 1).toLocaleString('en-US')} clients${tags >= 0 ? `, about ${key.toLocaleString('en-US')} key (dossier cards)` : ''}`;
  }
}
const w = median(withBook.map((x) => x.seconds));
const c = median(without.map((x) => x.seconds));
console.log(`${ledger} (${(statSync(ledger).size / 1e6).toFixed(0)} MB): ${shape}`);
console.log(`${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.versions.node}, load average before the runs ${loads.map((l) => l.toFixed(1)).join(', ')}; medians of ${runs}:`);
const cpu = (xs) => median(xs.map((x) => x.cpu));
console.log(`${kamBin}`);
console.log(`  kam analyze -o out.xlsx:     ${w.toFixed(2)} s (CPU ${cpu(withBook).toFixed(2)} s), peak RSS ${median(withBook.map((x) => x.rssMb)).toFixed(0)} MB (${(statSync(book).size / 1e6).toFixed(1)} MB workbook)`);
console.log(`  kam analyze --format csv:    ${c.toFixed(2)} s (CPU ${cpu(without).toFixed(2)} s), peak RSS ${median(without.map((x) => x.rssMb)).toFixed(0)} MB`);
console.log(`  the workbook itself:         ${(w - c).toFixed(2)} s (CPU ${(cpu(withBook) - cpu(without)).toFixed(2)} s)`);
