// `kam portfolio --format csv|json`: one row per portfolio for scripts (SPEC §11); clients
// without a direction value under "(none)", last.
import type { PortfolioRow, Portfolios } from '../core/portfolio.js';
import { NO_DIRECTION } from './lost-data.js';
import { csvHeader, csvLine, jsonRecords, ndjsonRecords, type DataColumn } from './table-data.js';

export const PORTFOLIO_COLUMNS: readonly DataColumn<PortfolioRow>[] = [
  { name: 'direction', kind: 'text', value: (r) => r.direction ?? NO_DIRECTION },
  { name: 'clients', kind: 'integer', value: (r) => r.clients },
  { name: 'revenue', kind: 'money', value: (r) => r.revenue },
  { name: 'share', kind: 'share', value: (r) => r.share },
  { name: 'key_clients', kind: 'integer', value: (r) => r.keyClients },
  { name: 'class_a', kind: 'integer', value: (r) => r.a },
  { name: 'class_b', kind: 'integer', value: (r) => r.b },
  { name: 'class_c', kind: 'integer', value: (r) => r.c },
  { name: 'active', kind: 'integer', value: (r) => r.statuses.active },
  { name: 'at_risk', kind: 'integer', value: (r) => r.statuses.atRisk },
  { name: 'lost', kind: 'integer', value: (r) => r.statuses.lost },
  { name: 'revenue_at_stake', kind: 'money', value: (r) => r.statuses.revenueAtStake },
  { name: 'churned_last_period', kind: 'money', value: (r) => r.churnedLastPeriod },
];

export function* renderPortfolioCsv(p: Portfolios): Generator<string> {
  yield csvHeader(PORTFOLIO_COLUMNS);
  for (const r of p.rows) yield csvLine(PORTFOLIO_COLUMNS, r);
}

export function* renderPortfolioJson(p: Portfolios): Generator<string> {
  yield* jsonRecords(PORTFOLIO_COLUMNS, p.rows);
  yield '\n';
}

export const renderPortfolioNdjson = (p: Portfolios): Generator<string> => ndjsonRecords(PORTFOLIO_COLUMNS, p.rows);
