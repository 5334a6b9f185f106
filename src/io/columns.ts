// SPEC §1: which column plays which role, found from headers in English, Russian or Kazakh.
import { KamError } from '../core/problems.js';

export type ColumnRole = 'client' | 'date' | 'amount' | 'quantity' | 'price' | 'profit' | 'document' | 'product' | 'direction';
export const COLUMN_ROLES: readonly ColumnRole[] = ['client', 'date', 'amount', 'quantity', 'price', 'profit', 'document', 'product', 'direction'];

/** Recognised headers per role, most specific first (the first that matches wins). */
export const HEADER_SYNONYMS: Readonly<Record<Exclude<ColumnRole, 'direction'>, readonly string[]>> = {
  client: [
    'client', 'customer', 'customer id', 'account', 'buyer',
    'клиент', 'покупатель', 'контрагент', 'клиент/покупатель',
    'тапсырыс беруші', 'клиент атауы', 'сатып алушы',
  ],
  date: ['date', 'invoice date', 'order date', 'дата', 'күні', 'күн'],
  amount: ['amount', 'revenue', 'sales', 'sum', 'total', 'net', 'сумма', 'выручка', 'сома', 'түсім'],
  quantity: ['quantity', 'qty', 'количество', 'кол-во', 'саны'],
  price: ['price', 'unit price', 'цена', 'баға'],
  profit: ['profit', 'margin', 'gross profit', 'прибыль', 'маржа', 'пайда'],
  document: ['invoice', 'invoice no', 'order', 'document', 'номер', 'документ', 'құжат'],
  product: ['product', 'item', 'sku', 'stock code', 'article', 'товар', 'номенклатура', 'артикул', 'тауар'],
};

/** Case-, space- and punctuation-insensitive form of a header: "Customer_ID" = "customer id". */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/ё/g, 'е').replace(/[\s_.\-–—/\\]+/g, '');
}

const SYNONYM_INDEX: ReadonlyMap<string, readonly ColumnRole[]> = (() => {
  const index = new Map<string, ColumnRole[]>();
  for (const [role, names] of Object.entries(HEADER_SYNONYMS) as [ColumnRole, readonly string[]][]) {
    for (const name of names) {
      const key = normalizeHeader(name);
      index.set(key, [...(index.get(key) ?? []), role]);
    }
  }
  return index;
})();

/** Whether a cell reads as a known header: how title rows above the header are told apart. */
export function isKnownHeader(cell: string): boolean {
  return SYNONYM_INDEX.has(normalizeHeader(cell));
}

export type ColumnMap = Partial<Record<ColumnRole, number>>;

export interface ColumnOverrides {
  /** role → header text given with --map role=Header (and --direction COLUMN). */
  map: Partial<Record<ColumnRole, string>>;
}

function findHeader(headers: readonly string[], wanted: string): number {
  const key = normalizeHeader(wanted);
  return headers.findIndex((h) => normalizeHeader(h) === key);
}

function headerList(headers: readonly string[]): string[] {
  return headers.map((h) => h.trim()).filter((h) => h !== '');
}

/**
 * Assigns roles to columns: --map first, then exact synonyms in priority order, then a header
 * that starts with a synonym followed by punctuation ("Сумма, тг", "Amount (KZT)").
 */
export function detectColumns(headers: readonly string[], overrides: ColumnOverrides, file?: string): ColumnMap {
  const map: ColumnMap = {};
  const taken = new Set<number>();
  for (const role of COLUMN_ROLES) {
    const wanted = overrides.map[role];
    if (wanted === undefined) continue;
    const index = findHeader(headers, wanted);
    if (index < 0) {
      throw new KamError({ code: 'unknown-mapped-column', file, column: wanted, value: role, details: { headers: headerList(headers) } });
    }
    const other = COLUMN_ROLES.find((r) => map[r] === index);
    if (other !== undefined) throw new KamError({ code: 'column-two-roles', file, column: headers[index], details: { roles: [other, role] } });
    map[role] = index;
    taken.add(index);
  }
  const normalized = headers.map(normalizeHeader);
  for (const role of COLUMN_ROLES) {
    if (role === 'direction' || map[role] !== undefined) continue;
    for (const synonym of HEADER_SYNONYMS[role]) {
      const index = normalized.findIndex((h, i) => !taken.has(i) && h === normalizeHeader(synonym));
      if (index >= 0) {
        map[role] = index;
        taken.add(index);
        break;
      }
    }
  }
  for (const role of COLUMN_ROLES) {
    if (role === 'direction' || map[role] !== undefined) continue;
    for (const synonym of HEADER_SYNONYMS[role]) {
      const key = normalizeHeader(synonym);
      const index = normalized.findIndex((h, i) => !taken.has(i) && h.startsWith(key) && /^[,(:;[]/.test(h.slice(key.length)));
      if (index >= 0) {
        map[role] = index;
        taken.add(index);
        break;
      }
    }
  }
  // A role read from a header that another column bears too: which of them is meant cannot be told.
  for (const role of COLUMN_ROLES) {
    const index = map[role];
    if (index === undefined) continue;
    if (normalized.some((h, i) => i !== index && h === normalized[index])) throw new KamError({ code: 'duplicate-header', file, column: headers[index] });
  }
  const missing: ColumnRole[] = [];
  if (map.client === undefined) missing.push('client');
  if (map.date === undefined) missing.push('date');
  if (map.amount === undefined && (map.quantity === undefined || map.price === undefined)) missing.push('amount');
  if (missing.length > 0) {
    throw new KamError({
      code: 'missing-column',
      file,
      value: missing.join(', '),
      details: { headers: headerList(headers), roles: missing },
    });
  }
  return map;
}

/** Parses one `--map role=Header` value. */
export function parseMapOption(text: string): [ColumnRole, string] | undefined {
  const eq = text.indexOf('=');
  if (eq <= 0) return undefined;
  const role = text.slice(0, eq).trim().toLowerCase() as ColumnRole;
  const header = text.slice(eq + 1).trim();
  if (!COLUMN_ROLES.includes(role) || header === '') return undefined;
  return [role, header];
}
