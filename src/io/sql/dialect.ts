// `kam sql`: the one statement that turns a table of sale lines into a day ledger (SPEC §12)
// inside a database engine, following SPEC §1 and §6 as kam's own reader does:
//
//  - the client is its name with every run of Unicode spaces (what JavaScript's \s matches)
//    folded to one space and the ends trimmed; rows without a client are left out;
//  - the day is the date (a DATE or TIMESTAMP column, or text the engine casts to one), in
//    the years 1 to 9999 (any other is unreadable, as kam's date parsers have it);
//  - amount, or quantity × price when there is no amount column; numbers are read as doubles,
//    as kam reads text, and each line's value is split into whole units and millionths
//    (rounded half up, as JavaScript's Math.round) summed as integers: the sums are exact
//    and the same as kam's, whatever the order of the lines;
//  - a purchase day has a line with a positive amount, or a zero amount and a positive
//    quantity; a document's first day is the first day it has a purchase line; purchase lines
//    without a document number count as one document per client and day;
//  - directions and products: exact sums per client and (trimmed, non-empty) value.
//
// Pure: names in, text out. What differs between engines is in one module per dialect.
import { DAY_LEDGER_KINDS, type DayLedgerKind } from '../../core/day-ledger.js';
import { KamError } from '../../core/problems.js';
import type { ColumnRole } from '../columns.js';

/** The characters JavaScript's \s matches (what kam folds and trims), as code points. */
export const SPACE_CODES = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, [0x2000, 0x200a], 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff] as const;

export type SqlType = 'text' | 'date' | 'decimal' | 'integer';

export interface SqlDialect {
  name: string;
  /** A column name, quoted. */
  identifier(name: string): string;
  /** A regular expression literal whose pattern is `pattern` (written for RE2/Java/ARE alike). */
  regexLiteral(pattern: string): string;
  /** How the engine's regex writes one code point of SPACE_CODES. */
  codePoint(code: number): string;
  /** Every match of a pattern literal replaced. */
  replaceAll(expression: string, pattern: string, replacement: string): string;
  /** True when a pattern literal matches somewhere in the text (NULL for NULL). */
  matches(expression: string, pattern: string): string;
  /** Plain spaces (U+0020) trimmed from both ends, where the engine has a function for it. */
  trimSpaces?(expression: string): string;
  text(expression: string): string;
  /** A number as a double; NULL when it does not read (where the engine can say so). */
  double(expression: string): string;
  date(expression: string): string;
  integer(expression: string): string;
  /** A double's whole part, towards zero (as a double or an integer). */
  truncate(expression: string): string;
  /** True when a double is neither infinite nor NaN. */
  finite(expression: string): string;
  /** An exact sum of micros (an integer expression) as a decimal with 6 places. */
  microsToDecimal(micros: string): string;
  /** Whole units and millionths (two integer sums) as one integer of millionths, without overflow. */
  totalMicros(units: string, micros: string): string;
  /** A typed NULL. */
  nullOf(type: SqlType): string;
  /** A date as a number of days since 1970-01-01 (a double); only for the numbered form. */
  dayNumber?(expression: string): string;
  /** A number (an integer or a big integer) as a double; only for the numbered form. */
  toDouble?(expression: string): string;
}

export type SqlRoles = Partial<Record<ColumnRole, string>>;

export interface DayLedgerSqlOptions {
  /** The table or table expression of sale lines (inserted as it is). */
  from: string;
  /** role → column name. */
  roles: SqlRoles;
  /**
   * Not a day ledger but the form kam reads back from its own engine (not for people): each
   * row's kind as a number (0 day, 1 direction, 2 product), the date as days since 1970-01-01,
   * purchase and documents as doubles, and each sum as a double of millionths while it is below
   * 2^53 (exact), with its decimal text in `<name>_text` only beyond, and the number of lines
   * each day row was made of (`lines`). No value has to be taken
   * apart again as a decimal on the way back (which cost more than the aggregation's own output).
   */
  numbered?: boolean;
  /** The amounts' currency (an ISO code): a `currency` column naming it on every row. */
  currency?: string | undefined;
}

