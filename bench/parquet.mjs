#!/usr/bin/env node
// A Parquet ledger through kam against DuckDB's own run of the same aggregation (issue 18's
// target: kam at most 2× DuckDB). In one run, on one file:
//   kam:    `kam analyze FILE.parquet --format csv` (the whole run: DuckDB makes the day ledger
//           inside kam, kam reads it and analyses it), output to /dev/null;
//   DuckDB: a process that loads DuckDB and runs the statement `kam sql --dialect duckdb`
//           prints for the same columns (the day ledger) into a Parquet file (COPY … TO):
//           DuckDB's own aggregation, no row brought into JavaScript.
//   node bench/parquet.mjs [--lines 1e7] [--clients 100000] [--runs 3] [--file F.parquet --document Invoice]
// The ledger is made with DuckDB SQL in /tmp (kam-bench-LINES.parquet; not in the repository):
// 24 months (2023-01 … 2024-12), client, date, amount (some returns), quantity, document.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const lines = Number(arg('--lines', '1e7'));
const clients = Number(arg('--clients', '100000'));
const runs = Number(arg('--runs', '3'));
// --file: a Parquet ledger of your own (e.g. bench/million.mjs's), columns Client, Date, Amount,
// Quantity and --document (default Document).
const file = arg('--file', join(tmpdir(), `kam-bench-${lines}-${clients}.parquet`));
const documentColumn = arg('--document', 'Document');
const kam = join(root, 'bin', 'kam.js');

if (!existsSync(file)) {
  process.stderr.write(`generating ${file}…\n`);
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  // hash() spreads the line number over clients, days and amounts: the same file on every run.
  await connection.run(`COPY (
    SELECT 'Client ' || (hash(i) % ${clients}) AS Client,
           DATE '2023-01-01' + CAST(hash(i, 1) % 731 AS INTEGER) AS Date,
           CAST((CAST(hash(i, 2) % 200000 AS BIGINT) - 10000) / 100 AS DECIMAL(12, 2)) AS Amount,
           CAST(1 + hash(i, 3) % 20 AS INTEGER) AS Quantity,
           'D' || (i // 4) AS Document
    FROM range(${lines}) t(i)
  ) TO '${file}' (FORMAT parquet)`);
}

const sql = execFileSync(process.execPath, [kam, 'sql', '--dialect', 'duckdb', '--from', `read_parquet('${file}')`, '--map', 'client=Client', '--map', 'date=Date', '--map', 'amount=Amount', '--map', 'quantity=Quantity', '--map', `document=${documentColumn}`], {
  encoding: 'utf8',
});
const peer = join(tmpdir(), `kam-bench-peer-${process.pid}.mjs`);
// DuckDB's own aggregation: the statement run into a Parquet file inside DuckDB (engine time; no
// row is materialised in JavaScript), as kam's target is stated against.
const out = join(tmpdir(), `kam-bench-peer-${process.pid}.parquet`);
writeFileSync(
  peer,
  `import { DuckDBInstance } from ${JSON.stringify(join(root, 'node_modules', '@duckdb', 'node-api', 'lib', 'index.js'))};
const connection = await (await DuckDBInstance.create(':memory:')).connect();
const sql = ${JSON.stringify(sql.trim().replace(/;\s*$/, '').replace(/^--.*\n/, ''))};
await connection.run(\`COPY (\${sql}) TO '${out}' (FORMAT parquet)\`);
const counted = await connection.runAndReadAll(\`SELECT count(*) FROM '${out}'\`);
process.stdout.write(String(counted.getRowsJS()[0][0]));
`,
);

function timed(argv, rss) {
  rmSync(rss, { force: true });
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { env: { ...process.env, KAM_BENCH_RSS: rss }, maxBuffer: 1 << 30, encoding: 'utf8' });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} failed: ${r.stderr}`);
  return { seconds, rssMb: Number(readFileSync(rss, 'utf8').split(' ')[0]) / 1024, stdout: r.stdout };
}

const rss = join(tmpdir(), `kam-bench-rss-${process.pid}.txt`);
const probe = ['--import', join(root, 'bench', 'rss-probe.mjs')];
const kamRuns = [];
const duckRuns = [];
let dayRows = 0;
const load = loadavg()[0];
try {
  for (let i = 0; i < runs; i++) {
    kamRuns.push(timed([...probe, kam, 'analyze', file, '--format', 'csv', '--quiet'], rss));
    const d = timed([...probe, peer], rss);
    dayRows = Number(d.stdout);
    duckRuns.push(d);
  }
} finally {
  rmSync(peer, { force: true });
  rmSync(out, { force: true });
  rmSync(rss, { force: true });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const k = median(kamRuns.map((x) => x.seconds));
const d = median(duckRuns.map((x) => x.seconds));
// With --file the ledger is the caller's: its lines and clients are not the generator's arguments.
const what = args.includes('--file') ? file : `${lines.toLocaleString('en-US')} lines as Parquet, ${clients.toLocaleString('en-US')} clients`;
console.log(`${what}, ${dayRows.toLocaleString('en-US')} day-ledger rows (kam caps DuckDB at 1 GB unless --memory; the peer runs uncapped); ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.versions.node}, load average ${load.toFixed(1)} at the start, medians of ${runs}:`);
console.log(`  kam analyze --format csv:              ${k.toFixed(2)} s, peak RSS ${median(kamRuns.map((x) => x.rssMb)).toFixed(0)} MB`);
console.log(`  DuckDB, the same statement COPY … TO:  ${d.toFixed(2)} s, peak RSS ${median(duckRuns.map((x) => x.rssMb)).toFixed(0)} MB`);
console.log(`  kam / DuckDB: ${(k / d).toFixed(2)}×`);
