// `kam alive` output: the BG/NBD parameters and, per client, P(alive) and the expected purchase
// days in the horizon. JSON carries the parameters and the clients; CSV the clients alone.
import type { ChalkInstance } from 'chalk';
import { formatDay } from '../core/calendar.js';
import type { AliveTable as AliveResult, AliveRow } from '../core/alive.js';
import { numberText, roundValue, type ColumnKind } from './client-columns.js';
import { csvField } from './csv.js';
import { humanDay, humanInteger, humanNumber, humanPercent } from './human.js';
import { renderProblem } from './messages.js';
import type { RunContext } from './run-context.js';
import { table } from './terminal.js';

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

export function* renderAliveTerminal(result: AliveResult, context: RunContext, options: { chalk: ChalkInstance; top: number }): Generator<string> {
  const { chalk, top } = options;
  const fit = result.alive.fit!;
  const label = (text: string): string => chalk.bold(text.padEnd(16));
  const p = fit.params;
  const f = (x: number): string => x.toPrecision(5);
  const lines = [
    chalk.bold.underline(`kam alive — ${context.inputs.map((i) => i.name).join(', ')}`),
    `${label('As of')}${humanDay(result.asOf)}`,
    `${label('Clients')}${humanInteger(fit.customers)} with a purchase day (${humanInteger(result.rows.filter((r) => r.customer.frequency > 0).length)} bought on more than one day)`,
    `${label('BG/NBD')}r = ${f(p.r)}, α = ${f(p.alpha)}, a = ${f(p.a)}, b = ${f(p.b)}`,
    `${label('Log-likelihood')}${fit.logLikelihood.toFixed(2)} (${fit.converged ? 'converged' : chalk.yellow('not converged')} after ${fit.iterations} iterations)`,
    `${label('Expected')}${humanNumber(result.rows.reduce((s, r) => s + (r.expected ?? 0), 0))} purchase days from all clients in the next ${humanNumber(result.horizonWeeks)} weeks`,
  ];
  for (const n of context.notes) lines.push(`  ${n.severity === 'warning' ? chalk.yellow('!') : '•'} ${renderProblem(n)}`);
  yield `${lines.join('\n')}\n\n`;
  const t = table(
    chalk,
    ['#', 'Client', 'Purchase days', 'Recency (wk)', 'Age (wk)', 'P(alive)', `Expected in ${humanNumber(result.horizonWeeks)} wk`],
    ['right', 'left', 'right', 'right', 'right', 'right', 'right'],
    { compact: true },
  );
  result.rows.slice(0, top).forEach((r, i) => {
    const pAlive = r.pAlive ?? 1;
    const pa = humanPercent(r.pAlive);
    t.push([
      String(i + 1),
      r.client.length > 40 ? `${r.client.slice(0, 39)}…` : r.client,
      humanInteger(r.customer.frequency + 1),
      r.customer.recency.toFixed(1),
      r.customer.age.toFixed(1),
      pAlive < 0.5 ? chalk.red(pa) : pAlive < 0.8 ? chalk.yellow(pa) : pa,
      r.expected === null ? '' : r.expected.toFixed(2),
    ]);
  });
  const more = result.rows.length > top ? chalk.dim(`… and ${result.rows.length - top} more (--top N, or --format csv for all)\n`) : '';
  yield `${chalk.bold(`Clients by expected purchase days`)}\n${t.toString()}\n${more}`;
}
