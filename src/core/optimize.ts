/**
 * Small unconstrained minimiser: BFGS (inverse-Hessian form) with a strong-Wolfe
 * line search (Nocedal & Wright, Numerical Optimization, 2nd ed., alg. 3.5/3.6 and 6.1).
 * Pure and deterministic: no randomness, no I/O. Meant for a handful of parameters
 * (dense n×n matrix), e.g. the four BG/NBD log-parameters.
 */

/** Value and gradient at a point. A non-finite value marks the point as infeasible. */
export interface ValueAndGradient {
  value: number;
  gradient: number[];
}

export type ObjectiveWithGradient = (x: readonly number[]) => ValueAndGradient;

export interface MinimizeOptions {
  /** Cap on BFGS iterations (default 200). */
  maxIterations?: number;
  /** Converged when the largest absolute gradient component is at most this (default 1e-8). */
  gradientTolerance?: number;
}

export interface MinimizeResult {
  x: number[];
  value: number;
  gradient: number[];
  iterations: number;
  /** Objective evaluations, line search included. */
  evaluations: number;
  converged: boolean;
  /**
   * Why it stopped: 'gradient' (tolerance met), 'precision' (the decrease the quasi-Newton
   * model still predicts is below the rounding noise of the objective, so no line search can
   * measure progress; counted as converged), 'line-search', 'no-progress', 'max-iterations'.
   */
  reason: 'gradient' | 'precision' | 'max-iterations' | 'line-search' | 'no-progress';
}

const C1 = 1e-4; // sufficient decrease
const C2 = 0.9; // curvature (0.9 is the usual choice for quasi-Newton)
const MAX_LINE_SEARCH = 60;
const PRECISION = 1e-13; // relative size of a decrease too small to be measured in f

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] as number) * (b[i] as number);
  return s;
}

function maxAbs(a: readonly number[]): number {
  let m = 0;
  for (const v of a) m = Math.max(m, Math.abs(v));
  return m;
}

function allFinite(a: readonly number[]): boolean {
  return a.every((v) => Number.isFinite(v));
}

function identity(n: number, scale = 1): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? scale : 0)));
}

function matVec(m: readonly (readonly number[])[], v: readonly number[]): number[] {
  return m.map((row) => dot(row, v));
}

interface Probe {
  alpha: number;
  value: number;
  slope: number;
  x: number[];
  gradient: number[];
}

/**
 * Strong-Wolfe line search along direction d from x (value f0, slope d0 < 0).
 * Returns the accepted probe, or null when no acceptable step was found.
 */
function lineSearch(
  fg: ObjectiveWithGradient,
  x: readonly number[],
  d: readonly number[],
  f0: number,
  d0: number,
  alpha1: number,
  counter: { evaluations: number },
): Probe | null {
  const probe = (alpha: number): Probe => {
    const xn = x.map((xi, i) => xi + alpha * (d[i] as number));
    const r = fg(xn);
    counter.evaluations++;
    const ok = Number.isFinite(r.value) && allFinite(r.gradient);
    return {
      alpha,
      value: ok ? r.value : Number.POSITIVE_INFINITY,
      slope: ok ? dot(r.gradient, d) : Number.NaN,
      x: xn,
      gradient: r.gradient,
    };
  };

  // Zoom between lo (satisfies sufficient decrease, finite) and hi.
  const zoom = (lo: Probe, hi: Probe, budget: number): Probe | null => {
    for (let k = 0; k < budget; k++) {
      const width = hi.alpha - lo.alpha;
      let trial = Number.NaN;
      // Quadratic interpolation from lo's value/slope and hi's value when hi is finite;
      // safeguarded into the middle 80% of the bracket, else bisect.
      if (Number.isFinite(hi.value)) {
        const denom = 2 * (hi.value - lo.value - lo.slope * width);
        if (denom > 0) trial = lo.alpha - (lo.slope * width * width) / denom;
      }
      const a = Math.min(lo.alpha, hi.alpha);
      const b = Math.max(lo.alpha, hi.alpha);
      const margin = 0.1 * (b - a);
      if (!Number.isFinite(trial) || trial < a + margin || trial > b - margin) trial = 0.5 * (lo.alpha + hi.alpha);
      if (Math.abs(width) < 1e-16 * Math.max(1, Math.abs(lo.alpha))) return null;
      const p = probe(trial);
      if (p.value > f0 + C1 * p.alpha * d0 || p.value >= lo.value) {
        hi = p;
      } else {
        if (Math.abs(p.slope) <= -C2 * d0) return p;
        if (p.slope * (hi.alpha - lo.alpha) >= 0) hi = lo;
        lo = p;
      }
    }
    // Budget exhausted: a point with sufficient decrease is still progress.
    return lo.alpha > 0 ? lo : null;
  };

  let prev: Probe = { alpha: 0, value: f0, slope: d0, x: [...x], gradient: [] };
  let alpha = alpha1;
  for (let i = 0; i < MAX_LINE_SEARCH; i++) {
    const p = probe(alpha);
    if (!Number.isFinite(p.value)) {
      // Infeasible (outside the domain or overflow): step back towards the last good point.
      alpha = prev.alpha + 0.25 * (alpha - prev.alpha);
      continue;
    }
    if (p.value > f0 + C1 * alpha * d0 || (i > 0 && p.value >= prev.value)) {
      return zoom(prev, p, MAX_LINE_SEARCH);
    }
    if (Math.abs(p.slope) <= -C2 * d0) return p;
    if (p.slope >= 0) return zoom(p, prev, MAX_LINE_SEARCH);
    prev = p;
    alpha *= 2;
  }
  return prev.alpha > 0 ? prev : null;
}

