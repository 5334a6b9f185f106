// SPEC §2: the analysis window is a run of whole periods.
import { KamError, type Problem } from './problems.js';
import { periodEnd, periodLabel, periodOf, periodStart, type PeriodKind } from './periods.js';
import { formatDay } from './calendar.js';
import type { AnalysisSettings } from './settings.js';

export interface AnalysisWindow {
  period: PeriodKind;
  /** Period indexes, inclusive. */
  firstPeriod: number;
  lastPeriod: number;
  periods: number;
  /** Days the window's rows come from, inclusive (the end never passes the as-of day). */
  startDay: number;
  endDay: number;
  asOf: number;
  labels: string[];
  notes: Problem[];
}

/** The window of a ledger's lines (SPEC §2); a KamError for an empty ledger. */
export function ledgerWindow(
  ledger: { firstDay: number | undefined; lastDay: number | undefined },
  settings: Pick<AnalysisSettings, 'asOf' | 'from' | 'to' | 'includePartial' | 'period'>,
): AnalysisWindow {
  if (ledger.firstDay === undefined || ledger.lastDay === undefined) throw new KamError({ code: 'no-rows' });
  return resolveWindow(ledger.firstDay, ledger.lastDay, settings);
}

export function resolveWindow(
  ledgerFirstDay: number,
  ledgerLastDay: number,
  settings: Pick<AnalysisSettings, 'asOf' | 'from' | 'to' | 'includePartial' | 'period'>,
): AnalysisWindow {
  const kind = settings.period;
  const asOf = settings.asOf ?? ledgerLastDay;
  const notes: Problem[] = [];
  // The ledger covers [first day, as-of]: rows after the as-of day do not exist for the analysis,
  // and an as-of day past the last row means the silence up to it is real data.
  const partial = (edge: 'leading' | 'trailing', index: number, from: number, to: number): Problem => ({
    code: settings.includePartial ? 'partial-period-kept' : 'partial-period-dropped',
    severity: 'note',
    value: periodLabel(kind, index),
    details: { edge, from: formatDay(from), to: formatDay(to) },
  });

  let firstPeriod: number;
  if (settings.from !== undefined) firstPeriod = periodOf(kind, settings.from);
  else {
    firstPeriod = periodOf(kind, ledgerFirstDay);
    if (ledgerFirstDay > periodStart(kind, firstPeriod)) {
      notes.push(partial('leading', firstPeriod, ledgerFirstDay, periodEnd(kind, firstPeriod)));
      if (!settings.includePartial) firstPeriod++;
    }
  }

  let lastPeriod: number;
  const asOfPeriod = periodOf(kind, asOf);
  if (settings.to !== undefined && periodOf(kind, settings.to) <= asOfPeriod) lastPeriod = periodOf(kind, settings.to);
  else {
    // Periods after the as-of day hold no rows by definition: counting them would be fake
    // silence, so a --to past the as-of day ends the window as if no --to were given.
    if (settings.to !== undefined) {
      notes.push({ code: 'window-capped', severity: 'note', value: formatDay(settings.to), details: { asOf: formatDay(asOf) } });
    }
    lastPeriod = asOfPeriod;
    if (asOf < periodEnd(kind, lastPeriod)) {
      notes.push(partial('trailing', lastPeriod, periodStart(kind, lastPeriod), asOf));
      if (!settings.includePartial) lastPeriod--;
    }
  }

  if (lastPeriod < firstPeriod) {
    throw new KamError({
      code: 'empty-window',
      details: {
        from: formatDay(ledgerFirstDay),
        to: formatDay(asOf),
        period: kind,
      },
    });
  }
  const labels: string[] = [];
  for (let p = firstPeriod; p <= lastPeriod; p++) labels.push(periodLabel(kind, p));
  return {
    period: kind,
    firstPeriod,
    lastPeriod,
    periods: lastPeriod - firstPeriod + 1,
    startDay: periodStart(kind, firstPeriod),
    endDay: Math.min(periodEnd(kind, lastPeriod), asOf),
    asOf,
    labels,
    notes,
  };
}
