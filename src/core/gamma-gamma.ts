/**
 * Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV: Using Iso-Value Curves for
 * Customer Base Analysis", Journal of Marketing Research 42(4); Fader & Hardie 2013, "The
 * Gamma-Gamma Model of Monetary Value"): maximum-likelihood fit and the conditional expected
 * spend per purchase. SPEC §6. Pure: no I/O, no randomness.
 *
 * A customer's spend per transaction is Gamma(p, ν); ν varies across customers as Gamma(q, γ).
 * What a customer is judged by: x = repeat purchases and m = their mean value.
 */
import { digamma, logGamma } from './bgnbd.js';
import { minimizeBfgs } from './optimize.js';
import { TupleBuffer } from './distinct-tuples.js';

export interface GammaGammaCustomer {
  /** Repeat purchases (≥ 1 for a customer the model can judge). */
  frequency: number;
  /** Mean value of the repeat purchases (> 0). */
  monetary: number;
}

export interface GammaGammaParams {
  p: number;
  q: number;
  gamma: number;
}

export interface GammaGammaFit {
  params: GammaGammaParams;
  /** Total log-likelihood at params (of the mean values, FHL 2005 eq. 3). */
  logLikelihood: number;
  iterations: number;
  converged: boolean;
  customers: number;
}

function checkParams(p: GammaGammaParams): void {
  for (const k of ['p', 'q', 'gamma'] as const) {
    const v = p[k];
    if (!(Number.isFinite(v) && v > 0)) throw new RangeError(`Gamma-Gamma parameter ${k} must be finite and > 0, got ${v}`);
  }
}

function checkCustomer(c: GammaGammaCustomer, where = ''): void {
  if (!(Number.isInteger(c.frequency) && c.frequency >= 1)) throw new RangeError(`Gamma-Gamma frequency must be an integer ≥ 1${where}, got ${c.frequency}`);
  if (!(Number.isFinite(c.monetary) && c.monetary > 0)) throw new RangeError(`Gamma-Gamma mean value must be finite and > 0${where}, got ${c.monetary}`);
}

/**
 * One customer's log-likelihood (the density of its mean value m given x):
 *   ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln m + px ln x − (px+q) ln(γ + m x)
 * written as (px) ln(mx/(γ+mx)) + q ln(γ/(γ+mx)) − ln m + Γ terms, each log1p-based, so that
 * neither a large x nor a large m loses the difference of two big logarithms.
 */
function customerLogLikelihood(p: number, q: number, gamma: number, x: number, m: number): number {
  const px = p * x;
  const mx = m * x;
  return logGamma(px + q) - logGamma(px) - logGamma(q) - px * Math.log1p(gamma / mx) - q * Math.log1p(mx / gamma) - Math.log(m);
}

/** Total Gamma-Gamma log-likelihood of the customers under params. */
export function gammaGammaLogLikelihood(params: GammaGammaParams, customers: readonly GammaGammaCustomer[]): number {
  checkParams(params);
  let ll = 0;
  customers.forEach((c, i) => {
    checkCustomer(c, ` (customer #${i})`);
    ll += customerLogLikelihood(params.p, params.q, params.gamma, c.frequency, c.monetary);
  });
  return ll;
}

/** Log-parameters beyond ±LOG_BOUND are infeasible (as in bgnbd.ts): a population whose
 * customers all spend alike sends q, γ → ∞ and must stop somewhere finite. */
const LOG_BOUND = 30;

/**
 * Maximum-likelihood fit over (ln p, ln q, ln γ) by BFGS with the analytic gradient. The mean
 * values are first divided by their own mean s, so the start (p = 1, q = 2, γ = 1: a population
 * mean spend of 1) suits any currency and size of sale; γ scales with the money unit and the
 * likelihood shifts by −n ln s, so the fit on the scaled values is the fit on the real ones.
 * Like fitBgNbd, BFGS is restarted once from its optimum with a fresh Hessian.
 */
