/**
 * BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way",
 * Marketing Science 24(2)): maximum-likelihood fit, P(alive) and the conditional
 * expectation of purchases. SPEC §6. Pure: no I/O, no randomness.
 *
 * Notation: x = repeat purchases (frequency), t_x = recency, T = age, all times in weeks.
 */
import { minimizeBfgs } from './optimize.js';
import { TupleBuffer } from './distinct-tuples.js';

export interface BgNbdCustomer {
  /** Repeat purchases: distinct purchase days − 1. */
  frequency: number;
  /** Weeks from the first to the last purchase (t_x). */
  recency: number;
  /** Weeks from the first purchase to the as-of date (T). */
  age: number;
}

export interface BgNbdParams {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

export interface BgNbdFit {
  params: BgNbdParams;
  /** Total log-likelihood at params. */
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  customers: number;
}

// ---------------------------------------------------------------------------
// Special functions

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9: ~15 significant digits). */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  // Reflection keeps tiny arguments (e.g. r → 0) accurate.
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let s = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS.length; i++) s += (LANCZOS[i] as number) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(s);
}

/** ψ(x) = d ln Γ(x)/dx for x > 0: recurrence up to x ≥ 10, then the asymptotic series. */
export function digamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  let acc = 0;
  while (x < 10) {
    acc -= 1 / x;
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  // Bernoulli terms B2k/(2k x^2k), k = 1..6; the first omitted term is < 1e-15 for x ≥ 10.
  const series =
    inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760))))));
  return acc + Math.log(x) - 0.5 * inv - series;
}

// ---------------------------------------------------------------------------
// Validation and grouping

function checkParams(p: BgNbdParams): void {
  for (const k of ['r', 'alpha', 'a', 'b'] as const) {
    const v = p[k];
    if (!(Number.isFinite(v) && v > 0)) throw new RangeError(`BG/NBD parameter ${k} must be finite and > 0, got ${v}`);
  }
}

function checkCustomer(c: BgNbdCustomer, where = ''): void {
  const { frequency: x, recency: tx, age: T } = c;
  if (!(Number.isInteger(x) && x >= 0)) throw new RangeError(`BG/NBD frequency must be an integer ≥ 0${where}, got ${x}`);
  if (!(Number.isFinite(tx) && tx >= 0)) throw new RangeError(`BG/NBD recency must be finite and ≥ 0${where}, got ${tx}`);
  if (!Number.isFinite(T)) throw new RangeError(`BG/NBD age must be finite${where}, got ${T}`);
  // Small slack: summaries rounded to 2 decimals can show recency a hair above age.
  if (tx > T + 1e-9 * Math.max(1, T)) throw new RangeError(`BG/NBD recency (${tx}) exceeds age (${T})${where}`);
  if (x === 0 && tx !== 0) throw new RangeError(`BG/NBD recency must be 0 when frequency is 0${where}, got ${tx}`);
}

/**
 * Customers collapsed to distinct (x, t_x, T) triples with counts, and the triples
 * indexed by distinct x, so the Γ/ψ terms (which depend on x only) are computed
 * once per distinct x per evaluation.
 */
interface Grouped {
  /** Distinct frequencies. */
  xs: number[];
  /** Per triple: index into xs, t_x, T, count. */
  xIndex: Int32Array;
  recency: Float64Array;
  age: Float64Array;
  weight: Float64Array;
  total: number;
}

function groupCustomers(customers: Iterable<BgNbdCustomer>): Grouped {
  // Distinct (x, t_x, T) triples with their counts, in that order (see distinct-tuples.ts).
  const triples = new TupleBuffer(3);
  for (const c of customers) {
    checkCustomer(c, ` (customer #${triples.size})`);
    triples.push(c.frequency, c.recency, c.age);
  }
  const {
    columns: [frequency, recency, age],
    counts: weight,
  } = triples.distinct() as { columns: [Float64Array, Float64Array, Float64Array]; counts: Float64Array };
  // Triples come in x order: each new x is the next distinct frequency.
  const xs: number[] = [];
  const xIndex = new Int32Array(weight.length);
  for (let i = 0; i < weight.length; i++) {
    const x = frequency[i]!;
    if (xs.length === 0 || xs[xs.length - 1] !== x) xs.push(x);
    xIndex[i] = xs.length - 1;
  }
  return { xs, xIndex, recency, age, weight, total: triples.size };
}

