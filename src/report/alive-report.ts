// `kam alive` output: the BG/NBD parameters and, per client, P(alive) and the expected purchase
// days in the horizon. JSON carries the parameters and the clients; CSV the clients alone.
import type { ChalkInstance } from 'chalk';
import { formatDay } from '../core/calendar.js';
import type { AliveTable as AliveResult, AliveRow } from '../core/alive.js';
import { numberText, roundValue, type ColumnKind } from './client-columns.js';
import { csvField } from './csv.js';
import type { Messages } from '../i18n/en.js';
import { renderProblem } from './messages.js';
import type { RunContext } from './run-context.js';
import { labeller, table } from './terminal-kit.js';

interface Column {
  name: string;
  kind: ColumnKind;
  value: (row: AliveRow) => string | number | null;
}

export const ALIVE_COLUMNS: readonly Column[] = [
  { name: 'client', kind: 'text', value: (r) => r.client },
  { name: 'frequency', kind: 'integer', value: (r) => r.customer.frequency },
  { name: 'recency_weeks', kind: 'number', value: (r) => r.customer.recency },
  { name: 'age_weeks', kind: 'number', value: (r) => r.customer.age },
  { name: 'p_alive', kind: 'ratio', value: (r) => r.pAlive },
  { name: 'expected_purchases', kind: 'ratio', value: (r) => r.expected },
];

export function* renderAliveCsv(result: AliveResult): Generator<string> {
  yield `${ALIVE_COLUMNS.map((c) => c.name).join(',')}\n`;
  for (const row of result.rows) {
    yield `${ALIVE_COLUMNS.map((c) => {
      const v = c.value(row);
      return v === null ? '' : typeof v === 'number' ? numberText(v, c.kind) : csvField(v);
    }).join(',')}\n`;
  }
}

export function* renderAliveJson(result: AliveResult): Generator<string> {
  const fit = result.alive.fit!;
  const head = {
    as_of: formatDay(result.asOf),
    horizon_weeks: result.horizonWeeks,
    clients: fit.customers,
    params: {
      r: roundValue(fit.params.r, 'ratio'),
      alpha: roundValue(fit.params.alpha, 'ratio'),
      a: roundValue(fit.params.a, 'ratio'),
      b: roundValue(fit.params.b, 'ratio'),
    },
    log_likelihood: roundValue(fit.logLikelihood, 'number'),
    converged: fit.converged,
    iterations: fit.iterations,
  };
  const text = JSON.stringify(head, null, 2);
  yield `${text.slice(0, -2)},\n  "customers": [`;
  let first = true;
  for (const row of result.rows) {
    const record: Record<string, string | number | null> = {};
    for (const c of ALIVE_COLUMNS) {
      const v = c.value(row);
      record[c.name] = typeof v === 'number' ? roundValue(v, c.kind) : v;
    }
    yield `${first ? '\n    ' : ',\n    '}${JSON.stringify(record)}`;
    first = false;
  }
  yield `${first ? '' : '\n  '}]\n}\n`;
}

export function* renderAliveTerminal(result: AliveResult, context: RunContext, options: { chalk: ChalkInstance; top: number; t: Messages }): Generator<string> {
  const { chalk, top, t } = options;
  const h = t.human;
  const fit = result.alive.fit!;
  const L = t.alive.labels;
  const { label } = labeller(chalk, Object.values(L), 16);
  const p = fit.params;
  const f = (x: number): string => h.precision(x, 5);
  const converged = t.alive.converged(fit.converged, fit.iterations);
  const lines = [
    chalk.bold.underline(`kam alive — ${context.inputs.map((i) => i.name).join(', ')}`),
    `${label(L.asOf)}${h.day(result.asOf)}`,
    `${label(L.clients)}${t.alive.clients(h.integer(fit.customers), h.integer(result.rows.filter((r) => r.customer.frequency > 0).length))}`,
    `${label(L.model)}r = ${f(p.r)}, α = ${f(p.alpha)}, a = ${f(p.a)}, b = ${f(p.b)}`,
    `${label(L.logLikelihood)}${h.fixed(fit.logLikelihood, 2)} (${fit.converged ? converged : chalk.yellow(converged)})`,
    `${label(L.expected)}${t.alive.expected(h.number(result.rows.reduce((s, r) => s + (r.expected ?? 0), 0)), h.number(result.horizonWeeks))}`,
  ];
  for (const n of context.notes) lines.push(`  ${n.severity === 'warning' ? chalk.yellow('!') : '•'} ${renderProblem(n, t)}`);
  yield `${lines.join('\n')}\n\n`;
  const tbl = table(chalk, t.alive.headers(h.number(result.horizonWeeks)), ['right', 'left', 'right', 'right', 'right', 'right', 'right'], { compact: true });
  result.rows.slice(0, top).forEach((r, i) => {
    const pAlive = r.pAlive ?? 1;
    const pa = h.percent(r.pAlive);
    tbl.push([
      String(i + 1),
      r.client.length > 40 ? `${r.client.slice(0, 39)}…` : r.client,
      h.integer(r.customer.frequency + 1),
      h.fixed(r.customer.recency, 1),
      h.fixed(r.customer.age, 1),
      pAlive < 0.5 ? chalk.red(pa) : pAlive < 0.8 ? chalk.yellow(pa) : pa,
      r.expected === null ? '' : h.fixed(r.expected, 2),
    ]);
  });
  const more = result.rows.length > top ? chalk.dim(`${t.more(result.rows.length - top, t.moreHint.topOrCsv)}\n`) : '';
  yield `${chalk.bold(t.alive.title)}\n${tbl.toString()}\n${more}`;
}
