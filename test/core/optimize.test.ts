import { describe, it, expect } from 'vitest';
import { minimizeBfgs, type ValueAndGradient } from '../../src/core/optimize.js';

function rosenbrock(x: readonly number[]): ValueAndGradient {
  const [a = 0, b = 0] = x;
  return {
    value: (1 - a) ** 2 + 100 * (b - a * a) ** 2,
    gradient: [-2 * (1 - a) - 400 * a * (b - a * a), 200 * (b - a * a)],
  };
}

describe('minimizeBfgs', () => {
  it('finds the Rosenbrock minimum from the classic start (-1.2, 1)', () => {
    const r = minimizeBfgs(rosenbrock, [-1.2, 1], { gradientTolerance: 1e-10 });
    expect(r.converged).toBe(true);
    expect(r.reason).toBe('gradient');
    expect(r.x[0]).toBeCloseTo(1, 7);
    expect(r.x[1]).toBeCloseTo(1, 7);
    expect(r.value).toBeLessThan(1e-14);
  });

  it('solves an ill-conditioned quadratic in few iterations (the quasi-Newton update works)', () => {
    const d = [1, 10, 100, 1000];
    const c = [3, -2, 0.5, 7];
    const fg = (x: readonly number[]): ValueAndGradient => ({
      value: x.reduce((s, xi, i) => s + 0.5 * (d[i] as number) * (xi - (c[i] as number)) ** 2, 0),
      gradient: x.map((xi, i) => (d[i] as number) * (xi - (c[i] as number))),
    });
    const r = minimizeBfgs(fg, [0, 0, 0, 0], { gradientTolerance: 1e-9 });
    expect(r.converged).toBe(true);
    r.x.forEach((xi, i) => expect(xi).toBeCloseTo(c[i] as number, 8));
    // Steepest descent would need thousands of steps at condition number 1000.
    expect(r.iterations).toBeLessThan(40);
  });

  it('backs off from points where the objective is infinite', () => {
    // exp(x) − 2x has its minimum at ln 2; the wall at 0.75 sits right behind it, and the
    // doubling phase of the line search from x = −10 is sure to jump past the wall.
    let wallHits = 0;
    const fg = (x: readonly number[]): ValueAndGradient => {
      const v = x[0] as number;
      if (v >= 0.75) {
        wallHits++;
        return { value: Number.POSITIVE_INFINITY, gradient: [Number.NaN] };
      }
      return { value: Math.exp(v) - 2 * v, gradient: [Math.exp(v) - 2] };
    };
    const r = minimizeBfgs(fg, [-10]);
    expect(wallHits).toBeGreaterThan(0);
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(Math.LN2, 7);
  });

  it('counts a gradient tolerance below the objective\'s rounding noise as converged ("precision")', () => {
    // With f ≈ 1e6 the value resolves changes of ~1e-10 only, so |g| ≤ 1e-14 is out of reach.
    const fg = (x: readonly number[]): ValueAndGradient => {
      const v = x[0] as number;
      return { value: 1e6 + Math.exp(v) - 2 * v, gradient: [Math.exp(v) - 2] };
    };
    const r = minimizeBfgs(fg, [-2], { gradientTolerance: 1e-14 });
    expect(Math.abs(r.gradient[0] as number)).toBeGreaterThan(1e-14);
    expect(r.converged).toBe(true);
    expect(r.reason).toBe('precision');
    expect(r.x[0]).toBeCloseTo(Math.LN2, 4);
  });

  it('does not call a failed line search far from the optimum converged', () => {
    // A gradient that points the wrong way: no step along −g decreases f.
    const fg = (x: readonly number[]): ValueAndGradient => {
      const v = x[0] as number;
      return { value: (v - 1) ** 2, gradient: [-2 * (v - 1)] };
    };
    const r = minimizeBfgs(fg, [5]);
    expect(r.converged).toBe(false);
    expect(r.reason).toBe('line-search');
  });

  it('stops at maxIterations and says it did not converge', () => {
    const r = minimizeBfgs(rosenbrock, [-1.2, 1], { maxIterations: 3 });
    expect(r.iterations).toBe(3);
    expect(r.converged).toBe(false);
    expect(r.reason).toBe('max-iterations');
  });

  it('returns at once when the start is already stationary', () => {
    const r = minimizeBfgs(rosenbrock, [1, 1]);
    expect(r.iterations).toBe(0);
    expect(r.converged).toBe(true);
    expect(r.x).toEqual([1, 1]);
  });

  it('refuses a start where the objective is not finite', () => {
    expect(() => minimizeBfgs(() => ({ value: Number.NaN, gradient: [0] }), [0])).toThrow(RangeError);
  });

  it('is deterministic', () => {
    const a = minimizeBfgs(rosenbrock, [-1.2, 1]);
    const b = minimizeBfgs(rosenbrock, [-1.2, 1]);
    expect(b).toEqual(a);
  });
});