// ---------------------------------------------------------------------------
// Likelihood

/**
 * Total log-likelihood (FHL 2005 eq. 6) and, when wanted, its gradient with
 * respect to (ln r, ln α, ln a, ln b). Per customer, with A = Γ(r+x)α^r/Γ(r):
 *   L = A · [ B(a,b+x)/B(a,b) · (α+T)^-(r+x)  +  δ(x>0) · B(a+1,b+x−1)/B(a,b) · (α+t_x)^-(r+x) ]
 * and the two terms are combined by log-sum-exp so neither overflows for large x.
 */
function logLikelihoodGrouped(p: BgNbdParams, g: Grouped, withGradient: boolean): { value: number; gradient: number[] } {
  const { r, alpha, a, b } = p;
  const lnAlpha = Math.log(alpha);
  const lnA = Math.log(a);
  const lgR = logGamma(r);
  const lgB = logGamma(b);
  const lgAB = logGamma(a + b);
  const nx = g.xs.length;
  // Per distinct x: the constant, the two log-Beta ratios and (for the gradient) ψ terms.
  const c0 = new Float64Array(nx);
  const beta1 = new Float64Array(nx);
  const beta2 = new Float64Array(nx);
  const dR0 = new Float64Array(nx); // ψ(r+x) − ψ(r)
  const dAB = new Float64Array(nx); // ψ(a+b) − ψ(a+b+x)
  const dB1 = new Float64Array(nx); // ψ(b+x) − ψ(b)
  const dB2 = new Float64Array(nx); // ψ(b+x−1) − ψ(b)
  const psiR = withGradient ? digamma(r) : 0;
  const psiB = withGradient ? digamma(b) : 0;
  const psiAB = withGradient ? digamma(a + b) : 0;
  for (let k = 0; k < nx; k++) {
    const x = g.xs[k] as number;
    const lgABx = logGamma(a + b + x);
    c0[k] = logGamma(r + x) - lgR + r * lnAlpha;
    beta1[k] = logGamma(b + x) - lgB + lgAB - lgABx;
    beta2[k] = x > 0 ? lnA + logGamma(b + x - 1) - lgB + lgAB - lgABx : Number.NEGATIVE_INFINITY;
    if (withGradient) {
      dR0[k] = digamma(r + x) - psiR;
      dAB[k] = psiAB - digamma(a + b + x);
      dB1[k] = digamma(b + x) - psiB;
      dB2[k] = x > 0 ? digamma(b + x - 1) - psiB : 0;
    }
  }

  let ll = 0;
  let gr = 0;
  let gAlpha = 0;
  let ga = 0;
  let gb = 0;
  const n = g.weight.length;
  for (let i = 0; i < n; i++) {
    const k = g.xIndex[i] as number;
    const x = g.xs[k] as number;
    const w = g.weight[i] as number;
    const T = g.age[i] as number;
    const tx = g.recency[i] as number;
    const rx = r + x;
    const lnAT = Math.log(alpha + T);
    const t1 = (beta1[k] as number) - rx * lnAT;
    let li: number;
    let pi1 = 1; // posterior weight of the "still alive at T" term
    let lnAtx = 0;
    if (x > 0) {
      lnAtx = Math.log(alpha + tx);
      const t2 = (beta2[k] as number) - rx * lnAtx;
      const m = Math.max(t1, t2);
      const e1 = Math.exp(t1 - m);
      const e2 = Math.exp(t2 - m);
      li = m + Math.log(e1 + e2);
      pi1 = e1 / (e1 + e2);
    } else {
      li = t1;
    }
    ll += w * ((c0[k] as number) + li);
    if (withGradient) {
      const pi2 = 1 - pi1;
      // d/d(param) of the per-customer log-likelihood, then × param for log-parameters.
      gr += w * ((dR0[k] as number) + lnAlpha - pi1 * lnAT - pi2 * lnAtx);
      gAlpha += w * (r / alpha - rx * (pi1 / (alpha + T) + (x > 0 ? pi2 / (alpha + tx) : 0)));
      ga += w * ((dAB[k] as number) + pi2 / a);
      gb += w * ((dAB[k] as number) + pi1 * (dB1[k] as number) + pi2 * (dB2[k] as number));
    }
  }
  return { value: ll, gradient: withGradient ? [gr * r, gAlpha * alpha, ga * a, gb * b] : [] };
}

