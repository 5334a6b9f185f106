import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { datasetPath, skipWithout } from '../helpers/datasets.js';
import { mulberry32 } from '../helpers/seeded.js';
import {
  bgNbdLogLikelihood,
  digamma,
  expectedPurchases,
  fitBgNbd,
  logGamma,
  probabilityAlive,
  toBgNbdCustomer,
  type BgNbdCustomer,
  type BgNbdParams,
} from '../../src/core/bgnbd.js';

// ---------------------------------------------------------------------------
// Data

const NO_CDNOW = skipWithout('cdnow_customers_summary.csv', 'CDNOW_sample.txt');

/** cdnow_customers_summary.csv: ID,frequency,recency,T (weeks). */
function readSummary(): Map<number, BgNbdCustomer> {
  const lines = readFileSync(datasetPath('cdnow_customers_summary.csv'), 'utf8').trim().split('\n');
  const out = new Map<number, BgNbdCustomer>();
  for (const line of lines.slice(1)) {
    const [id, f, r, t] = line.split(',').map(Number);
    out.set(id as number, { frequency: f as number, recency: r as number, age: t as number });
  }
  return out;
}

/** yyyymmdd → days since 1970-01-01. */
function dayNumber(yyyymmdd: string): number {
  return Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8))) / 86_400_000;
}

/** CDNOW_sample.txt → sample id → sorted distinct purchase days up to asOf (customers with none dropped). */
function readRawDays(asOf: number): Map<number, number[]> {
  const lines = readFileSync(datasetPath('CDNOW_sample.txt'), 'utf8').trim().split('\n');
  const days = new Map<number, Set<number>>();
  for (const line of lines) {
    const [, sampleId, date] = line.trim().split(/\s+/);
    const day = dayNumber(date as string);
    if (day > asOf) continue;
    const id = Number(sampleId);
    let set = days.get(id);
    if (!set) days.set(id, (set = new Set()));
    set.add(day);
  }
  return new Map([...days].map(([id, set]) => [id, [...set].sort((p, q) => p - q)]));
}

const summary = NO_CDNOW ? new Map<number, BgNbdCustomer>() : readSummary();
const summaryCustomers = [...summary.values()];
const AS_OF = dayNumber('19970930');

const PUBLISHED: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const PUBLISHED_LL = -9582.4;

function expectWithinPercent(actual: number, expected: number, percent: number): void {
  expect(Math.abs(actual / expected - 1) * 100).toBeLessThanOrEqual(percent);
}

function expectPublished(fit: ReturnType<typeof fitBgNbd>): void {
  expect(fit.converged).toBe(true);
  expectWithinPercent(fit.params.r, PUBLISHED.r, 1);
  expectWithinPercent(fit.params.alpha, PUBLISHED.alpha, 1);
  expectWithinPercent(fit.params.a, PUBLISHED.a, 1);
  expectWithinPercent(fit.params.b, PUBLISHED.b, 1);
  expect(Math.abs(fit.logLikelihood - PUBLISHED_LL)).toBeLessThanOrEqual(0.5);
}

// ---------------------------------------------------------------------------
// Independent slow formulas (plain arithmetic, no log-Gamma, straight from the paper)

/** The two likelihood terms of FHL 2005 eq. 6, Γ and B ratios written out as products. */
function likelihoodTermsDirect(p: BgNbdParams, c: BgNbdCustomer): { alive: number; dead: number } {
  const { r, alpha, a, b } = p;
  const { frequency: x, recency: tx, age: T } = c;
  let gammaRatio = 1; // Γ(r+x)/Γ(r)
  let beta1 = 1; // B(a, b+x)/B(a, b)
  for (let k = 0; k < x; k++) {
    gammaRatio *= r + k;
    beta1 *= (b + k) / (a + b + k);
  }
  // B(a+1, b+x−1)/B(a, b) = a · Π_{k<x−1}(b+k) / Π_{k<x}(a+b+k)
  let beta2 = a;
  for (let k = 0; k < x - 1; k++) beta2 *= b + k;
  for (let k = 0; k < x; k++) beta2 /= a + b + k;
  const common = gammaRatio * alpha ** r;
  return {
    alive: common * beta1 / (alpha + T) ** (r + x),
    dead: x > 0 ? (common * beta2) / (alpha + tx) ** (r + x) : 0,
  };
}

