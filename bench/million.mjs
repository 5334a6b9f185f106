#!/usr/bin/env node
// Generates the million-client ledger of issue 18 as Parquet (never committed: it is regenerated
// here): ten lines a client by default, documents of three lines, dates over two years
// (2024-01-01 … 2025-12-30), twelve regions, ~2% returns. Columns Date, Invoice, Client, Region,
// Quantity, Amount. The same file on every run (hash() of the line number).
//   node bench/million.mjs [--clients 1000000] [--lines 10×clients] [--out /tmp/kam-big/million.parquet]
// Then: /usr/bin/time -v node bin/kam.js analyze OUT --format csv > /dev/null
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const clients = Number(arg('--clients', '1000000'));
const lines = Number(arg('--lines', String(10 * clients)));
const out = arg('--out', clients === 1e6 && lines === 1e7 ? '/tmp/kam-big/million.parquet' : `/tmp/kam-big/clients-${clients}.parquet`);
if (!Number.isSafeInteger(clients) || clients < 1 || !Number.isSafeInteger(lines) || lines < 1) throw new Error('--clients and --lines are positive whole numbers');
mkdirSync(dirname(out), { recursive: true });
const spill = `${dirname(out)}/spill-${process.pid}`;
const db = await DuckDBInstance.create(':memory:', { threads: '2', memory_limit: '4GB', temp_directory: spill });
const c = await db.connect();
// Documents of 3 lines go to clients in a stride of 7919 (a prime: every client is reached).
await c.run(`COPY (
  SELECT
    DATE '2024-01-01' + CAST(floor(((hash(i*7+1) % 1000000)/1000000.0) * 730) AS INTEGER) AS "Date",
    'D' || CAST(i // 3 AS VARCHAR) AS "Invoice",
    'Client ' || CAST(((i // 3) * 7919) % ${clients} AS VARCHAR) AS "Client",
    'R' || CAST(hash(((i // 3) * 7919) % ${clients}) % 12 AS VARCHAR) AS "Region",
    CAST(1 + hash(i*13) % 20 AS INTEGER) AS "Quantity",
    CASE WHEN hash(i*17) % 50 = 0 THEN -1 ELSE 1 END * CAST((100 + hash(i*31) % 99900) / 100.0 AS DECIMAL(12,2)) AS "Amount"
  FROM range(${lines}) t(i)
) TO '${out.replace(/'/g, "''")}' (FORMAT parquet, ROW_GROUP_SIZE 1000000)`);
const r = await c.runAndReadAll(`SELECT count(*), count(DISTINCT "Client") FROM '${out.replace(/'/g, "''")}'`);
const [count, distinct] = r.getRowsJS()[0];
console.log(`${out}: ${count} lines, ${distinct} clients`);
c.closeSync();
rmSync(spill, { recursive: true, force: true });
