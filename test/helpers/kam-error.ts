// The KamError a call throws: fails the test when it throws nothing, and rethrows anything else
// (a TypeError is a bug, not a refusal).
import { KamError } from '../../src/core/problems.js';

export function kamErrorOf(run: () => unknown): KamError {
  try {
    run();
  } catch (error) {
    if (error instanceof KamError) return error;
    throw error;
  }
  throw new Error('no KamError thrown');
}
