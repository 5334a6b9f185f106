// An independent implementation of the per-client figures of both models, written differently
// from src/core/bgnbd.ts and src/core/gamma-gamma.ts: by numerical integration over the latent
// rates, with no log-Gamma, no digamma and no hypergeometric series. Slow, plain, for tests.

/** Composite Simpson's rule for f on [lo, hi] with n (even) intervals. */
export function simpson(f: (u: number) => number, lo: number, hi: number, n = 4000): number {
  const h = (hi - lo) / n;
  let s = f(lo) + f(hi);
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * f(lo + i * h);
  return (s * h) / 3;
}

/**
 * Gamma-Gamma, E[Z | x, m]: the spend per transaction is Gamma(p, ν) with mean p/ν, and ν has
 * prior density ∝ ν^(q−1) e^(−γν). Given x transactions of mean m, the posterior of ν is
 * ∝ ν^(px+q−1) e^(−ν(γ+mx)) (the likelihood of the x values, as a function of ν, is
 * ν^(px) e^(−ν·mx)). So E[Z] = ∫ (p/ν) post(ν) dν / ∫ post(ν) dν, integrated here over
 * u = ln ν around the posterior's mode, with the exponent shifted so nothing overflows.
 */
export function referenceExpectedSpend(params: { p: number; q: number; gamma: number }, x: number, m: number): number {
  const { p, q, gamma } = params;
  const shape = p * x + q;
  const rate = gamma + m * x;
  // In u = ln ν: density ∝ exp(shape·u − rate·e^u); mode at u* = ln(shape/rate).
  const mode = Math.log(shape / rate);
  const peak = shape * mode - rate * Math.exp(mode);
  const width = 40 / Math.sqrt(shape); // the log-posterior is ≈ −shape·(u−u*)²/2 near the mode
  const logDensity = (u: number) => shape * u - rate * Math.exp(u) - peak;
  const lo = mode - width;
  const hi = mode + width;
  const mass = simpson((u) => Math.exp(logDensity(u)), lo, hi);
  const mean = simpson((u) => (p * Math.exp(-u)) * Math.exp(logDensity(u)), lo, hi);
  return mean / mass;
}

/**
 * BG/NBD, E[Y(t) | x, t_x, T]: purchases at rate λ while alive; after each purchase the client
 * drops out with probability p. λ ~ Gamma(r, α), p ~ Beta(a, b). Given (λ, p) and alive at T,
 * the purchases expected in the next t weeks are (1 − e^(−λpt))/p. The data's likelihood is
 *   (1−p)^x λ^x e^(−λT)  (alive at T)  +  δ(x>0) p (1−p)^(x−1) λ^x e^(−λ t_x)  (dropped out at t_x),
 * and only the first term contributes purchases. λ is integrated in closed form (a Gamma
 * integral: ∫ λ^x e^(−λs) g(λ) dλ ∝ (α+s)^(−(r+x))), p numerically with p = u^(1/a), which
 * turns the Beta density's p^(a−1) dp into a constant du. Constants common to numerator and
 * denominator cancel.
 */
export function referenceExpectedPurchases(
  params: { r: number; alpha: number; a: number; b: number },
  c: { frequency: number; recency: number; age: number },
  t: number,
): number {
  const { r, alpha, a, b } = params;
  const { frequency: x, recency: tx, age: T } = c;
  const k = r + x;
  // Everything relative to (α+T)^(−(r+x)).
  const deadScale = x > 0 ? Math.pow((alpha + T) / (alpha + tx), k) : 0;
  const pOf = (u: number) => Math.pow(u, 1 / a);
  // (1 − ((α+T)/(α+T+pt))^k) / p, with its limit k·t/(α+T) at p = 0.
  const gain = (p: number) => (p === 0 ? (k * t) / (alpha + T) : -Math.expm1(-k * Math.log1p((p * t) / (alpha + T))) / p);
  const numerator = simpson((u) => {
    const p = pOf(u);
    return Math.pow(1 - p, x + b - 1) * gain(p);
  }, 0, 1);
  const denominator = simpson((u) => {
    const p = pOf(u);
    return Math.pow(1 - p, x + b - 1) + (x > 0 ? p * Math.pow(1 - p, x + b - 2) * deadScale : 0);
  }, 0, 1);
  return numerator / denominator;
}
