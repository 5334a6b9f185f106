// SPEC §6, spend per purchase: the Gamma-Gamma model against the published CDNOW estimates, an
// independent implementation of the conditional expected spend, and numerical safety.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  conditionalExpectedSpend,
  fitGammaGamma,
  gammaGammaLogLikelihood,
  populationMeanSpend,
  type GammaGammaCustomer,
  type GammaGammaParams,
} from '../../src/core/gamma-gamma.js';
import { logGamma } from '../../src/core/bgnbd.js';
import { cdnowDay, NO_CDNOW, readCdnowLines } from '../helpers/cdnow.js';
import { referenceExpectedSpend } from '../helpers/clv-reference.js';

const CALIBRATION_END = cdnowDay('19970930');

/**
 * The CDNOW calibration customers with at least one repeat purchase day, built here from the raw
 * lines without kam's ledger: dollars summed per client and day, the first day left out, the mean
 * of the rest.
 */
function cdnowRepeatCustomers(): Map<string, GammaGammaCustomer> {
  const perDay = new Map<string, Map<number, number>>();
  for (const l of readCdnowLines()) {
    if (l.day > CALIBRATION_END) continue;
    let days = perDay.get(l.client);
    if (!days) perDay.set(l.client, (days = new Map()));
    days.set(l.day, (days.get(l.day) ?? 0) + l.dollars);
  }
  const out = new Map<string, GammaGammaCustomer>();
  for (const [client, days] of perDay) {
    const ordered = [...days].sort((p, q) => p[0] - q[0]).map(([, v]) => v);
    if (ordered.length < 2) continue;
    const repeat = ordered.slice(1);
    out.set(client, { frequency: repeat.length, monetary: repeat.reduce((s, v) => s + v, 0) / repeat.length });
  }
  return out;
}

/** Central differences of f at x. */
function numericalGradient(f: (x: readonly number[]) => number, x: readonly number[], step: number): number[] {
  return x.map((_, i) => {
    const up = [...x];
    const down = [...x];
    up[i]! += step;
    down[i]! -= step;
    return (f(up) - f(down)) / (2 * step);
  });
}

const PUBLISHED: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };

function withinPercent(actual: number, expected: number, percent: number): void {
  expect(Math.abs(actual / expected - 1) * 100).toBeLessThanOrEqual(percent);
}

describe.skipIf(NO_CDNOW)('Gamma-Gamma on the CDNOW sample calibration period', () => {
  const customers = NO_CDNOW ? [] : [...cdnowRepeatCustomers().values()];
  const fit = NO_CDNOW ? (undefined as unknown as ReturnType<typeof fitGammaGamma>) : fitGammaGamma(customers);

  it('finds the published estimates p ≈ 6.25, q ≈ 3.74, γ ≈ 15.44 from 946 customers', () => {
    expect(customers).toHaveLength(946);
    expect(fit.customers).toBe(946);
    expect(fit.converged).toBe(true);
    withinPercent(fit.params.p, PUBLISHED.p, 1);
    withinPercent(fit.params.q, PUBLISHED.q, 1);
    withinPercent(fit.params.gamma, PUBLISHED.gamma, 1);
  });

  it('stops at a maximum: the likelihood gradient vanishes and every nearby point is lower', () => {
    const ll = (theta: readonly number[]) =>
      gammaGammaLogLikelihood({ p: Math.exp(theta[0]!), q: Math.exp(theta[1]!), gamma: Math.exp(theta[2]!) }, customers);
    const at = [Math.log(fit.params.p), Math.log(fit.params.q), Math.log(fit.params.gamma)];
    for (const g of numericalGradient(ll, at, 1e-5)) expect(Math.abs(g)).toBeLessThan(1e-3);
    for (let i = 0; i < 3; i++) {
      for (const step of [-0.01, 0.01]) {
        const moved = [...at];
        moved[i]! += step;
        expect(ll(moved)).toBeLessThan(fit.logLikelihood);
      }
    }
  });

  it('has the log-likelihood of the textbook density (FHL 2005 eq. 3) written term by term', () => {
    const { p, q, gamma } = fit.params;
    let direct = 0;
    for (const { frequency: x, monetary: m } of customers) {
      direct +=
        logGamma(p * x + q) - logGamma(p * x) - logGamma(q) + q * Math.log(gamma) + (p * x - 1) * Math.log(m) + p * x * Math.log(x) - (p * x + q) * Math.log(gamma + m * x);
    }
    expect(fit.logLikelihood).toBeCloseTo(direct, 6);
  });

  it('gives every customer the conditional expected spend that integrating over its latent mean gives', () => {
    for (const c of customers) {
      const ours = conditionalExpectedSpend(fit.params, c)!;
      expect(Math.abs(ours / referenceExpectedSpend(fit.params, c.frequency, c.monetary) - 1)).toBeLessThan(1e-7);
    }
  });

  it('gives the population mean pγ/(q−1) to a customer without a repeat purchase', () => {
    const mean = populationMeanSpend(fit.params)!;
    expect(mean).toBeCloseTo((fit.params.p * fit.params.gamma) / (fit.params.q - 1), 10);
    expect(conditionalExpectedSpend(fit.params, { frequency: 0, monetary: Number.NaN })).toBe(mean);
  });

  it('is deterministic: the same customers in another order give the same bits', () => {
    const reversed = fitGammaGamma([...customers].reverse());
    expect(reversed.params).toEqual(fit.params);
    expect(reversed.logLikelihood).toBe(fit.logLikelihood);
  });

  it('does not depend on the money unit: cents instead of dollars scale γ by 100 and nothing else', () => {
    const cents = fitGammaGamma(customers.map((c) => ({ frequency: c.frequency, monetary: c.monetary * 100 })));
    withinPercent(cents.params.p, fit.params.p, 0.01);
    withinPercent(cents.params.q, fit.params.q, 0.01);
    withinPercent(cents.params.gamma, fit.params.gamma * 100, 0.01);
    expect(cents.logLikelihood).toBeCloseTo(fit.logLikelihood - customers.length * Math.log(100), 4);
  });
});

