// The client attributes file (SPEC §7, `--clients FILE`): a client column, a `tags` column and any
// other columns the user keeps (industry, size, region, the 3P columns need / can_pay / authority).
// CSV (any dialect the ledger reader understands, plain or gzip) or xlsx (first sheet); title rows
// above the header are skipped. The file is small: it is read whole.
import type { Readable } from 'node:stream';
import { KamError, type Problem, type ProblemOf } from '../core/problems.js';
import { COMPUTED_TAGS, normalizeTag, type ClientAttributeRow, type ClientAttributes } from '../core/segments.js';
import { HEADER_SYNONYMS, normalizeHeader } from './columns.js';
import { openInput } from './input.js';
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import { cellText, type Cell } from './records.js';

const CLIENT_HEADERS = new Set(
  [...HEADER_SYNONYMS.client, 'name', 'client name', 'customer name', 'наименование', 'название', 'клиент наименование', 'атауы'].map(normalizeHeader),
);
const TAGS_HEADERS = new Set(['tags', 'tag', 'теги', 'тег', 'метки', 'метка', 'тегтер', 'белгілер'].map(normalizeHeader));
const FLAG_HEADERS: Readonly<Record<'need' | 'canPay' | 'authority', ReadonlySet<string>>> = {
  need: new Set(['need', 'потребность', 'қажеттілік'].map(normalizeHeader)),
  canPay: new Set(['can_pay', 'can pay', 'ability to pay', 'платежеспособность', 'может платить', 'төлем қабілеті', 'төлей алады'].map(normalizeHeader)),
  authority: new Set(['authority', 'decision maker', 'полномочия', 'лпр', 'өкілеттік'].map(normalizeHeader)),
};

const YES = new Set(['yes', 'y', 'true', '1', 'да', 'д', 'иә', 'ия', 'и']);
const NO = new Set(['no', 'n', 'false', '0', 'нет', 'н', 'жоқ', 'ж']);

/** yes/no/y/n/true/false/1/0/да/нет/иә/жоқ (any case) → true/false; '' → null; anything else → undefined. */
export function parseYesNo(text: string): boolean | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return undefined;
}

/** How many rows may stand above the header (titles). */
const HEADER_SEARCH_ROWS = 30;

/** Parses the rows of an attributes table (already split into cells). */
export function parseAttributeRows(file: string, records: readonly { cells: readonly string[]; line: number }[]): ClientAttributes {
  const nonBlank = records.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const headerIndex = nonBlank.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => r.cells.some((c) => CLIENT_HEADERS.has(normalizeHeader(c))));
  if (headerIndex < 0) {
    throw new KamError({
      code: 'attributes-no-client-column',
      file,
      details: { headers: (nonBlank[0]?.cells ?? []).map((c) => c.trim()).filter((c) => c !== '').slice(0, 12) },
    });
  }
  const headers = nonBlank[headerIndex]!.cells.map((c) => c.trim());
  const normalized = headers.map(normalizeHeader);
  // The most specific client header wins when several columns could be it ("Client" over "Name").
  const clientAt = (() => {
    for (const synonym of [...HEADER_SYNONYMS.client, 'client name', 'customer name', 'name', 'наименование', 'название', 'атауы']) {
      const i = normalized.indexOf(normalizeHeader(synonym));
      if (i >= 0) return i;
    }
    return normalized.findIndex((h) => CLIENT_HEADERS.has(h));
  })();
  const tagsAt = normalized.findIndex((h, i) => i !== clientAt && TAGS_HEADERS.has(h));
  const flagAt = (role: keyof typeof FLAG_HEADERS): number => normalized.findIndex((h, i) => i !== clientAt && i !== tagsAt && FLAG_HEADERS[role].has(h));
  const needAt = flagAt('need');
  const canPayAt = flagAt('canPay');
  const authorityAt = flagAt('authority');
  const valueColumns = headers.map((h, i) => ({ h: h === '' ? `column ${i + 1}` : h, i })).filter(({ i }) => i !== clientAt && i !== tagsAt);
  // Trailing unnamed, empty columns are dropped below once we know they stay empty.

  const rows: ClientAttributeRow[] = [];
  const computed = new Set<string>();
  let bad: Omit<ProblemOf<'attributes-bad-value'>, 'details'> | undefined;
  let badCount = 0;
  const flag = (cells: readonly string[], at: number, line: number): boolean | null => {
    if (at < 0) return null;
    const text = cells[at] ?? '';
    const v = parseYesNo(text);
    if (v !== undefined) return v;
    badCount++;
    bad ??= { code: 'attributes-bad-value', severity: 'warning', file, line, column: headers[at], value: text.trim() };
    return null;
  };
  for (const record of nonBlank.slice(headerIndex + 1)) {
    const cells = record.cells;
    const name = (cells[clientAt] ?? '').trim();
    if (name === '') continue;
    const tags: string[] = [];
    for (const part of tagsAt < 0 ? [] : (cells[tagsAt] ?? '').split(/[;,|]/)) {
      if (part.trim() === '') continue;
      const tag = normalizeTag(part);
      if (COMPUTED_TAGS.includes(tag)) computed.add(tag);
      else if (!tags.includes(tag)) tags.push(tag);
    }
    const values: Record<string, string> = {};
    for (const { h, i } of valueColumns) values[h] = (cells[i] ?? '').trim();
    rows.push({
      name,
      line: record.line,
      tags,
      need: flag(cells, needAt, record.line),
      canPay: flag(cells, canPayAt, record.line),
      authority: flag(cells, authorityAt, record.line),
      values,
    });
  }
  // Unnamed columns that hold nothing (a trailing delimiter) are not columns.
  const columns = valueColumns
    .filter(({ h, i }) => headers[i] !== '' || rows.some((r) => (r.values[h] ?? '') !== ''))
    .map(({ h }) => h);
  for (const r of rows) for (const k of Object.keys(r.values)) if (!columns.includes(k)) delete r.values[k];

  const notes: Problem[] = [];
  if (bad !== undefined) notes.push({ ...bad, details: { count: badCount } });
  if (computed.size > 0) notes.push({ code: 'attributes-computed-tag', severity: 'note', file, details: { tags: [...computed] } });
  return { file, columns, rows, notes };
}

/** Reads a client attributes file: CSV (dialect detected), .csv.gz or xlsx (first sheet). */
export async function readAttributes(path: string, stdin: Readable): Promise<ClientAttributes> {
  const input = await openInput(path, stdin);
  const records: { cells: string[]; line: number }[] = [];
  const sink = (cells: Cell[], line: number): void => {
    records.push({ cells: cells.map(cellText), line });
  };
  if (input.kind === 'xlsx') await readXlsx(input, undefined, () => undefined, sink);
  else await readCsv(input, { encoding: undefined, delimiter: undefined }, () => undefined, sink);
  return parseAttributeRows(input.name, records);
}
