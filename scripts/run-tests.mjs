#!/usr/bin/env node
// Runs the suite with vitest and ends with one plain line, "N passed, N failed, N skipped",
// that CI systems read without knowing vitest. Exits with vitest's status.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'kam-tests-'));
const report = join(dir, 'results.json');
const vitest = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'node_modules', 'vitest', 'vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
});
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);
} catch {
  console.log('\n0 passed, 1 failed (the test run did not finish)');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(run.status ?? 1);