/** 2F1 by its defining series, no transformation: fine for z ≤ ~0.6 and moderate parameters. */
function hyp2f1Naive(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 100_000; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z;
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return sum;
}

/** FHL 2005 eq. 10 exactly as printed. */
function expectedPurchasesEq10(p: BgNbdParams, c: BgNbdCustomer, t: number): number {
  const { r, alpha, a, b } = p;
  const { frequency: x, recency: tx, age: T } = c;
  const f = hyp2f1Naive(r + x, b + x, a + b + x - 1, t / (alpha + T + t));
  const numer = ((a + b + x - 1) / (a - 1)) * (1 - ((alpha + T) / (alpha + T + t)) ** (r + x) * f);
  const denom = 1 + (x > 0 ? (a / (b + x - 1)) * ((alpha + T) / (alpha + tx)) ** (r + x) : 0);
  return numer / denom;
}

/**
 * The same expectation from the model itself rather than from eq. 10: given alive at T,
 * λ | data ~ Gamma(r+x, α+T) and p | data ~ Beta(a, b+x), and E[Y(t) | λ, p] = (1 − e^{−λpt})/p,
 * so E[Y(t) | alive] = E_p[(1 − (1 + p·t/(α+T))^{−(r+x)})/p]. Integrated over p by the
 * trapezoid rule in logit(p), where the integrand is smooth and decays exponentially both ways.
 */
function expectedPurchasesQuadrature(p: BgNbdParams, c: BgNbdCustomer, t: number): number {
  const { r, alpha, a, b } = p;
  const { frequency: x, age: T } = c;
  const A = r + x;
  const B = b + x;
  const tau = t / (alpha + T);
  const lnBeta = logGamma(a) + logGamma(B) - logGamma(a + B);
  const centre = Math.log(a / B);
  const lo = centre - 60 / a - 10;
  const hi = centre + 60 / B + 10;
  const h = 0.002;
  let s = 0;
  for (let v = lo; v <= hi; v += h) {
    const lnP = -Math.log1p(Math.exp(-v));
    const lnQ = -Math.log1p(Math.exp(v));
    const prob = Math.exp(lnP);
    const g = -Math.expm1(-A * Math.log1p(prob * tau)) / prob;
    s += Math.exp(a * lnP + B * lnQ - lnBeta) * g;
  }
  // P(alive) by the closed form in plain arithmetic (fine up to a few hundred purchases).
  const odds = x > 0 ? (a / (b + x - 1)) * ((alpha + T) / (alpha + c.recency)) ** (r + x) : 0;
  return (s * h) / (1 + odds);
}

// ---------------------------------------------------------------------------
// Synthetic customers from the BG/NBD process itself (seeded, so the test is fixed)

function simulate(n: number, p: BgNbdParams, seed: number): BgNbdCustomer[] {
  const rnd = mulberry32(seed);
  const uniform = (): number => {
    let u = rnd();
    while (u === 0) u = rnd();
    return u;
  };
  const normal = (): number => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * rnd());
  // Marsaglia–Tsang, with the U^(1/k) boost for shape < 1.
  const gamma = (k: number): number => {
    if (k < 1) return gamma(k + 1) * uniform() ** (1 / k);
    const d = k - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let z: number;
      let v: number;
      do {
        z = normal();
        v = 1 + c * z;
      } while (v <= 0);
      v = v * v * v;
      if (Math.log(uniform()) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v;
    }
  };
  const out: BgNbdCustomer[] = [];
  for (let i = 0; i < n; i++) {
    const lambda = gamma(p.r) / p.alpha;
    const g1 = gamma(p.a);
    const dropout = g1 / (g1 + gamma(p.b));
    const age = 1 + 77 * uniform();
    let time = 0;
    let x = 0;
    let tx = 0;
    for (;;) {
      time += -Math.log(uniform()) / lambda;
      if (time > age) break;
      x++;
      tx = time;
      if (uniform() < dropout) break; // dies after a repeat purchase with probability p
    }
    out.push({ frequency: x, recency: tx, age });
  }
  return out;
}

// ---------------------------------------------------------------------------

