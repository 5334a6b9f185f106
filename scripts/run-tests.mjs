#!/usr/bin/env node
// Runs the suite with vitest and ends with one plain line, "N passed, N failed, N skipped",
// that CI systems read without knowing vitest. Exits with vitest's status.
//
// "failed" counts failed tests and, besides them, every test file that failed without a failed
// test of its own: a file that does not import, or whose beforeAll/afterAll hook throws (its tests
// then never run, so vitest counts none of them as failed). A run that vitest ends non-zero with
// nothing else counted (an unhandled error) counts one failure, so the line never says "0 failed"
// of a run that failed.
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

/** The closing line's counts from vitest's JSON report. */
function tally(r, status) {
  const files = r.testResults ?? [];
  const brokenFiles = files.filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'));
  let failed = r.numFailedTests + brokenFiles.length;
  if (failed === 0 && status !== 0) failed = 1;
  return { passed: r.numPassedTests, failed, skipped: r.numPendingTests + r.numTodoTests, brokenFiles: brokenFiles.map((f) => f.name) };
}

let status = run.status ?? 1;
try {
  const counts = tally(JSON.parse(readFileSync(report, 'utf8')), status);
  for (const name of counts.brokenFiles) console.log(`failed file (no test ran, or a hook threw): ${name}`);
  console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  if (counts.failed > 0 && status === 0) status = 1;
} catch {
  console.log('\n0 passed, 1 failed (the test run did not finish)');
  if (status === 0) status = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(status);
