// Model: the purchase model (BG/NBD) and the spend model (Gamma-Gamma) as fitted, the expected
// revenue they give, and — with a holdout date — how they did on the days after it: the table per
// calibration frequency, the error, and the cumulative actual vs expected by week as a native chart
// (SPEC §6). When the purchase model does not fit, the sheet says so in one plain sentence.
import type { AliveAssessment } from '../../core/alive.js';
import type { ValueAssessment } from '../../core/expected-revenue.js';
import { purchaseModelSound } from '../../core/alive.js';
import type { HoldoutCheck } from '../../core/holdout.js';
import type { SpendAssessment } from '../../core/spend.js';
import { MIN_CLIENTS_FOR_GAMMA_GAMMA } from '../../core/spend.js';
import type { Messages } from '../../i18n/en.js';
import { capitalise } from '../../i18n/helpers.js';
import type { Problem } from '../../core/problems.js';
import { renderProblem } from '../messages.js';
import { MODEL_NOTES } from './summary.js';
import { bgNbdParamsText } from '../model-terminal.js';
import type { Book } from './book.js';
import { lineChartXml, rangeRef } from './chart.js';
import { Rows } from './rows.js';
import type { WorkbookSheet } from './sheet.js';
import { STYLE, dateValue, plain, toneText, totalCell, type CellStyle } from './style.js';

/** What the Model sheet shows: the fits as of `asOf`, and optionally the expected revenue and a holdout check. */
export interface ModelView {
  asOf: number;
  alive: AliveAssessment;
  spend: SpendAssessment;
  /** analyze: the expected revenue over the horizon; null in kam alive. */
  value: ValueAssessment | null;
  /** kam alive --holdout; null without it. */
  holdout: HoldoutCheck | null;
  /** The run's notes about the purchase model (analyze: why there is no P(alive)), said here once. */
  notes?: readonly Problem[];
}

const WIDTHS = [40, 16, 16, 16, 70];
/** Model parameters: four decimals are as many as a fit on real data can vouch for. */
const PARAM_FORMAT = '#,##0.0000';

