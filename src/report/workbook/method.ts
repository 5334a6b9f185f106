// Method: every setting the run used, with the option that sets it and what it means, the kam
// version and the dates — enough for a reviewer to understand the figures and repeat the run.
import type { Report } from '../../core/report.js';
import { formatDay } from '../../core/calendar.js';
import { LOST_FLOOR_DAYS, MIN_PURCHASE_DAYS_FOR_RHYTHM, RISK_FLOOR_DAYS } from '../../core/lost.js';
import { capitalise } from '../../i18n/helpers.js';
import { columnHeader, columnMeaning } from './labels.js';
import { CLIENTS_SHEET_COLUMNS } from './clients.js';
import { MAX_BARS } from './pareto.js';
import { Rows, type CellValue } from './rows.js';
import type { WorkbookSheet } from './sheet.js';
import { describeInput } from './summary.js';
import { STYLE, dateValue, plain, type CellStyle } from './style.js';

const WIDTHS = [30, 22, 20, 90];
const MEANING_WIDTH = WIDTHS[3]!;
const pct = (x: number): string => String(Math.round(x * 1000) / 10);

/** The options that repeat this analysis (the ledger files aside). */
export function equivalentOptions(report: Pick<Report, 'analysis' | 'migration'>): string {
  const a = report.analysis;
  const s = a.settings;
  const options = [
    `--as-of ${formatDay(a.window.asOf)}`,
    ...(s.from === undefined ? [] : [`--from ${formatDay(s.from)}`]),
    ...(s.to === undefined ? [] : [`--to ${formatDay(s.to)}`]),
    ...(s.includePartial ? ['--include-partial'] : []),
    `--period ${s.period}`,
    `--by ${s.by}`,
    `--abc ${pct(s.abcCutoffs[0])},${pct(s.abcCutoffs[1])}`,
    `--abc-boundary ${s.abcBoundary}`,
    `--xyz ${pct(s.xyzCutoffs[0])},${pct(s.xyzCutoffs[1])}`,
    `--xyz-start ${s.xyzStart}`,
    `--sd ${s.sd}`,
    `--min-periods ${s.minPeriods}`,
    `--lost-after ${s.lostAfter}`,
    `--lost-factor ${s.lostFactor}`,
    `--risk-factor ${s.riskFactor}`,
    `--key-share ${pct(s.keyShare)}`,
    `--breadwinner-share ${pct(s.breadwinnerShare)}`,
    `--new-within ${s.newWithinMonths}`,
    `--horizon ${s.horizonWeeks}`,
    ...(s.annualDiscount === null ? [] : [`--discount ${s.annualDiscount}`]),
    ...(report.migration === null ? [] : [`--compare ${report.migration.spec.kind === 'previous' ? 'previous' : `${formatDay(report.migration.spec.from)}..${formatDay(report.migration.spec.to)}`}`]),
  ];
  return options.join(' ');
}