describe('numerical safety', () => {
  const params = fc.record({
    p: fc.double({ min: 0.05, max: 50, noNaN: true }),
    q: fc.double({ min: 1.05, max: 50, noNaN: true }),
    gamma: fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
  });

  it('keeps the expected spend finite and between the client’s mean and the population mean, at hundreds of purchases and any size of sale', () => {
    fc.assert(
      fc.property(params, fc.integer({ min: 1, max: 5000 }), fc.double({ min: 1e-6, max: 1e9, noNaN: true }), (pr, x, m) => {
        const e = conditionalExpectedSpend(pr, { frequency: x, monetary: m })!;
        const mean = populationMeanSpend(pr)!;
        expect(Number.isFinite(e)).toBe(true);
        expect(e).toBeGreaterThanOrEqual(Math.min(m, mean) * (1 - 1e-12));
        expect(e).toBeLessThanOrEqual(Math.max(m, mean) * (1 + 1e-12));
      }),
    );
  });

  it('keeps the log-likelihood finite at hundreds of purchases and extreme amounts', () => {
    fc.assert(
      fc.property(params, fc.integer({ min: 1, max: 5000 }), fc.double({ min: 1e-6, max: 1e9, noNaN: true }), (pr, x, m) => {
        expect(Number.isFinite(gammaGammaLogLikelihood(pr, [{ frequency: x, monetary: m }]))).toBe(true);
      }),
    );
  });

  it('fits any population of positive means without throwing, to finite parameters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ frequency: fc.integer({ min: 1, max: 400 }), monetary: fc.double({ min: 0.01, max: 1e7, noNaN: true }) }), { minLength: 2, maxLength: 60 }),
        (cs) => {
          const f = fitGammaGamma(cs);
          for (const v of Object.values(f.params)) expect(Number.isFinite(v) && v > 0).toBe(true);
          expect(Number.isFinite(f.logLikelihood)).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('says it did not converge when every client spends exactly alike (no heterogeneity to fit)', () => {
    const same = Array.from({ length: 50 }, (_, i) => ({ frequency: 1 + (i % 5), monetary: 20 }));
    expect(fitGammaGamma(same).converged).toBe(false);
  });

  it('refuses what the model cannot judge: no repeat purchase, a mean of zero or less, bad parameters', () => {
    expect(() => fitGammaGamma([])).toThrow(RangeError);
    expect(() => fitGammaGamma([{ frequency: 0, monetary: 10 }])).toThrow(RangeError);
    expect(() => fitGammaGamma([{ frequency: 2, monetary: 0 }])).toThrow(RangeError);
    expect(() => fitGammaGamma([{ frequency: 2, monetary: -5 }])).toThrow(RangeError);
    expect(() => conditionalExpectedSpend(PUBLISHED, { frequency: 2, monetary: -5 })).toThrow(RangeError);
    expect(() => gammaGammaLogLikelihood({ p: 0, q: 1, gamma: 1 }, [])).toThrow(RangeError);
    expect(populationMeanSpend({ p: 1, q: 0.9, gamma: 1 })).toBeNull();
    expect(conditionalExpectedSpend({ p: 1, q: 0.9, gamma: 1 }, { frequency: 0, monetary: 1 })).toBeNull();
  });
});