describe('special functions', () => {
  it('logGamma matches known values, tiny and large arguments included', () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(2)).toBeCloseTo(0, 14);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    // Γ(x) ≈ 1/x − γ for tiny x
    expect(logGamma(1e-10)).toBeCloseTo(-Math.log(1e-10) - 0.5772156649015329e-10, 12);
    let ln199 = 0;
    for (let k = 2; k < 200; k++) ln199 += Math.log(k);
    expect(logGamma(200) / ln199).toBeCloseTo(1, 13);
  });

  it('digamma matches known values and the recurrence ψ(x+1) = ψ(x) + 1/x', () => {
    const eulerGamma = 0.5772156649015329;
    expect(digamma(1)).toBeCloseTo(-eulerGamma, 13);
    expect(digamma(0.5)).toBeCloseTo(-eulerGamma - 2 * Math.LN2, 13);
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (x) => {
        expect(digamma(x + 1) - digamma(x)).toBeCloseTo(1 / x, 9);
      }),
    );
  });
});

describe.skipIf(NO_CDNOW)('bgNbdLogLikelihood', () => {
  it('gives the published −9582.4 on the CDNOW summary at the published estimates', () => {
    expect(bgNbdLogLikelihood(PUBLISHED, summaryCustomers)).toBeCloseTo(PUBLISHED_LL, 1);
  });

  it('equals the sum of the paper\'s per-customer likelihood computed directly', () => {
    let direct = 0;
    for (const c of summaryCustomers) {
      const { alive, dead } = likelihoodTermsDirect(PUBLISHED, c);
      direct += Math.log(alive + dead);
    }
    expect(bgNbdLogLikelihood(PUBLISHED, summaryCustomers)).toBeCloseTo(direct, 8);
  });

  it('does not depend on order and adds up over copies (grouping of identical triples is exact)', () => {
    const ll = bgNbdLogLikelihood(PUBLISHED, summaryCustomers);
    expect(bgNbdLogLikelihood(PUBLISHED, [...summaryCustomers].reverse())).toBeCloseTo(ll, 8);
    expect(bgNbdLogLikelihood(PUBLISHED, [...summaryCustomers, ...summaryCustomers])).toBeCloseTo(2 * ll, 7);
  });

  it('stays finite for hundreds of purchases, where the direct formula overflows', () => {
    const heavy = { frequency: 600, recency: 50, age: 52 };
    const { alive } = likelihoodTermsDirect(PUBLISHED, heavy);
    expect(Number.isFinite(alive)).toBe(false); // the naive route really does overflow here
    const ll = bgNbdLogLikelihood(PUBLISHED, [heavy]);
    expect(Number.isFinite(ll)).toBe(true);
  });

  it('rejects impossible input', () => {
    expect(() => bgNbdLogLikelihood({ ...PUBLISHED, a: 0 }, summaryCustomers)).toThrow(RangeError);
    expect(() => bgNbdLogLikelihood(PUBLISHED, [{ frequency: 1, recency: 5, age: 4 }])).toThrow(RangeError);
    expect(() => bgNbdLogLikelihood(PUBLISHED, [{ frequency: 1.5, recency: 1, age: 4 }])).toThrow(RangeError);
    expect(() => bgNbdLogLikelihood(PUBLISHED, [{ frequency: 0, recency: 1, age: 4 }])).toThrow(RangeError);
  });
});

describe.skipIf(NO_CDNOW)('fitBgNbd on CDNOW (Fader, Hardie & Lee 2005)', () => {
  it('reproduces the published estimates from cdnow_customers_summary.csv', () => {
    const fit = fitBgNbd(summaryCustomers);
    expect(fit.customers).toBe(2357);
    expectPublished(fit);
  });

  it('reproduces them from the raw CDNOW_sample.txt through toBgNbdCustomer', () => {
    const raw = readRawDays(AS_OF);
    const customers: BgNbdCustomer[] = [];
    for (const [id, days] of raw) {
      const c = toBgNbdCustomer(days, AS_OF);
      customers.push(c);
      // Every triple matches the published summary to its two decimals.
      const published = summary.get(id);
      expect(published, `customer ${id}`).toBeDefined();
      expect(c.frequency).toBe(published?.frequency);
      expect(Math.abs(c.recency - (published?.recency ?? Number.NaN))).toBeLessThanOrEqual(0.005 + 1e-9);
      expect(Math.abs(c.age - (published?.age ?? Number.NaN))).toBeLessThanOrEqual(0.005 + 1e-9);
    }
    expect(customers.length).toBe(summary.size);
    expectPublished(fitBgNbd(customers));
  });

  it('is deterministic and independent of input order', () => {
    const first = fitBgNbd(summaryCustomers);
    const second = fitBgNbd(summaryCustomers);
    expect(second).toEqual(first);
    expect(fitBgNbd([...summaryCustomers].reverse()).params).toEqual(first.params);
  });
});