/** Total BG/NBD log-likelihood of the customers under params (FHL 2005 eq. 6). */
export function bgNbdLogLikelihood(params: BgNbdParams, customers: readonly BgNbdCustomer[]): number {
  checkParams(params);
  if (customers.length === 0) return 0;
  return logLikelihoodGrouped(params, groupCustomers(customers), false).value;
}

// ---------------------------------------------------------------------------
// Fit

/** Log-parameters beyond ±LOG_BOUND (e^30 ≈ 1e13) are treated as infeasible: keeps a
 * degenerate data set (e.g. no repeat purchases) from running off to overflow. */
const LOG_BOUND = 30;

function fromLog(theta: readonly number[]): BgNbdParams {
  return {
    r: Math.exp(theta[0] as number),
    alpha: Math.exp(theta[1] as number),
    a: Math.exp(theta[2] as number),
    b: Math.exp(theta[3] as number),
  };
}

/**
 * Maximum-likelihood fit over (ln r, ln α, ln a, ln b) by BFGS with the analytic
 * gradient, minimising the mean negative log-likelihood per customer (so the tolerance
 * does not depend on the number of customers). After convergence BFGS is restarted
 * once from the optimum with a fresh Hessian estimate, which guards against a stale
 * quasi-Newton matrix stopping it early.
 *
 * options.tolerance: the largest allowed |∂(mean log-likelihood)/∂ ln θ| (default 1e-7; much
 * below ~1e-9 the line search runs into the rounding noise of the objective).
 * options.maxIterations: per BFGS run (default 500).
 */
export function fitBgNbd(
  customers: Iterable<BgNbdCustomer>,
  options: { maxIterations?: number; tolerance?: number } = {},
): BgNbdFit {
  const maxIterations = options.maxIterations ?? 500;
  const tolerance = options.tolerance ?? 1e-7;
  // Customers may come one at a time (a compact store makes each on demand): only the groups are kept.
  const g = groupCustomers(customers);
  const n = g.total;
  if (n === 0) throw new RangeError('fitBgNbd: no customers');

  const objective = (theta: readonly number[]) => {
    if (theta.some((t) => !(Math.abs(t) <= LOG_BOUND))) return { value: Number.POSITIVE_INFINITY, gradient: [0, 0, 0, 0] };
    const { value, gradient } = logLikelihoodGrouped(fromLog(theta), g, true);
    return { value: -value / n, gradient: gradient.map((d) => -d / n) };
  };

  // Deterministic start: r = 1, α so that r/α matches the pooled repeat-purchase rate
  // Σx / ΣT, a = b = 1 (a mean dropout probability of 1/2).
  let sumX = 0;
  let sumT = 0;
  for (let i = 0; i < g.weight.length; i++) {
    const w = g.weight[i] as number;
    sumX += w * (g.xs[g.xIndex[i] as number] as number);
    sumT += w * (g.age[i] as number);
  }
  const alpha0 = sumX > 0 && sumT > 0 ? sumT / sumX : 1;
  const start = [0, Math.log(Math.min(Math.max(alpha0, 1e-6), 1e6)), 0, 0];

  const first = minimizeBfgs(objective, start, { maxIterations, gradientTolerance: tolerance });
  const second = minimizeBfgs(objective, first.x, { maxIterations, gradientTolerance: tolerance });
  const best = second.value <= first.value ? second : first;
  const params = fromLog(best.x);
  return {
    params,
    logLikelihood: logLikelihoodGrouped(params, g, false).value,
    iterations: first.iterations + second.iterations,
    // Without a single repeat purchase the likelihood has no interior maximum (it rises
    // as r → 0 and says nothing about a, b): the gradient may vanish, but nothing was fitted.
    converged: best.converged && sumX > 0,
    customers: n,
  };
}

