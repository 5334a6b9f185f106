// Every client's metric per window period, for the outputs that show them all (the workbook's
// Clients and Series sheets). The analysis keeps no series (at a million clients they were a fifth
// of it): this table is made from the ledger when an output first asks, one row per client of
// analysis.clients in its order, the same numbers metricSeriesOf gives.
import { metricSeriesMaker, type Analysis } from './analyze.js';
import type { Ledger } from './ledger.js';

export class PeriodSeries {
  readonly periods: number;
  readonly #values: Float64Array;

  constructor(periods: number, values: Float64Array) {
    this.periods = periods;
    this.#values = values;
  }

  /** The metric of analysis.clients[client] in window period `period`. */
  at(client: number, period: number): number {
    return this.#values[client * this.periods + period]!;
  }
}

export function periodSeriesOf(ledger: Ledger, analysis: Pick<Analysis, 'clients' | 'window' | 'settings'>): PeriodSeries {
  const periods = analysis.window.periods;
  const values = new Float64Array(analysis.clients.length * periods);
  const seriesOf = metricSeriesMaker(analysis.window, analysis.settings.by);
  analysis.clients.forEach((c, i) => {
    const history = ledger.clients.get(c.client);
    if (history !== undefined) values.set(seriesOf(history), i * periods);
  });
  return new PeriodSeries(periods, values);
}