describe('fitBgNbd at scale and on degenerate data', () => {
  it('fits 20,000 simulated customers and recovers the parameters they were drawn from', () => {
    const truth: BgNbdParams = { r: 0.5, alpha: 5, a: 0.8, b: 2.5 };
    const customers = simulate(20_000, truth, 3);
    const fit = fitBgNbd(customers);
    expect(fit.customers).toBe(20_000);
    expect(fit.converged).toBe(true);
    expectWithinPercent(fit.params.r, truth.r, 10);
    expectWithinPercent(fit.params.alpha, truth.alpha, 10);
    expectWithinPercent(fit.params.a, truth.a, 10);
    expectWithinPercent(fit.params.b, truth.b, 10);
  });

  it('says it did not converge when nobody bought twice, and does not produce NaN', () => {
    const fit = fitBgNbd([
      { frequency: 0, recency: 0, age: 10 },
      { frequency: 0, recency: 0, age: 30 },
    ]);
    expect(fit.converged).toBe(false);
    for (const v of Object.values(fit.params)) expect(Number.isFinite(v) && v > 0).toBe(true);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
  });

  it('refuses an empty customer list', () => {
    expect(() => fitBgNbd([])).toThrow(RangeError);
  });
});

describe.skipIf(NO_CDNOW)('probabilityAlive', () => {
  const fitted = NO_CDNOW ? PUBLISHED : fitBgNbd(summaryCustomers).params;

  it('is 1 for a customer who never bought again, however long ago', () => {
    for (const age of [0, 1, 38.86, 500]) {
      expect(probabilityAlive(fitted, { frequency: 0, recency: 0, age })).toBe(1);
    }
  });

  it('falls as the last purchase recedes, frequency and age fixed', () => {
    let previous = Number.POSITIVE_INFINITY;
    for (let recency = 40; recency >= 0; recency -= 2.5) {
      const p = probabilityAlive(fitted, { frequency: 3, recency, age: 40 });
      expect(p).toBeLessThan(previous);
      previous = p;
    }
  });

  it('lies in [0, 1] for any parameters and customer', () => {
    const positive = fc.double({ min: 1e-3, max: 1e3, noNaN: true });
    fc.assert(
      fc.property(
        positive,
        positive,
        positive,
        positive,
        fc.integer({ min: 0, max: 1000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        (r, alpha, a, b, x, share, age) => {
          const c = { frequency: x, recency: x === 0 ? 0 : share * age, age };
          const p = probabilityAlive({ r, alpha, a, b }, c);
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('matches Bayes\' rule on the two likelihood terms for CDNOW customers', () => {
    for (const id of [1, 2, 5, 18, 100, 1000, 2000]) {
      const c = summary.get(id) as BgNbdCustomer;
      const { alive, dead } = likelihoodTermsDirect(fitted, c);
      expect(probabilityAlive(fitted, c)).toBeCloseTo(alive / (alive + dead), 12);
    }
  });

  it('handles 300 purchases without NaN (dead and alive cases)', () => {
    const dead = probabilityAlive(fitted, { frequency: 300, recency: 10, age: 100 });
    const alive = probabilityAlive(fitted, { frequency: 300, recency: 99.9, age: 100 });
    expect(dead).toBeGreaterThanOrEqual(0);
    expect(dead).toBeLessThan(1e-100);
    expect(alive).toBeGreaterThan(0.9);
    expect(alive).toBeLessThanOrEqual(1);
  });
});

describe.skipIf(NO_CDNOW)('expectedPurchases (FHL 2005 eq. 10)', () => {
  const fitted = NO_CDNOW ? PUBLISHED : fitBgNbd(summaryCustomers).params;
  const customer1 = { frequency: 2, recency: 30.43, age: 38.86 };

  it('gives ≈ 1.226 over 39 weeks for x = 2, t_x = 30.43, T = 38.86 at the published estimates', () => {
    const e = expectedPurchases(PUBLISHED, customer1, 39);
    expect(e).toBeCloseTo(1.226, 3);
    expect(e).toBeCloseTo(expectedPurchasesEq10(PUBLISHED, customer1, 39), 12);
    expect(e).toBeCloseTo(expectedPurchasesQuadrature(PUBLISHED, customer1, 39), 8);
  });

  it('matches eq. 10 as printed for CDNOW customers at the fitted estimates', () => {
    for (const id of [1, 2, 3, 5, 18, 100, 1000, 2000, 2357]) {
      const c = summary.get(id) as BgNbdCustomer;
      for (const t of [1, 13, 39, 78]) {
        const printed = expectedPurchasesEq10(fitted, c, t);
        expect(expectedPurchases(fitted, c, t) / printed).toBeCloseTo(1, 10);
      }
    }
  });

  it('matches the model by quadrature where eq. 10 as printed breaks down', () => {
    const cases: [string, BgNbdParams, BgNbdCustomer, number][] = [
      ['a = 1 (0/0 in eq. 10)', { r: 0.5, alpha: 3, a: 1, b: 2 }, { frequency: 4, recency: 10, age: 20 }, 26],
      ['a + b = 1, x = 0 (2F1 pole)', { r: 0.3, alpha: 2, a: 0.4, b: 0.6 }, { frequency: 0, recency: 0, age: 10 }, 52],
      ['a + b < 1, x = 0', { r: 0.3, alpha: 2, a: 0.3, b: 0.4 }, { frequency: 0, recency: 0, age: 10 }, 52],
      ['300 purchases', PUBLISHED, { frequency: 300, recency: 99, age: 100 }, 52],
      ['z = t/(α+T+t) near 1', { r: 0.24, alpha: 0.5, a: 0.79, b: 2.4 }, { frequency: 0, recency: 0, age: 0 }, 5000],
      ['large a', { r: 2, alpha: 10, a: 20, b: 5 }, { frequency: 5, recency: 20, age: 30 }, 100],
      // Series terms reach e^1372 before (1 − z)^(a−1) ≈ e^-1377 scales them back.
      ['series beyond double range', { r: 0.5, alpha: 1, a: 300, b: 1 }, { frequency: 0, recency: 0, age: 0 }, 100],
    ];
    for (const [label, p, c, t] of cases) {
      const e = expectedPurchases(p, c, t);
      expect(Number.isFinite(e), label).toBe(true);
      expect(e / expectedPurchasesQuadrature(p, c, t), label).toBeCloseTo(1, 7);
    }
  });

  it('is 0 at horizon 0 and grows with the horizon', () => {
    expect(expectedPurchases(fitted, customer1, 0)).toBe(0);
    let previous = 0;
    for (const t of [1, 5, 10, 39, 100, 520]) {
      const e = expectedPurchases(fitted, customer1, t);
      expect(e).toBeGreaterThan(previous);
      previous = e;
    }
  });

  it('rejects a negative horizon', () => {
    expect(() => expectedPurchases(fitted, customer1, -1)).toThrow(RangeError);
  });
});

describe('toBgNbdCustomer', () => {
  it('counts repeat days and measures weeks to the as-of day itself', () => {
    const jan1 = dayNumber('19970101');
    expect(toBgNbdCustomer([jan1], AS_OF)).toEqual({ frequency: 0, recency: 0, age: 272 / 7 });
    const c = toBgNbdCustomer([jan1, jan1 + 17, jan1 + 213], AS_OF);
    expect(c).toEqual({ frequency: 2, recency: 213 / 7, age: 272 / 7 });
    expect(toBgNbdCustomer([AS_OF], AS_OF)).toEqual({ frequency: 0, recency: 0, age: 0 });
  });

  it('rejects days that are unsorted, repeated, fractional, after the as-of day, or missing', () => {
    expect(() => toBgNbdCustomer([10, 5], 20)).toThrow(RangeError);
    expect(() => toBgNbdCustomer([5, 5], 20)).toThrow(RangeError);
    expect(() => toBgNbdCustomer([5.5], 20)).toThrow(RangeError);
    expect(() => toBgNbdCustomer([5, 21], 20)).toThrow(RangeError);
    expect(() => toBgNbdCustomer([], 20)).toThrow(RangeError);
  });
});
