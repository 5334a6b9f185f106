// Golden files: every command's --format json on the fixtures, kept in test/golden/*.json, so a
// change in any output shows up as a diff in review. After a change that is meant, rewrite them
// with KAM_UPDATE_GOLDEN=1 npx vitest run test/golden and read the diff before committing.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SAMPLE_CSV, SAMPLE_XLSX } from '../helpers/kam.js';
import { runKam } from '../helpers/run.js';

const CLIENTS = fileURLToPath(new URL('../../fixtures/sample-clients.csv', import.meta.url));
const UPDATE = process.env.KAM_UPDATE_GOLDEN === '1';

/** name → kam arguments; the golden file is test/golden/<name>.json. */
const RUNS: Record<string, string[]> = {
  'analyze-csv': ['analyze', SAMPLE_CSV, '--clients', CLIENTS, '--from', '2025-11-01', '--compare', '2025-01-01..2025-10-31', '--format', 'json'],
  'analyze-xlsx': ['analyze', SAMPLE_XLSX, '--clients', CLIENTS, '--from', '2025-11-01', '--compare', '2025-01-01..2025-10-31', '--format', 'json'],
  'lost-direction': ['lost', SAMPLE_CSV, '--direction', 'Region', '--format', 'json'],
  alive: ['alive', SAMPLE_CSV, '--format', 'json'],
  client: ['client', SAMPLE_CSV, 'ТОО «Алматы Строй Сервис»', '--format', 'json'],
  config: ['config', '--format', 'json'],
  'bridge-direction': ['bridge', SAMPLE_CSV, '--direction', 'Manager', '--period', 'quarter', '--format', 'json'],
  'portfolio-region': ['portfolio', SAMPLE_CSV, '--by', 'Region', '--format', 'json'],
  'history-quarter': ['history', SAMPLE_CSV, '--every', 'quarter', '--window', '6', '--format', 'json'],
  'analyze-direction': ['analyze', SAMPLE_CSV, '--direction', 'Manager', '--format', 'json'],
};

describe('--format json of every command on the fixtures matches its golden file', () => {
  it.each(Object.keys(RUNS))('%s', async (name) => {
    const r = await runKam(RUNS[name]!);
    expect(r.stderr === '' || r.status === 0, r.stderr).toBe(true);
    expect(r.status).toBe(0);
    // Paths differ between clones: the golden files hold them relative to the repository.
    const text = r.stdout.replaceAll(fileURLToPath(new URL('../../', import.meta.url)), '');
    JSON.parse(text);
    const file = fileURLToPath(new URL(`./${name}.json`, import.meta.url));
    if (UPDATE || !existsSync(file)) {
      if (!UPDATE) throw new Error(`no golden file ${file}: run with KAM_UPDATE_GOLDEN=1 to write it`);
      writeFileSync(file, text);
      return;
    }
    expect(text).toBe(readFileSync(file, 'utf8'));
  });
});
