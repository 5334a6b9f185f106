// Method: every setting the run used, with the option that sets it and what it means, the kam
// version and the dates — enough for a reviewer to understand the figures and repeat the run.
import type { Analysis } from '../../core/analyze.js';
import { formatDay } from '../../core/calendar.js';
import { CLIENT_COLUMNS } from '../client-columns.js';
import { humanMoney } from '../human.js';
import { capitalise, columnHeader, columnMeaning } from './labels.js';
import { MAX_BARS } from './pareto.js';
import { Rows, type CellValue } from './rows.js';
import type { WorkbookSheet } from './sheet.js';
import { describeInput } from './summary.js';
import { FORMAT, STYLE, dateValue, plain, type CellStyle } from './style.js';

const WIDTHS = [30, 22, 20, 90];
const MEANING_WIDTH = WIDTHS[3]!;
const pct = (x: number): string => String(Math.round(x * 1000) / 10);

/** The options that repeat this analysis (the ledger files aside). */
export function equivalentOptions(a: Analysis): string {
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
    `--breadwinner-share ${pct(s.breadwinnerShare)}`,
    `--new-within ${s.newWithinMonths}`,
    ...(a.migration === undefined ? [] : [`--compare ${a.migration.spec.kind === 'previous' ? 'previous' : `${formatDay(a.migration.spec.from)}..${formatDay(a.migration.spec.to)}`}`]),
  ];
  return options.join(' ');
}