export function fitGammaGamma(customers: Iterable<GammaGammaCustomer>, options: { maxIterations?: number; tolerance?: number } = {}): GammaGammaFit {
  const maxIterations = options.maxIterations ?? 500;
  const tolerance = options.tolerance ?? 1e-8;

  // Identical (x, m) pairs grouped, in (x, m) order (see distinct-tuples.ts). Customers may
  // come one at a time (a compact store makes each on demand): only their two numbers are kept.
  const pairs = new TupleBuffer(2);
  for (const c of customers) {
    checkCustomer(c, ` (customer #${pairs.size})`);
    pairs.push(c.frequency, c.monetary);
  }
  const n = pairs.size;
  if (n === 0) throw new RangeError('fitGammaGamma: no customers');
  // The distinct pairs with their weights; the mean values then scaled.
  const {
    columns: [xs, pairM],
    counts: ws,
  } = pairs.distinct() as { columns: [Float64Array, Float64Array]; counts: Float64Array };
  const distinct = ws.length;
  let sumM = 0;
  for (let j = 0; j < distinct; j++) sumM += ws[j]! * pairM[j]!;
  const scale = sumM / n;
  const ms = pairM.map((m) => m / scale);
  const lnM = ms.map((m) => Math.log(m));

  const objective = (theta: readonly number[]) => {
    if (theta.some((t) => !(Math.abs(t) <= LOG_BOUND))) return { value: Number.POSITIVE_INFINITY, gradient: [0, 0, 0] };
    const p = Math.exp(theta[0] as number);
    const q = Math.exp(theta[1] as number);
    const gamma = Math.exp(theta[2] as number);
    const psiQ = digamma(q);
    const lgQ = logGamma(q);
    let ll = 0;
    let gp = 0;
    let gq = 0;
    let gg = 0;
    // The Γ and ψ terms depend on x only and the list is sorted by x: they are worked out once
    // per distinct x (the same values, so the same sum to the last bit as one call per pair).
    let lastX = Number.NaN;
    let lgPxq = 0;
    let lgPx = 0;
    let psiPxq = 0;
    let psiPx = 0;
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i] as number;
      const m = ms[i] as number;
      const w = ws[i] as number;
      const px = p * x;
      if (x !== lastX) {
        lastX = x;
        lgPxq = logGamma(px + q);
        lgPx = logGamma(px);
        psiPxq = digamma(px + q);
        psiPx = digamma(px);
      }
      const mx = m * x;
      const lnShare = -Math.log1p(gamma / mx); // ln(mx/(γ+mx))
      const lnRest = -Math.log1p(mx / gamma); // ln(γ/(γ+mx))
      ll += w * (lgPxq - lgPx - lgQ + px * lnShare + q * lnRest - (lnM[i] as number));
      gp += w * x * (psiPxq - psiPx + lnShare);
      gq += w * (psiPxq - psiQ + lnRest);
      gg += w * (q / gamma - (px + q) / (gamma + mx));
    }
    return { value: -ll / n, gradient: [(-gp * p) / n, (-gq * q) / n, (-gg * gamma) / n] };
  };

  const start = [0, Math.log(2), 0];
  const first = minimizeBfgs(objective, start, { maxIterations, gradientTolerance: tolerance });
  const second = minimizeBfgs(objective, first.x, { maxIterations, gradientTolerance: tolerance });
  const best = second.value <= first.value ? second : first;
  const params = { p: Math.exp(best.x[0] as number), q: Math.exp(best.x[1] as number), gamma: Math.exp(best.x[2] as number) * scale };
  return {
    params,
    logLikelihood: pairM.reduce((ll, m, j) => ll + ws[j]! * customerLogLikelihood(params.p, params.q, params.gamma, xs[j]!, m), 0),
    iterations: first.iterations + second.iterations,
    // A maximum pressed against the bound is a limit, not a fit.
    converged: best.converged && best.x.every((t) => Math.abs(t) < LOG_BOUND - 1),
    customers: n,
  };
}

/**
 * The population mean spend per purchase, E[Z] = pγ/(q−1); null when q ≤ 1 (the mean of the
 * prior on the spend does not exist).
 */
export function populationMeanSpend(params: GammaGammaParams): number | null {
  checkParams(params);
  return params.q > 1 ? (params.p * params.gamma) / (params.q - 1) : null;
}

/**
 * E[Z | x, m] = (γ + m x) p / (p x + q − 1) (FHL 2005 eq. 5): a weighted mean of the population
 * mean pγ/(q−1), with weight (q−1)/(px+q−1), and the customer's own mean m. A customer with no
 * repeat purchase (x = 0) gets the population mean. null when that mean does not exist
 * (x = 0 and q ≤ 1). Computed as the weighted mean, so hundreds of purchases cannot overflow.
 */
export function conditionalExpectedSpend(params: GammaGammaParams, c: { frequency: number; monetary: number }): number | null {
  checkParams(params);
  const { p, q, gamma } = params;
  const x = c.frequency;
  if (!(Number.isInteger(x) && x >= 0)) throw new RangeError(`Gamma-Gamma frequency must be an integer ≥ 0, got ${x}`);
  if (x === 0) return populationMeanSpend(params);
  if (!(Number.isFinite(c.monetary) && c.monetary > 0)) throw new RangeError(`Gamma-Gamma mean value must be finite and > 0, got ${c.monetary}`);
  const px = p * x;
  const denominator = px + q - 1;
  if (!(denominator > 0)) return null;
  // (γ + m x) p / (px + q − 1) = γp/(px+q−1) + m · px/(px+q−1)
  return (gamma * p) / denominator + c.monetary * (px / denominator);
}
