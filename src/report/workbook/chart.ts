// DrawingML for a combination chart: columns on the left axis, lines on a right axis (a Pareto
// chart, or any "amount and share" chart a later sheet needs), a plain line chart and a waterfall
// (stacked columns on an invisible base). All share one chart part and the same axes. Elements are written in the
// order the schema fixes; Excel rejects a chart part whose elements are out of order. Each series
// refers to its cells and carries a cache of their values, so the chart shows without a recalc.
import { roundForTies } from '../../core/order.js';
import { xmlText } from './package.js';

export interface SeriesData {
  /** Legend text, and the cell that holds it ("'Pareto'!$D$4"). */
  name: string;
  nameRef: string;
  /** The cells of the values ("'Pareto'!$D$5:$D$44") and the values themselves. */
  ref: string;
  values: readonly (number | null)[];
}

export interface ColumnSeries extends SeriesData {
  color: string;
  /** Per-point colours (e.g. by class); undefined keeps the series colour. */
  pointColors?: readonly (string | undefined)[];
}

export interface LineSeries extends SeriesData {
  color: string;
  dash?: 'solid' | 'dash' | 'sysDash';
  /** Line width in points. */
  width?: number;
  markers?: boolean;
}

/** The category axis: its cells ("'Pareto'!$B$5:$B$44"), their labels and the axis title. */
export interface Categories {
  ref: string;
  labels: readonly string[];
  title: string;
}

export interface ComboChart {
  title: string;
  categories: Categories;
  columns: ColumnSeries;
  lines: readonly LineSeries[];
  leftAxis: { title: string; numFmt: string };
  rightAxis: { title: string; numFmt: string; min: number; max: number; majorUnit: number };
  /** Rotate category labels (many or long labels). */
  slantLabels?: boolean;
}

const AX = { cat: 500_100_01, val: 500_100_02, cat2: 500_100_03, val2: 500_100_04 };

function num(v: number): string {
  const rounded = roundForTies(v);
  return Number.isFinite(rounded) ? String(rounded) : '0';
}

function rich(text: string, options: { size: number; bold?: boolean; rotate?: boolean }): string {
  const b = options.bold === true ? ' b="1"' : ' b="0"';
  return (
    '<c:tx><c:rich>' +
    `<a:bodyPr${options.rotate === true ? ' rot="-5400000" vert="horz"' : ''}/><a:lstStyle/>` +
    `<a:p><a:pPr><a:defRPr sz="${options.size}"${b}/></a:pPr><a:r><a:rPr lang="en-US" sz="${options.size}"${b}/><a:t>${xmlText(text)}</a:t></a:r></a:p>` +
    '</c:rich></c:tx>'
  );
}

function title(text: string, size: number, rotate = false): string {
  return `<c:title>${rich(text, { size, bold: true, rotate })}<c:overlay val="0"/></c:title>`;
}

function strRef(ref: string, values: readonly string[]): string {
  return (
    `<c:strRef><c:f>${xmlText(ref)}</c:f><c:strCache><c:ptCount val="${values.length}"/>` +
    values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlText(v)}</c:v></c:pt>`).join('') +
    '</c:strCache></c:strRef>'
  );
}

function numRef(ref: string, values: readonly (number | null)[], format: string): string {
  return (
    `<c:numRef><c:f>${xmlText(ref)}</c:f><c:numCache><c:formatCode>${xmlText(format)}</c:formatCode><c:ptCount val="${values.length}"/>` +
    values.map((v, i) => (v === null ? '' : `<c:pt idx="${i}"><c:v>${num(v)}</c:v></c:pt>`)).join('') +
    '</c:numCache></c:numRef>'
  );
}

const fill = (color: string): string => `<a:solidFill><a:srgbClr val="${color}"/></a:solidFill>`;
const gridLine = '<c:spPr><a:ln w="6350">' + fill('D9D9D9') + '</a:ln></c:spPr>';
const axisLine = '<c:spPr><a:ln w="9525">' + fill('8C8C8C') + '</a:ln></c:spPr>';

function labelText(size: number, slant: boolean): string {
  return `<c:txPr><a:bodyPr${slant ? ' rot="-2700000" vert="horz"' : ''}/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"/></a:pPr><a:endParaRPr lang="en-US"/></a:p></c:txPr>`;
}

