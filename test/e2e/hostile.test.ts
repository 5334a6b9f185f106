// The hostile-input harness (test/helpers/hostile.ts) over the sample ledger and a slice of
// Online Retail: a sample of ~30 variants in the suite; KAM_HOSTILE=all runs all of them (a few
// hundred: several minutes) and prints the counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SAMPLE_CSV, type KamRun } from '../helpers/kam.js';
import { DATASETS } from '../helpers/datasets.js';
import { runKam } from '../helpers/run.js';
import { runVariant, variantsOf, type Base, type Outcome, type Variant } from '../helpers/hostile.js';

const all = process.env.KAM_HOSTILE === 'all';
const dir = mkdtempSync(join(tmpdir(), 'kam-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function bases(): Base[] {
  const out: Base[] = [{ name: 'sample', text: readFileSync(SAMPLE_CSV, 'utf8'), args: ['--include-partial'] }];
  const retail = join(DATASETS, 'online-retail.csv.gz');
  if (existsSync(retail)) {
    // A slice: the first 20,000 lines that name a customer (rows without one would be warned about in every run).
    const lines = gunzipSync(readFileSync(retail)).toString('utf8').split('\n');
    const header = lines[0]!;
    const customerAt = header.split(',').indexOf('CustomerID');
    const rows = lines.slice(1, 30_000).filter((l) => !l.includes('"') && l.split(',')[customerAt] !== '').slice(0, 20_000);
    out.push({ name: 'retail', text: `${[header, ...rows].join('\n')}\n`, args: ['--include-partial'] });
  }
  return out;
}

/** Every n-th variant and a few of each kind the sample must not miss. */
function sampleOf(variants: Variant[]): Variant[] {
  if (all) return variants;
  const must = /\/(crlf-then-lf-0|mixed-per-line-0|cr|stray-quote-0|stray-quote-eol-0|bad-byte-0|utf8-then-cp1251-0|utf8-then-cp1251-small|twice|twice-dot|far-date-0|far-date-2|huge-0|duplicate-header|mixed-decimal-marks|gz-cut-0|long-line)$/;
  return variants.filter((v, i) => (v.name.startsWith('sample/') && must.test(v.name)) || i % 40 === 0);
}

describe('hostile but real input: no silent wrong number', () => {
  const runs: { base: Base; intact: KamRun; variants: Variant[] }[] = [];
  beforeAll(async () => {
    for (const base of bases()) {
      const file = join(dir, `${base.name}-intact.csv`);
      writeFileSync(file, base.text);
      const intact = await runKam(['analyze', file, '--format', 'csv', ...base.args]);
      runs.push({ base, intact, variants: sampleOf(variantsOf(base)) });
    }
  }, 120_000);

  it(
    'every variant: the intact numbers, a warning, or one line and exit 1/2; nothing slow, nothing left behind, same bytes twice',
    async () => {
      const outcomes: Outcome[] = [];
      for (const { base, intact, variants } of runs) {
        expect(intact.status).toBe(0);
        // Two at a time: the machine has two cores.
        let next = 0;
        const worker = async (w: number): Promise<void> => {
          for (let i = next++; i < variants.length; i = next++) {
            outcomes.push(await runVariant(variants[i]!, base, intact, join(dir, `run-${w}`), { workbook: i % 3 === 0, twice: i % 4 === 0 }));
          }
        };
        await Promise.all([worker(0), worker(1)]);
      }
      const failed = outcomes.filter((o) => !o.ok);
      const counts = {
        variants: outcomes.length,
        passed: outcomes.length - failed.length,
        refused: outcomes.filter((o) => o.status !== 0).length,
        exitZero: outcomes.filter((o) => o.status === 0).length,
        silentlyDifferentLossy: outcomes.filter((o) => o.silentlyDifferent).length,
        slowestMs: Math.max(...outcomes.map((o) => o.ms)),
      };
      if (all) console.log(JSON.stringify(counts), failed.map((f) => `${f.variant}: ${f.why.join('; ')}`).join('\n'));
      expect(failed.map((f) => `${f.variant}: ${f.why.join('; ')}`)).toEqual([]);
    },
    all ? 3_600_000 : 600_000,
  );
});
