#!/usr/bin/env node
// The kam executable: loads the compiled CLI (npm ci builds it through the prepare script).
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// V8 lets its heap grow to up to four times what survived the last full collection before it
// collects again; with a ledger of hundreds of thousands of clients most of that is garbage held
// on to. Growing by 60% at a time keeps the peak nearer what is alive, for a little more time
// collecting (measured: 300,000 clients from Parquet 1.45 GB instead of 1.95 GB; the 50,000-
// client workbook 414 MB instead of ~455 MB, 7.6 s against 7.3 s; 30% saved more memory but
// cost up to 45% more CPU on a ledger of one-off customers).

setFlagsFromString('--heap-growing-percent=60');

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('kam: not built yet: run `npm ci` (or `npm run build`) in the kam folder\n');
  process.exit(1);
}
const { main } = await import(entry.href);
await main();