function columnSeriesXml(s: ColumnSeries, chart: ComboChart): string {
  const points = (s.pointColors ?? [])
    .map((color, i) =>
      color === undefined || color === s.color
        ? ''
        : `<c:dPt><c:idx val="${i}"/><c:invertIfNegative val="0"/><c:bubble3D val="0"/><c:spPr>${fill(color)}</c:spPr></c:dPt>`,
    )
    .join('');
  return (
    '<c:ser><c:idx val="0"/><c:order val="0"/>' +
    `<c:tx>${strRef(s.nameRef, [s.name])}</c:tx>` +
    `<c:spPr>${fill(s.color)}</c:spPr>` +
    '<c:invertIfNegative val="0"/>' +
    points +
    `<c:cat>${strRef(chart.categories.ref, chart.categories.labels)}</c:cat>` +
    `<c:val>${numRef(s.ref, s.values, chart.leftAxis.numFmt)}</c:val>` +
    '</c:ser>'
  );
}

function lineSeriesXml(s: LineSeries, index: number, chart: Pick<ComboChart, 'categories'> & { rightAxis: { numFmt: string } }): string {
  const width = Math.round((s.width ?? 2) * 12_700);
  const marker =
    s.markers === true
      ? `<c:marker><c:symbol val="circle"/><c:size val="4"/><c:spPr>${fill(s.color)}<a:ln w="6350">${fill(s.color)}</a:ln></c:spPr></c:marker>`
      : '<c:marker><c:symbol val="none"/></c:marker>';
  return (
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>` +
    `<c:tx>${strRef(s.nameRef, [s.name])}</c:tx>` +
    `<c:spPr><a:ln w="${width}" cap="rnd">${fill(s.color)}<a:prstDash val="${s.dash ?? 'solid'}"/><a:round/></a:ln></c:spPr>` +
    marker +
    `<c:cat>${strRef(chart.categories.ref, chart.categories.labels)}</c:cat>` +
    `<c:val>${numRef(s.ref, s.values, chart.rightAxis.numFmt)}</c:val>` +
    '<c:smooth val="0"/></c:ser>'
  );
}

/** The shown category axis at the bottom; `everyLabel` keeps Excel from skipping labels. */
function categoryAxisXml(axisTitle: string, slant: boolean, everyLabel: boolean): string {
  return (
    `<c:catAx><c:axId val="${AX.cat}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>` +
    title(axisTitle, 1000) +
    '<c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/>' +
    axisLine +
    labelText(slant ? 800 : 900, slant) +
    `<c:crossAx val="${AX.val}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>${everyLabel ? '<c:tickLblSkip val="1"/>' : ''}<c:noMultiLvlLbl val="0"/></c:catAx>`
  );
}

/** The primary value axis on the left, with grid lines; `bounds` is scaling XML after the orientation (e.g. a minimum). */
function leftAxisXml(axisTitle: string, numFmt: string, bounds: string): string {
  return (
    `<c:valAx><c:axId val="${AX.val}"/><c:scaling><c:orientation val="minMax"/>${bounds}</c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:majorGridlines>${gridLine}</c:majorGridlines>` +
    title(axisTitle, 1000, true) +
    `<c:numFmt formatCode="${xmlText(numFmt)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    axisLine +
    labelText(900, false) +
    `<c:crossAx val="${AX.cat}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  );
}

/**
 * The chart part around a plot area: title, legend at the bottom, white background, print settings.
 * `legendEntries` (<c:legendEntry> elements) changes single entries, e.g. leaves one out.
 */
function chartSpaceXml(chartTitle: string, plotArea: string, legendEntries = ''): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    '<c:date1904 val="0"/><c:lang val="en-US"/><c:roundedCorners val="0"/>' +
    '<c:chart>' +
    title(chartTitle, 1300) +
    '<c:autoTitleDeleted val="0"/>' +
    '<c:plotArea><c:layout/>' +
    plotArea +
    '</c:plotArea>' +
    `<c:legend><c:legendPos val="b"/>${legendEntries}<c:overlay val="0"/>${labelText(900, false)}</c:legend>` +
    '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>' +
    '</c:chart>' +
    '<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525">' + fill('BFBFBF') + '</a:ln></c:spPr>' +
    '<c:printSettings><c:headerFooter/><c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/><c:pageSetup/></c:printSettings>' +
    '</c:chartSpace>'
  );
}

