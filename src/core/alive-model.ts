// `kam alive` as a whole (SPEC §6): the purchase model (BG/NBD) and the spend model (Gamma-Gamma)
// fitted on the purchase days up to one day, and — with a holdout — judged on the days after it.
// With a calibration end the models are fitted as of that day (as --as-of would), so the fit shown
// is the fit judged.
import { aliveTableOf, assessAlive, type AliveTable } from './alive.js';
import { holdoutCheck, type HoldoutCheck } from './holdout.js';
import type { Ledger } from './ledger.js';
import { purchaseDaysOf } from './purchase-days.js';
import { assessSpend, type SpendAssessment, type SpendFitting } from './spend.js';

export interface AliveModel {
  /** The BG/NBD fit and the per-client figures, as of the calibration end when there is one. */
  table: AliveTable;
  spend: SpendAssessment;
  /** null without a calibration end. */
  holdout: HoldoutCheck | null;
}

/**
 * Both models as of `asOf`, or — given `calibrationEnd` (before `asOf`) — as of the calibration end,
 * with the holdout check on the days after it up to `asOf`. Given `spendFitting` (and no
 * calibration end), the Gamma-Gamma fit is started there as soon as the purchase days are known,
 * beside the BG/NBD fit, and the spend model is made when it is first read (the caller waits for
 * the fitting first); the same fit either way.
 */
export function aliveModel(ledger: Ledger, asOf: number, horizonWeeks: number, calibrationEnd?: number, spendFitting?: SpendFitting): AliveModel {
  if (calibrationEnd === undefined) {
    const purchases = purchaseDaysOf(ledger, asOf);
    spendFitting?.start(purchases);
    const table = aliveTableOf(assessAlive(purchases), horizonWeeks);
    let spend: SpendAssessment | undefined;
    return {
      table,
      get spend() {
        return (spend ??= assessSpend(purchases, spendFitting));
      },
      holdout: null,
    };
  }
  const check = holdoutCheck(ledger, calibrationEnd, asOf);
  return { table: aliveTableOf(check.alive, horizonWeeks), spend: check.spend, holdout: check };
}
