// Headers a person reads for the per-client columns, and what each column means, in the run's
// language (t.workbook.columns). The columns themselves (names, order, values) come from
// client-columns.ts; a column added there without a label in the catalogues still appears, under
// its CSV name.
import type { Analysis } from '../../core/analyze.js';
import type { ColumnTextContext, Messages } from '../../i18n/en.js';
import type { ClientColumn } from '../client-columns.js';

type ColumnText = { header: (c: ColumnTextContext) => string; meaning: (c: ColumnTextContext) => string };

function context(a: Analysis): ColumnTextContext {
  return {
    by: a.settings.by,
    period: a.settings.period,
    document: a.columns.document,
    profit: a.columns.profit,
    breadwinnerShare: a.settings.breadwinnerShare,
    newWithinMonths: a.settings.newWithinMonths,
    horizonWeeks: a.settings.horizonWeeks,
    keyShare: a.settings.keyShare,
  };
}

function text(column: ClientColumn, t: Messages): ColumnText | undefined {
  return (t.workbook.columns as Record<string, ColumnText>)[column.name];
}

export function columnHeader(column: ClientColumn, analysis: Analysis, t: Messages): string {
  return text(column, t)?.header(context(analysis)) ?? column.name;
}

export function columnMeaning(column: ClientColumn, analysis: Analysis, t: Messages): string {
  return text(column, t)?.meaning(context(analysis)) ?? '';
}

/** A text value of a Clients-sheet column in the run's language: status, tags and flags are words. */
export function columnText(column: ClientColumn, value: string, t: Messages): string {
  // ";"-separated as in the CSV, so the English sheet holds exactly the CSV's values.
  const words = (dict: Record<string, string>): string =>
    value
      .split(';')
      .map((v) => dict[v] ?? v)
      .join(';');
  switch (column.name) {
    case 'status':
      return (t.status as Record<string, string>)[value] ?? value;
    case 'tags':
      return words(t.tags);
    case 'flags':
      return words(t.flags);
    default:
      return value;
  }
}
