// A worker thread that fits the Gamma-Gamma spend model (SPEC §6) on the clients it is given, so
// that the fit runs beside the rest of the analysis on the main thread. The same function on the
// same customers as the main thread would run: the same fit to the last bit.
import { parentPort, workerData } from 'node:worker_threads';
import { fitGammaGamma, type GammaGammaFit } from '../core/gamma-gamma.js';
import { columnCustomers } from '../core/spend.js';

export interface SpendTask {
  frequency: Float64Array;
  monetary: Float64Array;
}

export type SpendReply = { kind: 'fitted'; fit: GammaGammaFit } | { kind: 'failed' };

const task = workerData as SpendTask;
let reply: SpendReply;
try {
  reply = { kind: 'fitted', fit: fitGammaGamma(columnCustomers(task)) };
} catch {
  // The main thread fits again, and says what is wrong where it always has.
  reply = { kind: 'failed' };
}
parentPort!.postMessage(reply);
