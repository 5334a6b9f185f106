#!/usr/bin/env node
// kam history on a large ledger: 24 monthly snapshots, each the full analysis of its trailing
// window, from one read of the file; against one `kam analyze` (one read, one analysis).
//   node bench/history.mjs [--lines 1e6] [--runs 3]
// The ledger is bench/generate-ledger.mjs's (24 months, 2023-01 … 2024-12), made into bench/out/.
// --from 2023-01-01 takes a snapshot at every month end of the ledger (the first windows shorter
// than --window 12), so there are 24.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench', 'out');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const lines = Number(arg('--lines', '1e6'));
const runs = Number(arg('--runs', '3'));
mkdirSync(out, { recursive: true });
const file = join(out, `ledger-${lines}.csv`);
if (!existsSync(file)) {
  process.stderr.write(`generating ${file}…\n`);
  execFileSync(process.execPath, [join(root, 'bench', 'generate-ledger.mjs'), String(lines), file], { stdio: 'inherit' });
}

function run(command) {
  const rssFile = join(out, 'rss.txt');
  rmSync(rssFile, { force: true });
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', join(root, 'bench', 'rss-probe.mjs'), join(root, 'bin', 'kam.js'), ...command], {
    env: { ...process.env, KAM_BENCH_RSS: rssFile },
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`kam ${command.join(' ')} failed: ${r.stderr}`);
  return { seconds, rssMb: Number(readFileSync(rssFile, 'utf8')) / 1024, stdout: r.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const history = [];
const analyze = [];
let snapshots = 0;
for (let i = 0; i < runs; i++) {
  const h = run(['history', file, '--every', 'month', '--window', '12', '--from', '2023-01-01', '--format', 'csv']);
  snapshots = new Set(h.stdout.split('\n').slice(1).filter(Boolean).map((l) => l.split(',')[1])).size;
  history.push(h);
  analyze.push(run(['analyze', file, '--format', 'csv']));
}
const h = median(history.map((x) => x.seconds));
const a = median(analyze.map((x) => x.seconds));
console.log(`${lines.toLocaleString('en-US')} lines, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.versions.node}, medians of ${runs}:`);
console.log(`  kam history, ${snapshots} monthly snapshots (one read): ${h.toFixed(2)} s, peak RSS ${median(history.map((x) => x.rssMb)).toFixed(0)} MB`);
console.log(`  kam analyze (one read, one analysis):            ${a.toFixed(2)} s, peak RSS ${median(analyze.map((x) => x.rssMb)).toFixed(0)} MB`);
console.log(`  ${snapshots} separate kam analyze runs would take about ${(a * snapshots).toFixed(0)} s`);
