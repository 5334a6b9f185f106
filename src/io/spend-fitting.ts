// The Gamma-Gamma fit in a worker thread (core/spend.ts's SpendFitting): started as soon as the
// analysis knows the clients' purchase days, it runs on the second core while the main thread goes
// on with the analysis (on a million clients the fit takes ~12 s, the analysis after it starts
// ~10 s). `settled` resolves when the worker has answered or failed; withSpendInWorker awaits it
// before the command reads anything of the spend model. Where no worker can run (its compiled file absent, as
// under the test runner, or the thread failing), the fit is made on the main thread as before.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { GammaGammaFit } from '../core/gamma-gamma.js';
import type { PurchaseDays } from '../core/purchase-days.js';
import { MIN_CLIENTS_FOR_GAMMA_GAMMA, judgedColumns, type SpendFitting } from '../core/spend.js';
import type { SpendReply, SpendTask } from './spend-worker.js';

const WORKER_URL = new URL('./spend-worker.js', import.meta.url);

export interface SpendInWorker extends SpendFitting {
  /** Resolves when the worker has answered, failed, or was never started. */
  settled(): Promise<void>;
  /** Stops the worker (the run failed before it was needed). */
  stop(): void;
}

export function spendInWorker(): SpendInWorker {
  let started: PurchaseDays | undefined;
  let fit: GammaGammaFit | undefined;
  let settled: Promise<void> = Promise.resolve();
  let running: Worker | undefined;
  return {
    start(purchases) {
      if (started !== undefined || !existsSync(fileURLToPath(WORKER_URL))) return;
      const task: SpendTask = judgedColumns(purchases);
      if (task.frequency.length < MIN_CLIENTS_FOR_GAMMA_GAMMA) return;
      started = purchases;
      settled = new Promise<void>((resolve) => {
        let worker: Worker;
        try {
          worker = new Worker(WORKER_URL, { workerData: task, transferList: [task.frequency.buffer, task.monetary.buffer] as ArrayBuffer[] });
        } catch {
          resolve();
          return;
        }
        running = worker;
        worker.once('message', (reply: SpendReply) => {
          if (reply.kind === 'fitted') fit = reply.fit;
          resolve();
        });
        worker.once('error', () => resolve());
        worker.once('exit', () => resolve());
      });
    },
    fitOf(purchases) {
      return purchases === started ? fit : undefined;
    },
    settled: () => settled,
    stop: () => void running?.terminate(),
  };
}

/**
 * Runs `work` (the analysis, or the purchase model) with the spend model fitted in a worker
 * thread beside it: the fit is waited for when `work` returns, and the worker stopped when it
 * throws.
 */
export async function withSpendInWorker<T>(work: (spend: SpendFitting) => T): Promise<T> {
  const spend = spendInWorker();
  let result: T;
  try {
    result = work(spend);
  } catch (error) {
    spend.stop();
    throw error;
  }
  await spend.settled();
  return result;
}