export function comboChartXml(chart: ComboChart): string {
  const slant = chart.slantLabels === true;
  return chartSpaceXml(
    chart.title,
    // Columns on the primary axes.
    '<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>' +
    columnSeriesXml(chart.columns, chart) +
    `<c:gapWidth val="40"/><c:axId val="${AX.cat}"/><c:axId val="${AX.val}"/></c:barChart>` +
    // Lines on the secondary axes.
    '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>' +
    chart.lines.map((s, i) => lineSeriesXml(s, i + 1, chart)).join('') +
    `<c:marker val="1"/><c:axId val="${AX.cat2}"/><c:axId val="${AX.val2}"/></c:lineChart>` +
    // Category axis, shown.
    categoryAxisXml(chart.categories.title, slant, true) +
    // Left value axis: the amounts.
    leftAxisXml(chart.leftAxis.title, chart.leftAxis.numFmt, '') +
    // Secondary category axis: needed by the lines, not shown.
    `<c:catAx><c:axId val="${AX.cat2}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="1"/><c:axPos val="b"/>` +
    '<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>' +
    `<c:crossAx val="${AX.val2}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    // Right value axis: the shares.
    `<c:valAx><c:axId val="${AX.val2}"/><c:scaling><c:orientation val="minMax"/><c:max val="${num(chart.rightAxis.max)}"/><c:min val="${num(chart.rightAxis.min)}"/></c:scaling><c:delete val="0"/><c:axPos val="r"/>` +
    title(chart.rightAxis.title, 1000, true) +
    `<c:numFmt formatCode="${xmlText(chart.rightAxis.numFmt)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>` +
    axisLine +
    labelText(900, false) +
    `<c:crossAx val="${AX.cat2}"/><c:crosses val="max"/><c:crossBetween val="between"/><c:majorUnit val="${num(chart.rightAxis.majorUnit)}"/></c:valAx>`
  );
}

export interface LineChart {
  title: string;
  categories: Categories;
  lines: readonly LineSeries[];
  axis: { title: string; numFmt: string };
}

/** A plain line chart: lines over categories on one value axis (e.g. actual vs expected by week). */
export function lineChartXml(chart: LineChart): string {
  const combo = { categories: chart.categories, rightAxis: { numFmt: chart.axis.numFmt } };
  return chartSpaceXml(
    chart.title,
    '<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>' +
    chart.lines.map((s, i) => lineSeriesXml(s, i, combo)).join('') +
    `<c:marker val="1"/><c:axId val="${AX.cat}"/><c:axId val="${AX.val}"/></c:lineChart>` +
    categoryAxisXml(chart.categories.title, false, false) +
    leftAxisXml(chart.axis.title, chart.axis.numFmt, '<c:min val="0"/>')
  );
}

/** A reference to a cell range on a sheet, quoted as formulas need it. */
export function rangeRef(sheet: string, fromCol: string, fromRow: number, toCol: string, toRow: number): string {
  const quoted = `'${sheet.replace(/'/g, "''")}'`;
  return fromCol === toCol && fromRow === toRow ? `${quoted}!$${fromCol}$${fromRow}` : `${quoted}!$${fromCol}$${fromRow}:$${toCol}$${toRow}`;
}

export interface StackSeries extends SeriesData {
  /** null: drawn without fill or line (a waterfall's invisible base). */
  color: string | null;
}

export interface WaterfallChart {
  title: string;
  categories: Categories;
  /** Stacked bottom to top: the invisible base first, then the visible parts. */
  series: readonly StackSeries[];
  axis: { title: string; numFmt: string };
}

/**
 * A waterfall as Excel 2010 and LibreOffice draw one: stacked columns whose first series (the
 * running total before each step) has no fill, so each visible bar floats from where the one
 * before ended. Totals are a series of their own, standing on the axis.
 */
export function waterfallChartXml(chart: WaterfallChart): string {
  const series = chart.series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>` +
        `<c:tx>${strRef(s.nameRef, [s.name])}</c:tx>` +
        `<c:spPr>${s.color === null ? '<a:noFill/><a:ln><a:noFill/></a:ln>' : fill(s.color)}</c:spPr>` +
        '<c:invertIfNegative val="0"/>' +
        `<c:cat>${strRef(chart.categories.ref, chart.categories.labels)}</c:cat>` +
        `<c:val>${numRef(s.ref, s.values, chart.axis.numFmt)}</c:val>` +
        '</c:ser>',
    )
    .join('');
  // The legend leaves out the invisible base.
  const hidden = chart.series.map((s, i) => (s.color === null ? `<c:legendEntry><c:idx val="${i}"/><c:delete val="1"/></c:legendEntry>` : '')).join('');
  return chartSpaceXml(
    chart.title,
    '<c:barChart><c:barDir val="col"/><c:grouping val="stacked"/><c:varyColors val="0"/>' +
    series +
    `<c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="${AX.cat}"/><c:axId val="${AX.val}"/></c:barChart>` +
    categoryAxisXml(chart.categories.title, false, false) +
    leftAxisXml(chart.axis.title, chart.axis.numFmt, ''),
    hidden,
  );
}
