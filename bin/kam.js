#!/usr/bin/env node
// The kam executable: loads the compiled CLI (npm ci builds it through the prepare script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('kam: not built yet: run `npm ci` (or `npm run build`) in the kam folder\n');
  process.exit(1);
}
const { main } = await import(entry.href);
await main();
