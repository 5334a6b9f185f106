// What a sheet module writes into: exceljs's streaming workbook plus kam's page setup and a way
// to place native charts (which exceljs cannot write; see package.ts).
import type ExcelJS from 'exceljs';
import type { Messages } from '../../i18n/en.js';
import type { ChartPlacement } from './package.js';

export type Sheet = ExcelJS.Worksheet;

export interface SheetLayout {
  /** Rows frozen at the top (the header) and columns frozen at the left. */
  freeze?: { rows: number; columns?: number };
  /** Rows repeated at the top of every printed page, e.g. "1:1". */
  printTitleRows?: string;
  /** Columns repeated at the left of every printed page, e.g. "A:A". */
  printTitleColumns?: string;
  /** Pages wide when printed: 1 fits the sheet to the page width. */
  pagesWide?: number;
  /** Pages tall when printed: 1 fits the whole sheet on one page; default 0, as many as it takes. */
  pagesTall?: number;
  /** Portrait pages (a narrow report page such as the Summary); default landscape. */
  portrait?: boolean;
  /** The columns printed, e.g. "A:R" (the print area); default all. */
  printColumns?: string;
  /** Grid lines on screen: on for tables of data, off for report pages. */
  gridLines?: boolean;
  tabColor?: string;
}

export class Book {
  readonly charts: ChartPlacement[] = [];

  constructor(
    readonly writer: ExcelJS.stream.xlsx.WorkbookWriter,
    /** Text for the printed page footer (left side), e.g. the ledger name. */
    private readonly footer: string,
    /** The sheets of this workbook in tab order, for the Summary's table of contents. */
    readonly contents: readonly { name: string; description: string }[],
    /** The run's language (page footer, chart text). */
    readonly t: Messages,
  ) {}

  /** A new sheet printed on A4, landscape unless asked, fitted to the page width, with print titles and a page footer. */
  addSheet(name: string, layout: SheetLayout = {}): Sheet {
    const freeze = layout.freeze;
    const view: Partial<ExcelJS.WorksheetView> =
      freeze === undefined
        ? { state: 'normal', showGridLines: layout.gridLines ?? false }
        : {
            state: 'frozen',
            xSplit: freeze.columns ?? 0,
            ySplit: freeze.rows,
            showGridLines: layout.gridLines ?? true,
          };
    const footer = this.footer.replace(/&/g, '&&').slice(0, 120);
    return this.writer.addWorksheet(name, {
      properties: layout.tabColor === undefined ? {} : { tabColor: { argb: `FF${layout.tabColor}` } },
      views: [view],
      pageSetup: {
        paperSize: 9, // A4
        orientation: layout.portrait === true ? 'portrait' : 'landscape',
        fitToPage: true,
        fitToWidth: layout.pagesWide ?? 1,
        fitToHeight: layout.pagesTall ?? 0,
        ...(layout.printColumns === undefined ? {} : { printArea: layout.printColumns }),
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.25, footer: 0.3 },
        ...(layout.printTitleRows === undefined ? {} : { printTitlesRow: layout.printTitleRows }),
        ...(layout.printTitleColumns === undefined ? {} : { printTitlesColumn: layout.printTitleColumns }),
      },
      headerFooter: { oddFooter: `&L&8${footer} — &A&R&8${this.t.workbook.pageFooter}` },
    });
  }

  /** Places a native chart on a sheet; its parts go into the file once exceljs has written it. */
  addChart(sheet: Sheet, chart: Omit<ChartPlacement, 'sheetId'>): void {
    // Chart text runs carry the language of the workbook (the chart builders write en-US).
    const chartXml = chart.chartXml.replace(/(lang|<c:lang val)="en-US"/g, `$1="${this.t.locale}"`);
    this.charts.push({ ...chart, chartXml, sheetId: sheet.id });
  }
}