/** 2^53: the doubles below it are exact integers. */
const EXACT_LIMIT = '9007199254740992';

function spaceClass(dialect: SqlDialect): string {
  return `[${SPACE_CODES.map((c) => (typeof c === 'number' ? dialect.codePoint(c) : `${dialect.codePoint(c[0])}-${dialect.codePoint(c[1])}`)).join('')}]`;
}

/** The required roles that `roles` leaves unmapped: client, date, and amount (or quantity and price). */
export function missingSqlRoles(roles: SqlRoles): ColumnRole[] {
  const missing: ColumnRole[] = [];
  if (roles.client === undefined) missing.push('client');
  if (roles.date === undefined) missing.push('date');
  if (roles.amount === undefined && (roles.quantity === undefined || roles.price === undefined)) missing.push('amount');
  return missing;
}

/**
 * The statement, formatted for reading. Throws a KamError when a required role is not mapped.
 * With `counts`, instead: one row counting the lines, and those kam would skip for want of a
 * client, for an unreadable date or an unreadable number (lines, no_client, bad_date, bad_number).
 */
export function dayLedgerSql(dialect: SqlDialect, options: DayLedgerSqlOptions, counts = false): string {
  const { roles } = options;
  const missing = missingSqlRoles(roles);
  if (missing.length > 0) throw new KamError({ code: 'missing-column', value: missing.join(', '), details: { headers: [], roles: missing } });

  const d = dialect;
  const col = (role: ColumnRole): string => d.identifier(roles[role]!);
  const spaces = spaceClass(d);
  // A client's name: runs of spaces folded to one, then the ends trimmed (by the engine's own
  // trim of plain spaces where the dialect has one: a second regex over every line cost DuckDB
  // 1.5 of 16 s at ten million lines).
  const fold = (e: string): string => {
    const folded = d.replaceAll(d.text(e), d.regexLiteral(`${spaces}+`), "' '");
    return d.trimSpaces === undefined ? d.replaceAll(folded, d.regexLiteral('^ | $'), "''") : d.trimSpaces(folded);
  };
  // Documents, directions and products are trimmed; most need no trimming, so a cheap test (does
  // the value start or end with a space?) comes first, and only the values it finds go through
  // the replacement. The same result: a value the test passes over is one the replacement would
  // leave as it is. (Not for the client: in DuckDB a regex test on the client column made the
  // aggregation run out of its memory cap now and then.)
  const trim = (e: string): string => {
    const text = d.text(e);
    const trimmed = d.replaceAll(text, d.regexLiteral(`^${spaces}+|${spaces}+$`), "''");
    return `CASE WHEN ${d.matches(text, d.regexLiteral(`^${spaces}|${spaces}$`))} THEN ${trimmed} ELSE ${text} END`;
  };
  const has = (role: ColumnRole): boolean => roles[role] !== undefined;
  const hasQuantity = has('quantity');
  const hasProfit = has('profit');
  const hasDocument = has('document');
  const hasDirection = has('direction');
  const hasProduct = has('product');

  // 1. Each line read as kam reads it.
  const read = [`${fold(col('client'))} AS client`, `${d.date(col('date'))} AS day`];
  read.push(
    has('amount') ? `${d.double(col('amount'))} AS amount` : `${d.double(col('quantity'))} * ${d.double(col('price'))} AS amount`,
  );
  if (hasQuantity) read.push(`${d.double(col('quantity'))} AS quantity`);
  if (hasProfit) read.push(`${d.double(col('profit'))} AS profit`);
  if (hasDocument) read.push(`${trim(col('document'))} AS document`);
  if (hasDirection) read.push(`${trim(col('direction'))} AS direction`);
  if (hasProduct) read.push(`${trim(col('product'))} AS product`);

  // 2. Lines kam would accept; each value split into whole units and millionths.
  const split = (name: string): string[] => [
    `${d.integer(d.truncate(name))} AS ${name}_units`,
    `${d.integer(`floor((${name} - ${d.truncate(name)}) * 1000000 + 0.5)`)} AS ${name}_micros`,
  ];
  const optionalSplit = (name: string): string[] => [
    `CASE WHEN ${name} IS NULL THEN 0 ELSE ${d.integer(d.truncate(name))} END AS ${name}_units`,
    `CASE WHEN ${name} IS NULL THEN 0 ELSE ${d.integer(`floor((${name} - ${d.truncate(name)}) * 1000000 + 0.5)`)} END AS ${name}_micros`,
  ];
  const purchase = hasQuantity ? 'amount > 0 OR (amount = 0 AND quantity > 0)' : 'amount > 0';
  const lineColumns = ['client', 'day', ...split('amount')];
  if (hasQuantity) lineColumns.push('quantity', ...optionalSplit('quantity'));
  if (hasProfit) lineColumns.push(...optionalSplit('profit'));
  lineColumns.push(`CASE WHEN ${purchase} THEN 1 ELSE 0 END AS purchase`);
  if (hasDocument) lineColumns.push('document');
  if (hasDirection) lineColumns.push('direction');
  if (hasProduct) lineColumns.push('product');
  // A date outside the years 1 to 9999 does not read, as kam's own date parsers refuse it. (A
  // condition on the day, not an expression in its place: the engine keeps what it knows of the
  // date column, and DuckDB's aggregation needs far less memory with it.)
  const readableDay = 'day IS NOT NULL AND EXTRACT(YEAR FROM day) BETWEEN 1 AND 9999';
  const accepted = [
    'client IS NOT NULL',
    "client <> ''",
    readableDay,
    'amount IS NOT NULL',
    d.finite('amount'),
    ...(hasQuantity ? [`(quantity IS NULL OR ${d.finite('quantity')})`] : []),
    ...(hasProfit ? [`(profit IS NULL OR ${d.finite('profit')})`] : []),
  ];

  const numbered = options.numbered === true;
  const toDouble = (e: string): string => (numbered ? d.toDouble!(e) : e);
  /** A sum's column(s): the exact decimal, or (numbered) millionths as a double and, beyond 2^53, the decimal's text. */
  const sum = (name: string): string[] => {
    const micros = d.totalMicros(`SUM(${name}_units)`, `SUM(${name}_micros)`);
    if (!numbered) return [`${d.microsToDecimal(micros)} AS ${name}`];
    return [
      `CASE WHEN abs(${micros}) < ${EXACT_LIMIT} THEN ${d.toDouble!(micros)} END AS ${name}`,
      `CASE WHEN abs(${micros}) >= ${EXACT_LIMIT} THEN ${d.text(d.microsToDecimal(micros))} END AS ${name}_text`,
    ];
  };
  /** A missing sum's column(s), typed as `sum` types them. */
  const noSum = (name: string): string[] => (numbered ? [`${d.toDouble!('NULL')} AS ${name}`, `${d.nullOf('text')} AS ${name}_text`] : [`${d.nullOf('decimal')} AS ${name}`]);
  // (numbered) the kind as its place in the contract's list of kinds.
  const kindOf = (kind: DayLedgerKind): string => (numbered ? d.toDouble!(String(DAY_LEDGER_KINDS.indexOf(kind))) : `'${kind}'`);

  // 3. Day rows.
  const dayColumns = [`${kindOf('day')} AS kam_day_ledger`, 'client', `${numbered ? d.dayNumber!('day') : 'day'} AS date`, ...sum('amount')];
  if (hasQuantity) dayColumns.push(...sum('quantity'));
  if (hasProfit) dayColumns.push(...sum('profit'));
  dayColumns.push(`${toDouble('MAX(purchase)')} AS purchase`);
  if (hasDocument) dayColumns.push(`${toDouble('MAX(documents)')} AS documents`);
  // (numbered) the lines each day row was made of: kam's count of the lines it took in.
  if (numbered) dayColumns.push(`${toDouble('COUNT(*)')} AS lines`);
  if (hasDirection) dayColumns.push(`${d.nullOf('text')} AS direction`);
  if (hasProduct) dayColumns.push(`${d.nullOf('text')} AS product`);
  const currency = options.currency === undefined ? [] : [`'${options.currency.replace(/'/g, "''")}' AS currency`];
  dayColumns.push(...currency);

  const ctes = [
    `kam_read AS (\n  SELECT\n    ${read.join(',\n    ')}\n  FROM ${options.from}\n)`,
    `kam_lines AS (\n  SELECT\n    ${lineColumns.join(',\n    ')}\n  FROM kam_read\n  WHERE ${accepted.join('\n    AND ')}\n)`,
  ];
  if (counts) {
    // How many lines kam would skip, and why (the first reason that applies, as kam's reader).
    const client = "client IS NOT NULL AND client <> ''";
    const badNumber = ['amount IS NULL', `NOT ${d.finite('amount')}`];
    if (hasQuantity) badNumber.push(`(quantity IS NOT NULL AND NOT ${d.finite('quantity')})`);
    if (hasProfit) badNumber.push(`(profit IS NOT NULL AND NOT ${d.finite('profit')})`);
    const count = (condition: string): string => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;
    return (
      `WITH\n${ctes[0]}\nSELECT\n  COUNT(*) AS lines,\n  ${count(`NOT (${client})`)} AS no_client,\n` +
      `  ${count(`${client} AND NOT (${readableDay})`)} AS bad_date,\n` +
      `  ${count(`${client} AND ${readableDay} AND (${badNumber.join(' OR ')})`)} AS bad_number\nFROM kam_read\n`
    );
  }
  let daySource = 'kam_lines';
  if (hasDocument) {
    // Documents by the day of their first purchase line; purchase lines without a number are
    // one document per client and day.
    ctes.push(
      `kam_first_days AS (\n  SELECT client, MIN(day) AS day FROM kam_lines WHERE purchase = 1 AND document <> '' GROUP BY client, document\n` +
        `  UNION ALL\n  SELECT DISTINCT client, day FROM kam_lines WHERE purchase = 1 AND (document IS NULL OR document = '')\n)`,
      `kam_documents AS (\n  SELECT client, day, COUNT(*) AS documents FROM kam_first_days GROUP BY client, day\n)`,
      `kam_days AS (\n  SELECT l.*, COALESCE(f.documents, 0) AS documents\n  FROM kam_lines l LEFT JOIN kam_documents f ON f.client = l.client AND f.day = l.day\n)`,
    );
    daySource = 'kam_days';
  }
  const selects = [`SELECT\n  ${dayColumns.join(',\n  ')}\nFROM ${daySource}\nGROUP BY client, day`];
  for (const kind of ['direction', 'product'] as const) {
    if (!(kind === 'direction' ? hasDirection : hasProduct)) continue;
    const columns = [`${kindOf(kind)} AS kam_day_ledger`, 'client', `${numbered ? d.toDouble!('NULL') : d.nullOf('date')} AS date`, ...sum('amount')];
    if (hasQuantity) columns.push(...noSum('quantity'));
    if (hasProfit) columns.push(...noSum('profit'));
    columns.push(`${numbered ? d.toDouble!('NULL') : d.nullOf('integer')} AS purchase`);
    if (hasDocument) columns.push(`${numbered ? d.toDouble!('NULL') : d.nullOf('integer')} AS documents`);
    if (numbered) columns.push(`${d.toDouble!('NULL')} AS lines`);
    if (hasDirection) columns.push(kind === 'direction' ? 'direction' : `${d.nullOf('text')} AS direction`);
    if (hasProduct) columns.push(kind === 'product' ? 'product' : `${d.nullOf('text')} AS product`);
    columns.push(...currency);
    selects.push(`SELECT\n  ${columns.join(',\n  ')}\nFROM kam_lines\nWHERE ${kind} IS NOT NULL AND ${kind} <> ''\nGROUP BY client, ${kind}`);
  }
  return `-- kam day ledger (SPEC §12), dialect ${d.name}\nWITH\n${ctes.join(',\n')}\n${selects.join('\nUNION ALL\n')}\n`;
}