// ---------------------------------------------------------------------------
// Per-customer quantities

/**
 * P(alive | x, t_x, T) = 1 / (1 + δ(x>0) · a/(b+x−1) · ((α+T)/(α+t_x))^(r+x))  (FHL 2005),
 * evaluated through the log of the odds so that hundreds of purchases cannot overflow.
 */
export function probabilityAlive(params: BgNbdParams, c: BgNbdCustomer): number {
  checkParams(params);
  checkCustomer(c);
  const { r, alpha, a, b } = params;
  const { frequency: x, recency: tx, age: T } = c;
  if (x === 0) return 1;
  // ln((α+T)/(α+t_x)) via log1p: exact-ish when T − t_x is small relative to α + t_x.
  const logOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * Math.log1p((T - tx) / (alpha + tx));
  return 1 / (1 + Math.exp(logOdds)); // exp → ∞ gives 0, never NaN
}

/** Cap on series terms; reached only when the horizon exceeds ~1e5 × (α + T). */
const MAX_SERIES_TERMS = 5_000_000;

/**
 * E[Y(t) | x, t_x, T] (FHL 2005 eq. 10):
 *   [(a+b+x−1)/(a−1)] · [1 − ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x−1; z)] · P(alive),
 *   z = t/(α+T+t).
 * Written as is it divides 0 by 0 at a = 1, and 2F1 has a pole at a+b+x−1 = 0 (x = 0,
 * a+b = 1). Euler's transformation 2F1(A,B;C;z) = (1−z)^(C−A−B) 2F1(C−A, C−B; C; z) with
 * A = r+x, B = b+x, C = a+b+x−1, C−B = a−1 = β gives, with q = 1−z,
 *   C/β · [1 − q^A 2F1(A,B;C;z)] = C·(1−q^β)/β − q^β · Σ_{n≥1} (C−A)_n (a)_{n−1} / ((C+1)_{n−1} n!) z^n,
 * where both singular factors have cancelled (C·(C)_n⁻¹ = (C+1)_{n−1}⁻¹, (β)_n/β = (a)_{n−1}).
 * The series is summed until the bounded geometric tail is below 1e-16 of the sum; its terms
 * fall like n^(a−r−x−2) zⁿ, so large x converges in a few terms.
 */