/**
 * Minimise fg from x0 with BFGS. Starts from a scaled identity inverse Hessian;
 * skips the update when the curvature condition fails; on a failed line search
 * retries once along steepest descent before giving up.
 */
export function minimizeBfgs(fg: ObjectiveWithGradient, x0: readonly number[], options: MinimizeOptions = {}): MinimizeResult {
  const maxIterations = options.maxIterations ?? 200;
  const gtol = options.gradientTolerance ?? 1e-8;
  const n = x0.length;
  const counter = { evaluations: 0 };

  let x = [...x0];
  const start = fg(x);
  counter.evaluations++;
  if (!Number.isFinite(start.value) || !allFinite(start.gradient)) {
    throw new RangeError('minimizeBfgs: objective is not finite at the starting point');
  }
  let f = start.value;
  let g = [...start.gradient];
  let h = identity(n);
  let fresh = true; // h is still a (scaled) identity
  let iterations = 0;

  const result = (converged: boolean, reason: MinimizeResult['reason']): MinimizeResult => ({
    x,
    value: f,
    gradient: g,
    iterations,
    evaluations: counter.evaluations,
    converged,
    reason,
  });

  while (iterations < maxIterations) {
    if (maxAbs(g) <= gtol) return result(true, 'gradient');
    let d = matVec(h, g).map((v) => -v);
    let slope = dot(g, d);
    // Decrease predicted by the quadratic model along the quasi-Newton step: ½ gᵀHg.
    const predicted = -0.5 * slope;
    if (!(slope < 0)) {
      // Not a descent direction (h lost positive definiteness numerically): reset.
      h = identity(n);
      fresh = true;
      d = g.map((v) => -v);
      slope = dot(g, d);
    }
    // First step from an identity matrix: keep the move modest (length ≤ 1).
    const alpha1 = fresh && iterations === 0 ? Math.min(1, 1 / maxAbs(g)) : 1;
    let step = lineSearch(fg, x, d, f, slope, alpha1, counter);
    if (step === null && !fresh) {
      h = identity(n);
      fresh = true;
      d = g.map((v) => -v);
      slope = dot(g, d);
      step = lineSearch(fg, x, d, f, slope, Math.min(1, 1 / maxAbs(g)), counter);
    }
    if (step === null) {
      if (maxAbs(g) <= gtol) return result(true, 'gradient');
      // f carries a few hundred ulps of rounding noise at best; below that the gradient
      // tolerance was simply tighter than the objective can resolve.
      if (predicted >= 0 && predicted <= PRECISION * Math.max(1, Math.abs(f))) return result(true, 'precision');
      return result(false, 'line-search');
    }
    iterations++;

    const s = step.x.map((v, i) => v - (x[i] as number));
    const y = step.gradient.map((v, i) => v - (g[i] as number));
    const fPrev = f;
    x = step.x;
    f = step.value;
    g = [...step.gradient];

    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
      if (fresh) {
        // Nocedal–Wright (6.20): scale the initial matrix to the observed curvature.
        h = identity(n, sy / dot(y, y));
        fresh = false;
      }
      const rho = 1 / sy;
      const hy = matVec(h, y);
      const yhy = dot(y, hy);
      for (let i = 0; i < n; i++) {
        const row = h[i] as number[];
        for (let j = 0; j < n; j++) {
          row[j] =
            (row[j] as number) -
            rho * ((hy[i] as number) * (s[j] as number) + (s[i] as number) * (hy[j] as number)) +
            (rho * rho * yhy + rho) * (s[i] as number) * (s[j] as number);
        }
      }
    }
    // No measurable decrease in value and no measurable move: we are at machine precision.
    if (fPrev - f <= 0 && maxAbs(s) <= 1e-15 * Math.max(1, maxAbs(x))) {
      return result(maxAbs(g) <= gtol, 'no-progress');
    }
  }
  return result(maxAbs(g) <= gtol, 'max-iterations');
}
