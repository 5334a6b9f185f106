#!/usr/bin/env node
// The customer-value benchmark: kam alive (BG/NBD + Gamma-Gamma, with and without the holdout
// check) and kam analyze (expected revenue per client) on ledgers of 20,000+ clients.
//   node bench/clv.mjs [--runs 5]
// Ledgers, written into bench/out/ (not committed):
//   - the full CDNOW cohort (../shared/datasets/CDNOW_master.txt, 23,570 clients, 69,659 lines),
//     rewritten as CSV (client,date,quantity,amount);
//   - a synthetic ledger of 20,000 clients, 1,000,000 lines (bench/generate-ledger.mjs, fixed seed).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench', 'out');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 5) || 5;
mkdirSync(out, { recursive: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function cdnowMaster() {
  const file = join(out, 'cdnow-master.csv');
  if (existsSync(file)) return file;
  const source = join(root, '..', 'shared', 'datasets', 'CDNOW_master.txt');
  const lines = readFileSync(source, 'utf8').split('\n').slice(1).filter((l) => l.trim() !== '');
  const csv = lines.map((l) => {
    const [id, date, cds, dollars] = l.trim().split(/\s+/);
    return `${id},${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)},${cds},${dollars}`;
  });
  writeFileSync(file, `client,date,quantity,amount\n${csv.join('\n')}\n`);
  return file;
}

function synthetic() {
  const file = join(out, 'ledger-1000000-20000clients.csv');
  if (!existsSync(file)) execFileSync(process.execPath, [join(root, 'bench', 'generate-ledger.mjs'), '1000000', file, '--clients', '20000'], { stdio: 'inherit' });
  return file;
}

/** Wall seconds of one kam run, start to the last byte on standard output. */
function kam(args) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(root, 'bin', 'kam.js'), ...args], { maxBuffer: 1 << 30, encoding: 'buffer' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`kam ${args.join(' ')} failed: ${r.stderr.toString()}`);
  return seconds;
}

const cases = [
  ['CDNOW cohort (23,570 clients): alive', () => ['alive', cdnowMaster(), '--format', 'json']],
  ['CDNOW cohort: alive --holdout 1997-09-30', () => ['alive', cdnowMaster(), '--holdout', '1997-09-30', '--format', 'json']],
  ['CDNOW cohort: analyze (expected revenue per client)', () => ['analyze', cdnowMaster(), '--format', 'csv']],
  ['20,000 clients, 1M lines: alive --holdout 2024-06-30', () => ['alive', synthetic(), '--holdout', '2024-06-30', '--format', 'json']],
  ['20,000 clients, 1M lines: analyze', () => ['analyze', synthetic(), '--format', 'csv']],
];

console.log(`${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, Node ${process.version}, load average ${loadavg()[0].toFixed(1)}; median of ${runs} runs`);
for (const [name, argsOf] of cases) {
  const a = argsOf();
  const times = Array.from({ length: runs }, () => kam(a));
  console.log(`${name}: ${median(times).toFixed(2)} s (min ${Math.min(...times).toFixed(2)}, max ${Math.max(...times).toFixed(2)})`);
}