export const methodSheet: WorkbookSheet = {
  id: 'method',
  write(book, { report, context, generatedAt, t }) {
    const a = report.analysis;
    const T = t.workbook.method;
    const F = t.numFmt;
    const sheet = book.addSheet(t.workbook.sheets.method, { pagesWide: 1 });
    sheet.columns = WIDTHS.map((width) => ({ width }));
    const rows = new Rows(sheet);
    const s = a.settings;
    const w = a.window;
    const h = t.human;
    const pc = (x: number): string => h.number(Math.round(x * 1000) / 10);
    // Rows of several lines read from the top: every cell aligned to the first line.
    const name = plain(undefined, { bold: true, ruled: true, valign: 'top' });
    const value = (numFmt?: string): CellStyle => plain(numFmt, { align: 'left', ruled: true, valign: 'top' });
    const option = plain(undefined, { grey: true, ruled: true, valign: 'top' });
    const meaning = plain(undefined, { wrap: true, ruled: true });
    const setting = (label: string, v: CellValue, opt: string, text: string, numFmt?: string): void => {
      rows.add([label, v, opt, text], [name, value(numFmt), option, meaning], { fit: { col: 4, width: MEANING_WIDTH - 1 } });
    };
    const header = (): void => {
      rows.add([...T.headers], [STYLE.headerLeft, STYLE.headerLeft, STYLE.headerLeft, STYLE.headerLeft], { height: 20 });
    };

    rows.title(T.title, T.subtitle);

    rows.section(T.sections.run, 4);
    header();
    setting(T.version[0]!, context.version, '', T.version[1]!);
    setting(T.made[0]!, generatedAt, '', T.made[1]!, F.dateTime);
    for (const input of context.inputs) setting(T.ledger, input.name, '', T.readAs(describeInput(input, t)));
    setting(T.language[0]!, t.languageName, `--lang ${t.lang}`, T.language[1]!);
    const command = `kam analyze ${T.commandLedger} ${equivalentOptions(report)}`;
    rows.add([T.command, command], [name, meaning], { merge: [2, 4], fit: { col: 2, width: WIDTHS[1]! + WIDTHS[2]! + MEANING_WIDTH - 2 } });
    rows.add(['', T.commandNote], [name, plain(undefined, { grey: true, italic: true, ruled: true })], { merge: [2, 4] });

    rows.section(T.sections.window, 4);
    header();
    setting(T.asOf[0]!, dateValue(w.asOf), '--as-of', T.asOf[1]!, F.date);
    setting(T.period, t.periodKind[s.period], '--period', T.periodMeaning(s.period));
    setting(
      T.window,
      `${t.period(w.labels[0] ?? '')} … ${t.period(w.labels[w.labels.length - 1] ?? '')}`,
      '--from, --to',
      T.windowMeaning(s.period, w.periods, h.day(w.startDay), h.day(w.endDay)),
    );
    setting(T.partial, T.partialValue(s.includePartial), '--include-partial', T.partialMeaning(s.includePartial));

    rows.section(T.sections.abc, 4);
    header();
    setting(T.metric, t.metric[s.by], '--by', T.metricMeaning(s.by));
    setting(T.cutoffs, `${pc(s.abcCutoffs[0])}% / ${pc(s.abcCutoffs[1])}%`, '--abc', T.abcMeaning(pc(s.abcCutoffs[0]), pc(s.abcCutoffs[1])));
    setting(T.boundary, t.boundary[s.abcBoundary], '--abc-boundary', T.boundaryMeaning(s.abcBoundary, pc(s.abcCutoffs[0])));

    rows.section(T.sections.xyz, 4);
    header();
    setting(T.cutoffs, `${pc(s.xyzCutoffs[0])}% / ${pc(s.xyzCutoffs[1])}%`, '--xyz', T.xyzMeaning(s.period, s.by, pc(s.xyzCutoffs[0]), pc(s.xyzCutoffs[1])));
    setting(T.seriesStart, t.xyzStart[s.xyzStart], '--xyz-start', T.seriesStartMeaning(s.xyzStart, s.period));
    setting(T.sdLabel, t.sd[s.sd], '--sd', T.sdMeaning(s.sd));
    setting(T.minPeriods, s.minPeriods, '--min-periods', T.minPeriodsMeaning(s.period), F.integer);

    rows.section(T.sections.lost, 4);
    header();
    setting(T.lostAfter, s.lostAfter, '--lost-after', T.lostAfterMeaning(h.number(s.lostAfter), h.number(s.lostAfter / 2), h.integer(MIN_PURCHASE_DAYS_FOR_RHYTHM)), F.general);
    setting(T.lostFactor, s.lostFactor, '--lost-factor', T.lostFactorMeaning(h.number(s.lostFactor), h.integer(LOST_FLOOR_DAYS), h.integer(MIN_PURCHASE_DAYS_FOR_RHYTHM)), F.general);
    setting(T.riskFactor, s.riskFactor, '--risk-factor', T.riskFactorMeaning(h.number(s.riskFactor), h.integer(RISK_FLOOR_DAYS)), F.general);
    setting(T.horizon, s.horizonWeeks, '--horizon', T.horizonMeaning(h.number(s.horizonWeeks)), F.general);
    setting(T.discount, s.annualDiscount ?? '–', '--discount', T.discountMeaning(s.annualDiscount === null ? null : h.percent(s.annualDiscount)), s.annualDiscount === null ? undefined : F.percent);

    rows.section(T.sections.key, 4);
    header();
    setting(T.keyClients[0]!, `${pc(s.keyShare)}%`, '--key-share', T.keyClients[1]!);
    setting(T.breadwinner, `${pc(s.breadwinnerShare)}%`, '--breadwinner-share', T.breadwinnerMeaning(a.columns.profit));
    setting(T.newWithin, s.newWithinMonths, '--new-within', T.newWithinMeaning(s.by), F.integer);
    if (report.migration !== null) {
      const pw = report.migration.previousWindow;
      setting(T.compared[0]!, `${t.period(pw.labels[0] ?? '')} … ${t.period(pw.labels[pw.labels.length - 1] ?? '')}`, '--compare', T.compared[1]!);
    }
    setting(T.band[0]!, `${pc(a.key.band[0])}–${pc(a.key.band[1])}%`, '', T.band[1]!);

    rows.section(T.sections.reading, 4);
    const note = ([title, text]: readonly string[]): void => {
      rows.add([title, text], [name, meaning], { merge: [2, 4], fit: { col: 2, width: WIDTHS[1]! + WIDTHS[2]! + MEANING_WIDTH - 2 } });
    };
    note(T.notes.colours);
    note(T.notes.clients);
    note(T.notes.pareto(MAX_BARS));
    note(T.notes.series);
    note(T.notes.money(h.money(a.totals.revenue)));

    rows.section(T.sections.columns, 4);
    rows.add([...T.columnHeaders], [STYLE.headerLeft, STYLE.headerLeft, STYLE.headerLeft, STYLE.headerLeft], { height: 20 });
    for (const column of CLIENTS_SHEET_COLUMNS) {
      rows.add([columnHeader(column, a, t), column.name, '', capitalise(columnMeaning(column, a, t))], [name, option, option, meaning], {
        fit: { col: 4, width: MEANING_WIDTH - 1 },
      });
    }
    rows.add([T.perPeriod(s.period), w.labels.length > 0 ? `${t.period(w.labels[0]!)}, …` : '', '', T.perPeriodMeaning(s.by, s.period)], [name, option, option, meaning]);
    sheet.commit();
  },
};
