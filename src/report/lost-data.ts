// `kam lost --format csv|json`: the win-back list and churn per period (and per direction) for
// scripts. Dates as YYYY-MM-DD, shares as fractions, empty field / null where a value does not exist.
import { formatDay } from '../core/calendar.js';
import type { ChurnPeriod } from '../core/churn.js';
import type { WinBackEntry, LostReport } from '../core/win-back.js';
import { roundValue, type ColumnKind } from './client-columns.js';
import { csvText } from './csv.js';
import { csvValue, dataRecord, type DataColumn } from './table-data.js';
import { en } from '../i18n/en.js';

type Column<T> = DataColumn<T>;

const day = (d: number | null): string | null => (d === null ? null : formatDay(d));

export const WIN_BACK_COLUMNS: readonly Column<WinBackEntry>[] = [
  { name: 'client', kind: 'text', value: (e) => e.client },
  { name: 'abc', kind: 'text', value: (e) => e.abc },
  { name: 'status', kind: 'text', value: (e) => e.status },
  { name: 'key', kind: 'boolean', value: (e) => e.key },
  { name: 'first_purchase', kind: 'date', value: (e) => day(e.firstPurchase) },
  { name: 'last_purchase', kind: 'date', value: (e) => day(e.lastPurchase) },
  { name: 'recency_days', kind: 'integer', value: (e) => e.recencyDays },
  { name: 'usual_interval_days', kind: 'number', value: (e) => e.usualIntervalDays },
  { name: 'purchase_days', kind: 'integer', value: (e) => e.purchaseDays },
  { name: 'risk_threshold_days', kind: 'number', value: (e) => e.riskThreshold },
  { name: 'lost_threshold_days', kind: 'number', value: (e) => e.lostThreshold },
  { name: 'revenue_12m', kind: 'money', value: (e) => e.revenue12m },
  { name: 'p_alive', kind: 'ratio', value: (e) => e.pAlive },
  { name: 'direction', kind: 'text', value: (e) => e.direction },
  // Data for scripts: the action's English words whatever --lang says.
  { name: 'action', kind: 'text', value: (e) => en.action[e.action] },
];

export const CHURN_COLUMNS: readonly Column<ChurnPeriod>[] = [
  { name: 'period', kind: 'text', value: (r) => r.period },
  { name: 'start', kind: 'date', value: (r) => day(r.start) },
  { name: 'end', kind: 'date', value: (r) => day(r.end) },
  { name: 'partial', kind: 'boolean', value: (r) => r.partial },
  { name: 'became_lost', kind: 'integer', value: (r) => r.becameLost },
  { name: 'lost_revenue', kind: 'money', value: (r) => r.lostRevenue },
  { name: 'came_back', kind: 'integer', value: (r) => r.cameBack },
  { name: 'still_lost', kind: 'integer', value: (r) => r.stillLost },
];

/** Direction label in the churn CSV for clients that never bought under a direction value. */
export const NO_DIRECTION = '(none)';

/** `safe`: --safe-csv (see csv.ts). */
export function* renderWinBackCsv(report: LostReport, safe = false): Generator<string> {
  yield `${WIN_BACK_COLUMNS.map((c) => c.name).join(',')}\n`;
  for (const e of report.winBack) yield `${WIN_BACK_COLUMNS.map((c) => csvValue(c, e, safe)).join(',')}\n`;
}

/**
 * Churn in long form: the overall rows first (direction empty), then every direction value's
 * rows (clients without a value under "(none)").
 */
export function* renderChurnCsv(report: LostReport, safe = false): Generator<string> {
  yield `direction,${CHURN_COLUMNS.map((c) => c.name).join(',')}\n`;
  for (const p of report.churn.periods) yield `,${CHURN_COLUMNS.map((c) => csvValue(c, p, safe)).join(',')}\n`;
  for (const d of report.byDirection ?? []) {
    const label = csvText(d.direction ?? NO_DIRECTION, safe);
    for (const p of d.churn.periods) yield `${label},${CHURN_COLUMNS.map((c) => csvValue(c, p, safe)).join(',')}\n`;
  }
}

/** --format ndjson: the rows of the table --table names, one JSON object a line (churn rows carry their direction, null overall). */
export function* renderLostNdjson(report: LostReport, table: 'win-back' | 'churn'): Generator<string> {
  if (table === 'win-back') {
    for (const e of report.winBack) yield `${JSON.stringify(dataRecord(WIN_BACK_COLUMNS, e))}\n`;
    return;
  }
  for (const p of report.churn.periods) yield `${JSON.stringify({ direction: null, ...dataRecord(CHURN_COLUMNS, p) })}\n`;
  for (const d of report.byDirection ?? []) for (const p of d.churn.periods) yield `${JSON.stringify({ direction: d.direction ?? NO_DIRECTION, ...dataRecord(CHURN_COLUMNS, p) })}\n`;
}

const round = (x: number, kind: ColumnKind): number => roundValue(x, kind);

export function* renderLostJson(report: LostReport, meta: { directionColumn: string | null; period: string }): Generator<string> {
  const c = report.counts;
  const fit = report.fit;
  const head = {
    as_of: formatDay(report.asOf),
    period: meta.period,
    direction_column: meta.directionColumn,
    clients: c.clients,
    active: c.active,
    at_risk: c.atRisk,
    lost: c.lost,
    revenue_at_stake: round(c.revenueAtStake, 'money'),
    lost_revenue: round(c.lostRevenue, 'money'),
    at_risk_revenue: round(c.atRiskRevenue, 'money'),
    lost_key_clients: report.lostKeys,
    bgnbd:
      fit === null
        ? null
        : {
            r: round(fit.params.r, 'ratio'),
            alpha: round(fit.params.alpha, 'ratio'),
            a: round(fit.params.a, 'ratio'),
            b: round(fit.params.b, 'ratio'),
            log_likelihood: round(fit.logLikelihood, 'number'),
          },
  };
  const headText = JSON.stringify(head, null, 2);
  yield `${headText.slice(0, -2)},\n  "win_back": [`;
  let first = true;
  for (const e of report.winBack) {
    yield `${first ? '\n    ' : ',\n    '}${JSON.stringify(dataRecord(WIN_BACK_COLUMNS, e))}`;
    first = false;
  }
  yield `${first ? '' : '\n  '}],\n  "churn": ${churnJson(report.churn.periods, '  ')},\n  "churn_by_direction": `;
  if (report.byDirection === null) yield 'null';
  else {
    yield '[';
    let firstDirection = true;
    for (const d of report.byDirection) {
      const dc = d.counts;
      const intro = JSON.stringify({ direction: d.direction, clients: d.clients, active: dc.active, at_risk: dc.atRisk, lost: dc.lost, revenue_at_stake: round(dc.revenueAtStake, 'money') });
      yield `${firstDirection ? '\n    ' : ',\n    '}${intro.slice(0, -1)}, "periods": ${churnJson(d.churn.periods, '      ')}}`;
      firstDirection = false;
    }
    yield `${firstDirection ? '' : '\n  '}]`;
  }
  yield '\n}\n';
}

function churnJson(periods: readonly ChurnPeriod[], indent: string): string {
  if (periods.length === 0) return '[]';
  return `[\n${periods.map((p) => `${indent}  ${JSON.stringify(dataRecord(CHURN_COLUMNS, p))}`).join(',\n')}\n${indent}]`;
}