export function expectedPurchases(params: BgNbdParams, c: BgNbdCustomer, horizonWeeks: number): number {
  checkParams(params);
  checkCustomer(c);
  if (!(Number.isFinite(horizonWeeks) && horizonWeeks >= 0)) {
    throw new RangeError(`expectedPurchases: horizon must be finite and ≥ 0, got ${horizonWeeks}`);
  }
  if (horizonWeeks === 0) return 0;
  const { r, alpha, a, b } = params;
  const { frequency: x, age: T } = c;
  const A = r + x;
  const C = a + b + x - 1;
  const beta = a - 1;
  const z = horizonWeeks / (alpha + T + horizonWeeks);
  const lnQ = -Math.log1p(horizonWeeks / (alpha + T)); // ln(1 − z), accurate for small z
  // C·(1 − q^β)/β with the β → 0 limit −C·ln q; expm1 keeps it accurate near β = 0.
  const head = beta === 0 ? -C * lnQ : (-C * Math.expm1(beta * lnQ)) / beta;

  // Σ u_n with u_1 = (C−A)·z and u_{n+1}/u_n = (C−A+n)(a+n−1) / ((C+n)(n+1)) · z.
  // Terms are kept scaled (sum and term share a power-of-two exponent) so that a large
  // a with z near 1 cannot overflow before q^β brings the product back down.
  const cma = C - A;
  let term = cma * z;
  let sum = term;
  let logScale = 0;
  let n = 1;
  let converged = term === 0;
  while (!converged && n < MAX_SERIES_TERMS) {
    const ratio = ((cma + n) * (a + n - 1)) / ((C + n) * (n + 1)) * z;
    term *= ratio;
    sum += term;
    n++;
    if (term === 0) {
      converged = true; // C − A a non-positive integer: the series terminates
      break;
    }
    const absRatio = Math.abs(ratio);
    // Past the sign changes of (C−A)_n the terms keep one sign and their ratio tends to z
    // monotonically, so max(ratio, z) bounds every later ratio and the tail is geometric.
    if (n > -cma && absRatio < 1) {
      const bound = Math.max(absRatio, z);
      if (bound < 1 && Math.abs(term) * (bound / (1 - bound)) <= 1e-16 * Math.abs(sum)) converged = true;
    }
    if (Math.abs(sum) > 1e280) {
      sum *= 1e-280;
      term *= 1e-280;
      logScale += 280 * Math.LN10;
    }
  }
  if (!converged) {
    throw new RangeError(`expectedPurchases: series did not converge (horizon ${horizonWeeks} weeks too long for α + T)`);
  }
  const tail = sum === 0 ? 0 : Math.sign(sum) * Math.exp(beta * lnQ + logScale + Math.log(Math.abs(sum)));
  const conditional = head - tail; // expected purchases given alive at T
  return Math.max(0, conditional) * probabilityAlive(params, c);
}

// ---------------------------------------------------------------------------
// From purchase days

/**
 * BG/NBD summary of one customer from its purchase days.
 * purchaseDays: sorted, distinct integer day numbers (days since 1970-01-01), all ≤ asOfDay.
 * frequency = days − 1; recency = (last − first)/7; age = (asOfDay − first)/7.
 *
 * Convention: age counts whole days from the first purchase day to the as-of day itself
 * (not to the end of it). This is the convention of the published CDNOW summary
 * (Fader–Hardie; lifetimes' cdnow_customers_summary): as of 1997-09-30, a customer first
 * seen 1997-01-01 has T = 272/7 = 38.86 weeks, not 39. Built this way from the raw
 * CDNOW_sample.txt all 2,357 (x, t_x, T) triples match that file to its 2 decimals.
 */
export function toBgNbdCustomer(purchaseDays: readonly number[], asOfDay: number): BgNbdCustomer {
  checkPurchaseDays(purchaseDays, asOfDay);
  return bgNbdCustomer(purchaseDays.length, purchaseDays[0] as number, purchaseDays[purchaseDays.length - 1] as number, asOfDay);
}

/** Throws a RangeError unless the purchase days are sorted, distinct integers, at least one, none after the (integer) as-of day. */
export function checkPurchaseDays(purchaseDays: readonly number[], asOfDay: number): void {
  if (!Number.isInteger(asOfDay)) throw new RangeError(`toBgNbdCustomer: as-of day must be an integer, got ${asOfDay}`);
  if (purchaseDays.length === 0) throw new RangeError('toBgNbdCustomer: no purchase days');
  let prev = Number.NEGATIVE_INFINITY;
  for (const d of purchaseDays) {
    if (!Number.isInteger(d)) throw new RangeError(`toBgNbdCustomer: purchase day must be an integer, got ${d}`);
    if (d <= prev) throw new RangeError('toBgNbdCustomer: purchase days must be sorted and distinct');
    prev = d;
  }
  const last = purchaseDays[purchaseDays.length - 1] as number;
  if (last > asOfDay) throw new RangeError(`toBgNbdCustomer: purchase day ${last} is after the as-of day ${asOfDay}`);
}

/** The same summary from the number of purchase days and the first and last of them (what a compact store keeps). */
export function bgNbdCustomer(purchaseDays: number, first: number, last: number, asOfDay: number): BgNbdCustomer {
  return { frequency: purchaseDays - 1, recency: (last - first) / 7, age: (asOfDay - first) / 7 };
}
