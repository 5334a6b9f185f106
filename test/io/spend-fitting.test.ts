// The Gamma-Gamma fit in a worker thread (io/spend-fitting.ts): it must really run there (a worker
// that never starts would fall back to the main thread unseen, and only the speed would go), and
// give the main thread's fit to the last bit. The compiled modules are used: the worker is a file
// of dist/ (`npm test` builds it first).
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/kam.js';

const dist = (path: string): string => new URL(`dist/${path}`, `file://${ROOT}`).href;

/** A stand-in for the purchase-day store: what the spend model reads of it. */
function purchases(n: number): { size: number; frequency: (i: number) => number; monetary: (i: number) => number | null } {
  let seed = 7;
  const random = (): number => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const frequency = Array.from({ length: n }, () => Math.floor(random() * 6));
  const monetary = frequency.map((x) => (x === 0 ? null : random() < 0.05 ? -5 : Math.round(1000 + random() * 90000) / 100));
  return { size: n, frequency: (i) => frequency[i]!, monetary: (i) => monetary[i]! };
}

describe('the spend model fitted in a worker thread', () => {
  it('runs in the worker and gives the fit made here, bit for bit', async () => {
    const { spendInWorker } = await import(dist('io/spend-fitting.js'));
    const { judgedColumns, columnCustomers } = await import(dist('core/spend.js'));
    const { fitGammaGamma } = await import(dist('core/gamma-gamma.js'));
    const store = purchases(5000);
    const fitting = spendInWorker();
    fitting.start(store);
    await fitting.settled();
    const fromWorker = fitting.fitOf(store);
    expect(fromWorker).toBeDefined();
    expect(fromWorker).toEqual(fitGammaGamma(columnCustomers(judgedColumns(store))));
    // Another store (say, an earlier window's) is fitted here.
    expect(fitting.fitOf(purchases(5000))).toBeUndefined();
  });

  it('does not start for fewer clients than the model needs', async () => {
    const { spendInWorker } = await import(dist('io/spend-fitting.js'));
    const fitting = spendInWorker();
    const store = purchases(10);
    fitting.start(store);
    await fitting.settled();
    expect(fitting.fitOf(store)).toBeUndefined();
  });
});
