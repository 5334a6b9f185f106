#!/usr/bin/env node
// The benchmark: kam against its peers on the same files, in one run.
//   node bench/run.mjs [--lines 1e6,1e7] [--runs 5] [--xlsx] [--quoted] [--no-retail]
// Peers: a DuckDB group-by per client and month (@duckdb/node-api, a dev dependency) and,
// where Python has pandas, bench/abc_xyz_pandas.py on Online Retail. Files are generated
// into bench/out/ (not committed) by bench/generate-ledger.mjs with a fixed seed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench', 'out');
const retail = join(root, '..', 'shared', 'datasets', 'online-retail.csv.gz');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
// --lines 0: none (only the Online Retail and xlsx runs).
const sizes = arg('--lines', '1e6').split(',').map(Number).filter((n) => n > 0);
const runs = Number(arg('--runs', '5'));
mkdirSync(out, { recursive: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function ledger(lines, ext) {
  const file = join(out, `ledger-${lines}.${ext}`);
  if (!existsSync(file)) {
    process.stderr.write(`generating ${file}…\n`);
    execFileSync(process.execPath, [join(root, 'bench', 'generate-ledger.mjs'), String(lines), file], { stdio: 'inherit' });
  }
  return file;
}

/** Runs kam once: wall seconds and peak RSS in MB; output goes to a file, compared across runs. */
function kam(file, extra = [], env = {}) {
  const rssFile = join(out, 'rss.txt');
  rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['--import', join(root, 'bench', 'rss-probe.mjs'), join(root, 'bin', 'kam.js'), 'analyze', file, '--format', 'csv', ...extra], {
    env: { ...process.env, ...env, KAM_BENCH_RSS: rssFile },
    maxBuffer: 1 << 30,
    encoding: 'buffer',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`kam failed on ${file}: ${result.stderr.toString()}`);
  const [rssKb, cpuSeconds] = readFileSync(rssFile, 'utf8').split(' ').map(Number);
  return { seconds, rssMb: rssKb / 1024, cpuSeconds, output: result.stdout };
}

/** DuckDB in a fresh process: wall seconds start to end, and the query's own seconds. */
function duckdb(file) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [join(root, 'bench', 'duckdb-groupby.mjs'), file], { encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`DuckDB failed on ${file}: ${result.stderr}`);
  return { seconds, query: Number(result.stdout.trim()) };
}

function hasPandas() {
  return spawnSync('python3', ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0;
}

const rows = [];
function report(name, kamTimes, peerTimes, peerName, rss, note = '') {
  const k = median(kamTimes);
  const p = peerTimes.length ? median(peerTimes) : undefined;
  rows.push({ name, kam: k, peer: p, peerName, ratio: p ? k / p : undefined, rss: median(rss), rssMax: Math.max(...rss), note });
}

for (const lines of sizes) {
  const file = ledger(lines, 'csv');
  const kamTimes = [];
  const rss = [];
  const duck = [];
  const duckQuery = [];
  let first;
  for (let i = 0; i < runs; i++) {
    const r = kam(file);
    if (first === undefined) first = r.output;
    else if (!first.equals(r.output)) throw new Error('kam gave different output on the same file');
    kamTimes.push(r.seconds);
    rss.push(r.rssMb);
    if (lines <= 2e7) {
      const d = duckdb(file);
      duck.push(d.seconds);
      duckQuery.push(d.query);
    }
  }
  // One thread or several (kam's default depends on the cores): the same bytes.
  for (const threads of ['1', '2', '4']) {
    if (!kam(file, [], { KAM_THREADS: threads }).output.equals(first)) throw new Error(`kam gave different output on ${threads} thread(s)`);
  }
  const note = duckQuery.length ? `DuckDB's query alone: ${median(duckQuery).toFixed(2)} s` : '';
  report(`${lines.toLocaleString('en-US')} lines CSV (${(statSync(file).size / 1e6).toFixed(0)} MB)`, kamTimes, duck, 'DuckDB group-by (process)', rss, note);
}

if (args.includes('--quoted')) {
  // The same ledger with every field in quotes (as R and some ERPs write CSV): same bytes out.
  const plain = ledger(sizes[0], 'csv');
  const quoted = join(out, `ledger-${sizes[0]}-quoted.csv`);
  if (!existsSync(quoted)) {
    const text = readFileSync(plain, 'utf8');
    const lines = text.split('\n').map((line) => (line === '' ? line : line.split(',').map((field) => `"${field}"`).join(',')));
    writeFileSync(quoted, lines.join('\n'));
  }
  const kamTimes = [];
  const rss = [];
  const expected = kam(plain).output;
  for (let i = 0; i < runs; i++) {
    const r = kam(quoted);
    if (!r.output.equals(expected)) throw new Error('kam read the quoted ledger differently');
    kamTimes.push(r.seconds);
    rss.push(r.rssMb);
  }
  report(`${sizes[0].toLocaleString('en-US')} lines CSV, every field quoted`, kamTimes, [], '-', rss);
}

if (!args.includes('--no-retail') && existsSync(retail)) {
  const kamTimes = [];
  const rss = [];
  for (let i = 0; i < runs; i++) {
    const r = kam(retail);
    kamTimes.push(r.seconds);
    rss.push(r.rssMb);
  }
  const pandas = [];
  let peerName = 'pandas (not installed: skipped)';
  if (hasPandas()) {
    peerName = 'pandas ABC-XYZ script';
    const plain = join(out, 'online-retail.csv');
    if (!existsSync(plain)) execFileSync('sh', ['-c', `gzip -dc '${retail}' > '${plain}'`]);
    for (let i = 0; i < runs; i++) {
      const started = process.hrtime.bigint();
      execFileSync('python3', [join(root, 'bench', 'abc_xyz_pandas.py'), plain], { stdio: ['ignore', 'ignore', 'inherit'] });
      pandas.push(Number(process.hrtime.bigint() - started) / 1e9);
    }
  }
  report('Online Retail, 541,909 lines (.csv.gz)', kamTimes, pandas, peerName, rss);
}

if (args.includes('--xlsx') && existsSync(retail)) {
  // Online Retail as a workbook against the same ledger as CSV, runs interleaved so that a busy
  // machine slows both alike; then the same rows three times over (same clients and days): the
  // reader's memory must not grow with the rows.
  const xlsx = join(out, 'online-retail.xlsx');
  const xlsx3 = join(out, 'online-retail-x3.xlsx');
  const plain = join(out, 'online-retail.csv');
  if (!existsSync(plain)) execFileSync('sh', ['-c', `gzip -dc '${retail}' > '${plain}'`]);
  for (const [file, repeat] of [[xlsx, 1], [xlsx3, 3]]) {
    if (!existsSync(file)) {
      process.stderr.write(`writing ${file} (once)…\n`);
      execFileSync(process.execPath, [join(root, 'bench', 'csv-to-xlsx.mjs'), retail, file, String(repeat)], { stdio: 'inherit' });
    }
  }
  const times = { xlsx: [], csv: [], gz: [], x3: [] };
  const rss = { xlsx: [], csv: [], gz: [], x3: [] };
  const cpu = { xlsx: [], csv: [] };
  let expected;
  for (let i = 0; i < runs; i++) {
    for (const [key, file] of [['csv', plain], ['gz', retail], ['xlsx', xlsx]]) {
      const r = kam(file);
      if (expected === undefined) expected = r.output;
      else if (!r.output.equals(expected)) throw new Error(`kam read ${file} differently from the CSV`);
      times[key].push(r.seconds);
      rss[key].push(r.rssMb);
      if (cpu[key] !== undefined) cpu[key].push(r.cpuSeconds);
    }
  }
  for (let i = 0; i < Math.min(runs, 3); i++) {
    const r = kam(xlsx3);
    times.x3.push(r.seconds);
    rss.x3.push(r.rssMb);
  }
  const bytes = (file) => `${(statSync(file).size / 1e6).toFixed(0)} MB`;
  report(`Online Retail as .xlsx (${bytes(xlsx)})`, times.xlsx, times.csv, 'kam, same ledger as CSV', rss.xlsx, `CPU time (user + system): xlsx ${median(cpu.xlsx).toFixed(2)} s, CSV ${median(cpu.csv).toFixed(2)} s (${(median(cpu.xlsx) / median(cpu.csv)).toFixed(1)}×)`);
  report('Online Retail as .csv.gz', times.gz, times.csv, 'kam, same ledger as CSV', rss.gz);
  report(`Online Retail ×3 rows as .xlsx (${bytes(xlsx3)}, same clients)`, times.x3, times.xlsx, 'kam, Online Retail .xlsx', rss.x3);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(`kam benchmark — ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; median of ${runs} runs\n`);
console.log('| ledger | kam | peer | peer time | kam / peer | kam peak RSS (median, max) |');
console.log('|---|---:|---|---:|---:|---:|');
for (const r of rows) {
  console.log(`| ${r.name} | ${r.kam.toFixed(2)} s | ${r.peerName} | ${r.peer === undefined ? '–' : `${r.peer.toFixed(2)} s`} | ${r.ratio === undefined ? '–' : `${r.ratio.toFixed(1)}×`} | ${r.rss.toFixed(0)} MB, ${r.rssMax.toFixed(0)} MB |`);
}
for (const r of rows) if (r.note) console.log(`\n${r.name}: ${r.note}`);