export const methodSheet: WorkbookSheet = {
  name: 'Method',
  description: 'every setting used, the kam version and the as-of date, and what each column means',
  write(book, { analysis: a, context, generatedAt }) {
    const sheet = book.addSheet('Method', { pagesWide: 1 });
    sheet.columns = WIDTHS.map((width) => ({ width }));
    const rows = new Rows(sheet);
    const s = a.settings;
    const w = a.window;
    const label = STYLE.label;
    // Rows of several lines read from the top: every cell aligned to the first line.
    const name = plain(undefined, { bold: true, ruled: true, valign: 'top' });
    const value = (numFmt?: string): CellStyle => plain(numFmt, { align: 'left', ruled: true, valign: 'top' });
    const option = plain(undefined, { grey: true, ruled: true, valign: 'top' });
    const meaning = plain(undefined, { wrap: true, ruled: true });
    const setting = (label: string, v: CellValue, opt: string, text: string, numFmt?: string): void => {
      rows.add([label, v, opt, text], [name, value(numFmt), option, meaning], { fit: { col: 4, width: MEANING_WIDTH - 1 } });
    };
    const header = (): void => {
      rows.add(['Setting', 'Value', 'Option', 'What it means'], [STYLE.headerLeft, STYLE.headerLeft, STYLE.headerLeft, STYLE.headerLeft], { height: 20 });
    };

    rows.title('Method', 'How the figures in this workbook were made: every setting used, so a reviewer can check them and repeat the run.');

    rows.section('Run', 4);
    header();
    setting('kam version', context.version, '', 'The program that made this workbook.');
    setting('Made', generatedAt, '', 'When the workbook was written (UTC).', 'yyyy-mm-dd hh:mm');
    for (const input of context.inputs) setting('Ledger', input.name, '', `Read as ${describeInput(input)}.`);
    const command = `kam analyze LEDGER ${equivalentOptions(a)}`;
    rows.add(['Command', command], [name, meaning], { merge: [2, 4], fit: { col: 2, width: WIDTHS[1]! + WIDTHS[2]! + MEANING_WIDTH - 2 } });
    rows.add(['', 'Repeats this analysis on the same ledger: every setting is spelled out, defaults included.'], [name, plain(undefined, { grey: true, italic: true, ruled: true })], { merge: [2, 4] });

    rows.section('Window', 4);
    header();
    setting('As of', dateValue(w.asOf), '--as-of', 'The day the analysis looks from. By default the last date in the ledger; rows after it are ignored.', FORMAT.date);
    setting('Period', s.period, '--period', `The window and the XYZ series are counted in ${s.period}s${s.period === 'week' ? ' (weeks start on Monday)' : ''}.`);
    setting(
      'Window',
      `${w.labels[0]} … ${w.labels[w.labels.length - 1]}`,
      '--from, --to',
      `${w.periods} whole ${s.period}${w.periods === 1 ? '' : 's'}, ${formatDay(w.startDay)} … ${formatDay(w.endDay)}. ABC and XYZ use the rows inside the window; recency uses every row up to the as-of date.`,
    );
    setting(
      'Partial periods',
      s.includePartial ? 'kept' : 'left out',
      '--include-partial',
      s.includePartial ? 'A first or last period the ledger covers only in part is kept in the window.' : 'A first or last period the ledger covers only in part is left out of the window, so every period is comparable.',
    );

    rows.section('ABC: how much a client buys', 4);
    header();
    setting('Metric', s.by, '--by', `Clients are ranked by their ${s.by} over the window, largest first (net of returns); ties share a class.`);
    setting(
      'Cut-offs',
      `${pct(s.abcCutoffs[0])}% / ${pct(s.abcCutoffs[1])}%`,
      '--abc',
      `A: the top clients that together make up ${pct(s.abcCutoffs[0])}% of the total; B: the next ones up to ${pct(s.abcCutoffs[1])}%; C: the rest, and every client whose total is zero or negative.`,
    );
    setting(
      'Boundary',
      s.abcBoundary,
      '--abc-boundary',
      s.abcBoundary === 'include'
        ? `The client that crosses a cut-off belongs to the higher class: A is the smallest set of top clients that reaches ${pct(s.abcCutoffs[0])}%.`
        : `A client is in the higher class only when the cumulative share including it stays within the cut-off (the usual spreadsheet convention).`,
    );

    rows.section('XYZ: how steadily a client buys', 4);
    header();
    setting(
      'Cut-offs',
      `${pct(s.xyzCutoffs[0])}% / ${pct(s.xyzCutoffs[1])}%`,
      '--xyz',
      `CV is the standard deviation of the client's ${s.period}ly ${s.by} divided by its mean. X when CV ≤ ${pct(s.xyzCutoffs[0])}%, Y when ≤ ${pct(s.xyzCutoffs[1])}%, otherwise Z.`,
    );
    setting(
      'Series start',
      s.xyzStart,
      '--xyz-start',
      s.xyzStart === 'first'
        ? `Each client's series runs from its first ${s.period} in the window to the window's end, with zeros for ${s.period}s without a purchase.`
        : `Every client's series runs over the whole window, with zeros for ${s.period}s without a purchase.`,
    );
    setting('Standard deviation', s.sd, '--sd', s.sd === 'population' ? 'Population standard deviation (divides by n).' : 'Sample standard deviation (divides by n − 1).');
    setting('Minimum periods', s.minPeriods, '--min-periods', `A client with fewer ${s.period}s in its series, or no net purchases, gets no XYZ class ("-") and no CV.`, FORMAT.integer);

    rows.section('Lost clients', 4);
    header();
    setting('Lost after', s.lostAfter, '--lost-after', `Whatever its rhythm, a client is lost after ${s.lostAfter} days without a purchase, and at risk after ${s.lostAfter / 2}. Clients with fewer than 3 purchase days are judged by this rule alone.`);
    setting('Lost factor', s.lostFactor, '--lost-factor', `A client with at least 3 purchase days is lost when its silence exceeds ${s.lostFactor} × its usual interval (the median gap between purchase days), and never before 30 days.`);
    setting('Risk factor', s.riskFactor, '--risk-factor', `…and at risk when its silence exceeds ${s.riskFactor} × its usual interval, never before 15 days.`);

    rows.section('Key clients', 4);
    header();
    setting('Key clients', 'class A + tags', '', 'Class A clients, and every client tagged breadwinner or image-maker.');
    setting('Breadwinner share', `${pct(s.breadwinnerShare)}%`, '--breadwinner-share', `Breadwinner: at least this share of the window's total ${a.columns.profit ? 'profit' : 'revenue (the ledger has no profit column)'}.`);
    setting(
      'New within, months',
      s.newWithinMonths,
      '--new-within',
      `Prospect: first purchase at most this many months before the as-of date, and a pace (${s.by} since the first purchase per month, counting at least one month) that over the whole window reaches the smallest total of the window's B clients.`,
      FORMAT.integer,
    );
    if (a.migration !== undefined) {
      const pw = a.migration.previousWindow;
      setting('Compared with', `${pw.labels[0]} … ${pw.labels[pw.labels.length - 1]}`, '--compare', 'The earlier window of the Migration sheet and of the ABC/XYZ-before columns, analysed with the same settings.');
    }
    setting('Reference band', `${pct(a.key.band[0])}–${pct(a.key.band[1])}%`, '', 'The share of sales key clients typically make up; the Summary says where this ledger stands.');

    rows.section('Reading the sheets', 4);
    const note = (title: string, text: string): void => {
      rows.add([title, text], [name, meaning], { merge: [2, 4], fit: { col: 2, width: WIDTHS[1]! + WIDTHS[2]! + MEANING_WIDTH - 2 } });
    };
    note('Colours', 'Green, amber and red follow the classes: A, X and active green; B, Y and at risk amber; C, Z and lost red. Matrix cells: AX, AY, BX green; AZ, BY, CX amber; BZ, CY, CZ red; no XYZ class grey.');
    note('Clients', 'One row per client in ranking order; the columns are those of `kam analyze --format csv`, in the same order and with the same values, followed by the ABC metric per period. Filters are on the header row.');
    note('Pareto', `A native chart drawn from the table beside it. Up to ${MAX_BARS} clients get a column each; with more, each column is a rank group (the average per client of the group, groups never straddling a class boundary).`);
    note('Series', 'A colour scale over all the period cells: white at zero, full green from the 95th percentile of all cells up. A dot is a period without purchases; red figures are net returns.');
    note('Money', `Amounts are as in the ledger (no currency conversion); net revenue in the window: ${humanMoney(a.totals.revenue)}.`);

    rows.section('Columns of the Clients sheet', 4);
    rows.add(['Header', 'CSV column', '', 'What it means'], [STYLE.headerLeft, STYLE.headerLeft, STYLE.headerLeft, STYLE.headerLeft], { height: 20 });
    for (const column of CLIENT_COLUMNS) {
      rows.add([columnHeader(column, a), column.name, '', capitalise(columnMeaning(column, a))], [name, option, option, meaning], {
        fit: { col: 4, width: MEANING_WIDTH - 1 },
      });
    }
    rows.add([`Then one column per ${s.period}`, w.labels.length > 0 ? `${w.labels[0]}, …` : '', '', `The client's ${s.by} in each ${s.period} of the window.`], [name, option, option, meaning]);
    sheet.commit();
  },
};
