#!/usr/bin/env node
// The DuckDB peer, as a process of its own (so its start-up counts, as kam's does): a group-by
// per client and month over a bench ledger. Prints the query's own seconds on standard output.
//   node bench/duckdb-groupby.mjs FILE.csv
import { DuckDBInstance } from '@duckdb/node-api';

const file = process.argv[2];
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const started = process.hrtime.bigint();
await connection.runAndReadAll(`select Client, date_trunc('month', Date) as month, sum(Amount) as total from read_csv('${file.replaceAll("'", "''")}') group by all`);
process.stdout.write(`${Number(process.hrtime.bigint() - started) / 1e9}\n`);
connection.closeSync?.();
