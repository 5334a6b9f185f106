// `kam alive` output: the BG/NBD parameters and, per client, P(alive) and the expected purchase
// days in the horizon; the spend model; the holdout check. JSON carries the parameters, the spend
// block, the holdout block and the clients; CSV the clients alone.
import type { ChalkInstance } from 'chalk';
import { formatDay } from '../core/calendar.js';
import type { AliveTable as AliveResult, AliveRow } from '../core/alive.js';
import type { AliveModel } from '../core/alive-model.js';
import { purchaseModelSound } from '../core/alive.js';
import { numberText, roundValue, type ColumnKind } from './client-columns.js';
import { csvText } from './csv.js';
import type { Messages } from '../i18n/en.js';
import { renderProblem } from './messages.js';
import { holdoutJson, spendJson } from './model-json.js';
import { bgNbdParamsText, renderHoldout, spendLines } from './model-terminal.js';
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

/** The model's figures of a client, or none when the fit did not settle (never a probability as if it were sound). */
const UNSOUND = new Set(['p_alive', 'expected_purchases']);
function valueOf(c: Column, row: AliveRow, sound: boolean): string | number | null {
  return !sound && UNSOUND.has(c.name) ? null : c.value(row);
}

/** `safe`: --safe-csv (see csv.ts). */
export function* renderAliveCsv(result: AliveResult, safe = false): Generator<string> {
  const sound = purchaseModelSound(result.alive);
  yield `${ALIVE_COLUMNS.map((c) => c.name).join(',')}\n`;
  for (const row of result.rows) {
    yield `${ALIVE_COLUMNS.map((c) => {
      const v = valueOf(c, row, sound);
      return v === null ? '' : typeof v === 'number' ? numberText(v, c.kind) : csvText(v, safe);
    }).join(',')}\n`;
  }
}

function aliveRecord(row: AliveRow, sound: boolean): Record<string, string | number | null> {
  const record: Record<string, string | number | null> = {};
  for (const c of ALIVE_COLUMNS) {
    const v = valueOf(c, row, sound);
    record[c.name] = typeof v === 'number' ? roundValue(v, c.kind) : v;
  }
  return record;
}

/** --format ndjson: the clients of the JSON's "customers", one a line. */
export function* renderAliveNdjson(result: AliveResult): Generator<string> {
  const sound = purchaseModelSound(result.alive);
  for (const row of result.rows) yield `${JSON.stringify(aliveRecord(row, sound))}\n`;
}

export function* renderAliveJson(model: AliveModel): Generator<string> {
  const result = model.table;
  const fit = result.alive.fit!;
  const sound = purchaseModelSound(result.alive);
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
    spend: spendJson(model.spend),
    ...(model.holdout === null ? {} : { holdout: holdoutJson(model.holdout) }),
  };
  const text = JSON.stringify(head, null, 2);
  yield `${text.slice(0, -2)},\n  "customers": [`;
  let first = true;
  for (const row of result.rows) {
    yield `${first ? '\n    ' : ',\n    '}${JSON.stringify(aliveRecord(row, sound))}`;
    first = false;
  }
  yield `${first ? '' : '\n  '}]\n}\n`;
}

export function* renderAliveTerminal(model: AliveModel, context: RunContext, options: { chalk: ChalkInstance; top: number; t: Messages; width?: number | undefined }): Generator<string> {
  const { chalk, top, t, width } = options;
  const result = model.table;
  const h = t.human;
  const fit = result.alive.fit!;
  const sound = purchaseModelSound(result.alive);
  const L = t.alive.labels;
  const { label } = labeller(chalk, [...Object.values(L), ...Object.values(t.model.labels)], 16);
  const converged = t.alive.converged(fit.converged, fit.iterations);
  const lines = [
    chalk.bold.underline(`kam alive — ${context.inputs.map((i) => i.name).join(', ')}`),
    `${label(L.asOf)}${h.day(result.asOf)}`,
    `${label(L.clients)}${t.alive.clients(h.integer(fit.customers), h.integer(result.rows.filter((r) => r.customer.frequency > 0).length))}`,
  ];
  // A fit that ran off to a boundary is no estimate: its parameters are said once, in the sentence below.
  if (sound) lines.push(`${label(L.model)}${bgNbdParamsText(fit, t)}`, `${label(L.logLikelihood)}${h.fixed(fit.logLikelihood, 2)} (${fit.converged ? converged : chalk.yellow(converged)})`);
  // A sum of expectations from a fit that did not settle would read as a forecast: not shown.
  if (sound) lines.push(`${label(L.expected)}${t.alive.expected(h.number(result.rows.reduce((s, r) => s + (r.expected ?? 0), 0)), h.number(result.horizonWeeks))}`);
  lines.push(...spendLines(model.spend, label, t));
  for (const n of context.notes) lines.push(`  ${n.severity === 'warning' ? chalk.yellow('!') : '•'} ${renderProblem(n, t)}`);
  yield `${lines.join('\n')}\n\n`;
  if (!sound) yield `${chalk.yellow(t.model.notSound(bgNbdParamsText(fit, t)))}\n\n`;
  // Without a sound fit the table keeps the facts (purchase days, recency, age) and drops the model's figures.
  const headers = t.alive.headers(h.number(result.horizonWeeks));
  const tbl = table(chalk, sound ? headers : headers.slice(0, 5), ['right', 'left', 'right', 'right', 'right', 'right', 'right'], {
    compact: true,
    width,
    drop: [4, 3],
    omitted: t.columnsNotShown,
  });
  result.rows.slice(0, top).forEach((r, i) => {
    const pAlive = r.pAlive ?? 1;
    const pa = h.percent(r.pAlive, 0);
    const facts = [String(i + 1), r.client.length > 40 ? `${r.client.slice(0, 39)}…` : r.client, h.integer(r.customer.frequency + 1), h.fixed(r.customer.recency, 1), h.fixed(r.customer.age, 1)];
    tbl.push(sound ? [...facts, pAlive < 0.5 ? chalk.red(pa) : pAlive < 0.8 ? chalk.yellow(pa) : pa, r.expected === null ? '' : h.fixed(r.expected, 2)] : facts);
  });
  const more = result.rows.length > top ? chalk.dim(`${t.more(result.rows.length - top, t.moreHint.topOrCsv)}\n`) : '';
  yield `${chalk.bold(sound ? t.alive.title : t.model.clientsTitle)}\n${tbl.toString()}\n${more}`;
  if (model.holdout !== null) yield `\n${renderHoldout(model.holdout, chalk, t)}`;
}
