// SPEC §4: the analysis keeps no per-period series; XYZ is judged on metricSeriesOf's, and the
// report's table of every client's series (the workbook's columns) gives the same numbers.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { metricSeriesOf } from '../../src/core/analyze.js';
import { assembleReport } from '../../src/core/report.js';
import { classifyXyz } from '../../src/core/xyz.js';
import { iso, ledgerOf, settingsOf, type TestLine } from '../helpers/ledger.js';

const FIRST = 19723; // 2024-01-01

const lineArb: fc.Arbitrary<TestLine> = fc.record({
  client: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
  date: fc.integer({ min: 0, max: 400 }).map((d) => iso(FIRST + d)),
  amount: fc.integer({ min: -5_000, max: 100_000 }).map((cents) => cents / 100),
  quantity: fc.integer({ min: 0, max: 9 }),
});

describe('the per-period series', () => {
  it('the XYZ class and CV are those of metricSeriesOf from seriesStart on, and report.series holds the same numbers (bit for bit)', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 120 }), fc.constantFrom('revenue', 'quantity') as fc.Arbitrary<'revenue' | 'quantity'>, fc.constantFrom('month', 'week') as fc.Arbitrary<'month' | 'week'>, (lines, by, period) => {
        const ledger = ledgerOf(lines);
        const settings = settingsOf({ by, period, includePartial: true, minPeriods: 2 });
        const report = assembleReport({ ledger, settings });
        const { clients, window } = report.analysis;
        expect(report.series.periods).toBe(window.periods);
        clients.forEach((c, i) => {
          const series = metricSeriesOf(ledger.clients.get(c.client)!, window, by);
          expect(series).toHaveLength(window.periods);
          for (let p = 0; p < window.periods; p++) expect(Object.is(report.series.at(i, p), series[p])).toBe(true);
          const xyz = classifyXyz(series.slice(c.seriesStart), { cutoffs: settings.xyzCutoffs, sd: settings.sd, minPeriods: settings.minPeriods });
          expect(c.xyz).toBe(xyz.xyzClass);
          expect(Object.is(c.cv, xyz.cv)).toBe(true);
          expect(series.reduce((s, x) => s + x, 0)).toBeCloseTo(c.total, 6);
        });
      }),
      { numRuns: 150 },
    );
  });
});