export function writeModelSheet(book: Book, view: ModelView, t: Messages): void {
  const M = t.model;
  const S = M.sheet;
  const F = t.numFmt;
  const h = t.human;
  const NAME = t.workbook.sheets.model;
  const sheet = book.addSheet(NAME, { pagesWide: 1 });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const rows = new Rows(sheet);
  const label = STYLE.label;
  const value = (numFmt?: string): CellStyle => plain(numFmt, { align: 'right' });
  const comment = plain(undefined, { grey: true, wrap: true });
  const sentence = (text: string, style: CellStyle = plain(undefined, { wrap: true })): void => {
    rows.add([text], [style], { merge: [1, 5], fit: { col: 1, width: WIDTHS.reduce((s, w) => s + w, 0) - 4 } });
  };
  const header = (): void => {
    rows.add([S.parameter, S.value, '', '', S.meaning], [STYLE.headerLeft, STYLE.headerRight, STYLE.headerRight, STYLE.headerRight, STYLE.headerLeft]);
  };
  const param = (name: string, x: number, meaning: string): void => {
    rows.add([name, x, '', '', meaning], [label, value(PARAM_FORMAT), undefined, undefined, comment]);
  };

  rows.title(S.title, S.subtitle(h.day(view.asOf)));

  // Purchase model.
  rows.section(S.purchaseTitle, 5);
  const fit = view.alive.fit;
  const notes = view.notes ?? [];
  if (fit === null && notes.length === 0) {
    sentence(M.notFittedShort, plain(undefined, { italic: true, wrap: true }));
  } else if (fit !== null) {
    header();
    param('r', fit.params.r, S.r);
    param('α', fit.params.alpha, S.alpha);
    param('a', fit.params.a, S.a);
    param('b', fit.params.b, S.b);
    rows.add([S.logLikelihood, fit.logLikelihood], [label, value(F.ratio)]);
    rows.add([S.clients, fit.customers], [label, value(F.integer)]);
    rows.add([S.converged, fit.converged ? S.yes : S.no], [label, fit.converged ? value() : toneText('weak')]);
    if (!purchaseModelSound(view.alive) && notes.length === 0) sentence(M.notSound(bgNbdParamsText(fit, t)), toneText('weak'));
  }
  for (const note of notes) sentence(capitalise(renderProblem(note, t)), plain(undefined, { italic: true, wrap: true }));

  // Spend model.
  rows.section(S.spendTitle, 5);
  const spend = view.spend;
  if (spend.fit === null) {
    const status = spend.status === 'no-mean' ? 'no-mean' : 'too-few-clients';
    sentence(M.spendNotFitted(status, h.integer(spend.judged), h.integer(MIN_CLIENTS_FOR_GAMMA_GAMMA)), plain(undefined, { italic: true, wrap: true }));
  } else {
    header();
    param('p', spend.fit.params.p, S.p);
    param('q', spend.fit.params.q, S.q);
    param('γ', spend.fit.params.gamma, S.gamma);
    rows.add([S.logLikelihood, spend.fit.logLikelihood], [label, value(F.ratio)]);
    rows.add([S.clients, spend.fit.customers], [label, value(F.integer)]);
    rows.add([S.leftOut, spend.nonPositive], [label, value(F.integer)]);
    rows.add([S.converged, spend.fit.converged ? S.yes : S.no], [label, spend.fit.converged ? value() : toneText('watch')]);
    if (spend.populationMean !== null) rows.add([S.populationMean, spend.populationMean], [label, value(F.money)]);
  }

  // Expected revenue (analyze).
  const v = view.value;
  if (v !== null) {
    rows.section(S.revenueTitle, 5);
    rows.add([S.horizon, v.settings.horizonWeeks], [label, value(F.general)]);
    rows.add([S.discount, v.settings.annualDiscount ?? S.none], [label, v.settings.annualDiscount === null ? value() : value(F.percent)]);
    if (v.total === null) sentence(v.purchasesSound ? M.notFittedShort : M.notSoundShort, plain(undefined, { italic: true, wrap: true }));
    else rows.add([S.expectedTotal, v.total], [label, value(F.moneyRound)]);
  }

  // Holdout check.
  const check = view.holdout;
  rows.section(M.labels.holdout, 5);
  if (check === null) {
    sentence(S.holdoutNone, plain(undefined, { italic: true, wrap: true }));
    sheet.commit();
    return;
  }
  sentence(M.holdoutTitle(h.day(check.calibrationEnd), h.day(check.end), h.number(Math.round(check.weeks * 100) / 100)));
  rows.add([S.calibrationEnd, dateValue(check.calibrationEnd)], [label, value(F.date)]);
  rows.add([S.end, dateValue(check.end)], [label, value(F.date)]);
  const [hFreq, hClients, hActual, hExpected] = M.holdoutHeaders as [string, string, string, string];
  rows.add([hFreq, hClients, hActual, hExpected], [STYLE.headerLeft, STYLE.headerRight, STYLE.headerRight, STYLE.headerRight], { height: 32 });
  const ruled = (numFmt?: string): CellStyle => plain(numFmt, { ruled: true, align: 'right' });
  for (const g of check.byFrequency) rows.add([g.frequency, g.clients, g.actual, g.predicted], [plain(undefined, { ruled: true }), ruled(F.integer), ruled('0.000'), ruled('0.000')]);
  const n = check.total.clients;
  rows.add(
    [M.total, n, n === 0 ? null : check.total.actual / n, n === 0 || check.total.predicted === null ? null : check.total.predicted / n],
    [totalCell(), totalCell(F.integer), totalCell('0.000'), totalCell('0.000')],
  );
  rows.add([M.holdoutTotals(h.integer(check.total.actual), check.total.predicted === null ? '–' : h.number(Math.round(check.total.predicted * 10) / 10))], [comment], { merge: [1, 5] });
  if (check.error.mae !== null) rows.add([S.mae, check.error.mae], [label, value('0.000')]);
  if (check.error.correlation !== null) rows.add([S.correlation, check.error.correlation], [label, value('0.000')]);
  if (check.total.predicted === null) sentence(M.holdoutNoFit, plain(undefined, { italic: true, wrap: true }));
  if (check.newClients > 0) sentence(M.holdoutNew(h.integer(check.newClients)), comment);

  // The weekly tracking: a table, and the chart drawn from it.
  rows.blank();
  const weekHeader = rows.add([M.week, M.actual, M.expected], [STYLE.headerLeft, STYLE.headerRight, STYLE.headerRight]);
  const first = weekHeader + 1;
  for (const w of check.weekly) rows.add([w.week, w.actualCumulative, w.predictedCumulative], [plain(undefined, { ruled: true, align: 'left' }), ruled(F.integer), ruled('#,##0.0')]);
  const last = first + check.weekly.length - 1;
  if (check.weekly.length > 0) {
    const chartXml = lineChartXml({
      title: M.chartTitle,
      categories: { ref: rangeRef(NAME, 'A', first, 'A', last), labels: check.weekly.map((w) => String(w.week)), title: M.week },
      lines: [
        { name: M.actual, nameRef: rangeRef(NAME, 'B', weekHeader, 'B', weekHeader), ref: rangeRef(NAME, 'B', first, 'B', last), values: check.weekly.map((w) => w.actualCumulative), color: '1F4E78', width: 2.25 },
        {
          name: M.expected,
          nameRef: rangeRef(NAME, 'C', weekHeader, 'C', weekHeader),
          ref: rangeRef(NAME, 'C', first, 'C', last),
          values: check.weekly.map((w) => w.predictedCumulative),
          color: 'C55A11',
          width: 2,
          dash: 'dash',
        },
      ],
      axis: { title: S.chartAxis, numFmt: F.axisInteger },
    });
    book.addChart(sheet, { name: S.chartName, chartXml, from: { col: 3, row: weekHeader - 1 }, to: { col: 5, row: weekHeader - 1 + 22 } });
  }
  sheet.commit();
}

/** analyze's workbook: the fits of the run (as of its as-of date), the expected revenue; no holdout. */
export const modelSheet: WorkbookSheet = {
  id: 'model',
  write(book, { report, t }) {
    const value = report.value;
    const notes = report.notes.filter((p) => MODEL_NOTES.has(p.code));
    writeModelSheet(book, { asOf: report.analysis.window.asOf, alive: value.alive, spend: value.spend, value, holdout: null, notes }, t);
  },
};
