// An independent reading of the Online Retail ledger and of the SPEC's ABC/XYZ rules, for the
// migration and dossier tests. It shares no code with kam: csv-parse reads the file, and every
// rule below is written out again from SPEC §3, §4 and §6.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { datasetPath, skipWithout } from './datasets.js';

export const ONLINE_RETAIL = datasetPath('online-retail.csv.gz');
export const NO_ONLINE_RETAIL = skipWithout('online-retail.csv.gz');

export interface Line {
  client: string;
  day: number;
  amount: number;
  quantity: number;
  invoice: string;
  product: string;
  country: string;
}

const DAY_MS = 86_400_000;

export function isoDay(text: string): number {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function dayText(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Month index (year × 12 + month − 1) of a day. */
export function monthOf(day: number): number {
  const d = new Date(day * DAY_MS);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

let cache: Line[] | undefined;

/** Every line with a CustomerID; amount = Quantity × UnitPrice (the file has no amount column). */
export function onlineRetailLines(): Line[] {
  if (cache !== undefined) return cache;
  const rows = parse(gunzipSync(readFileSync(ONLINE_RETAIL)), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const lines: Line[] = [];
  for (const r of rows) {
    const client = (r.CustomerID ?? '').trim();
    if (client === '') continue;
    const quantity = Number(r.Quantity);
    lines.push({
      client,
      day: isoDay(r.InvoiceDate!),
      amount: quantity * Number(r.UnitPrice),
      quantity,
      invoice: r.InvoiceNo!.trim(),
      product: r.StockCode!.trim(),
      country: r.Country!.trim(),
    });
  }
  cache = lines;
  return lines;
}

export interface RefClient {
  client: string;
  total: number;
  /** Net amount per month of the window. */
  series: number[];
  /** Index of the month of the client's first purchase in the window (SPEC §4 with §6's purchase), else of its first line. */
  firstMonth: number;
  firstLineMonth: number;
  abc: 'A' | 'B' | 'C';
  xyz: 'X' | 'Y' | 'Z' | null;
  share: number | null;
  /** Among the top clients making up 50% (SPEC §5: bounded like class A). */
  top50: boolean;
}

/**
 * ABC by net revenue (cut-offs 80/95, the client crossing a line is in the higher class, ties at
 * 6 decimals share a class) and XYZ by the population CV of the monthly series from the month of
 * the client's first purchase (a positive line) in the window, or of its first line when it has
 * returns only (cut-offs 10/25%, at least 3 months, positive mean).
 */
export function classifyWindow(lines: readonly Line[], fromMonth: number, toMonth: number): Map<string, RefClient> {
  const months = toMonth - fromMonth + 1;
  const byClient = new Map<string, RefClient>();
  for (const l of lines) {
    const m = monthOf(l.day);
    if (m < fromMonth || m > toMonth) continue;
    let c = byClient.get(l.client);
    if (c === undefined) {
      c = { client: l.client, total: 0, series: new Array<number>(months).fill(0), firstMonth: months, firstLineMonth: months, abc: 'C', xyz: null, share: null, top50: false };
      byClient.set(l.client, c);
    }
    c.series[m - fromMonth]! += l.amount;
    c.firstLineMonth = Math.min(c.firstLineMonth, m - fromMonth);
    if (l.amount > 0 || (l.amount === 0 && l.quantity > 0)) c.firstMonth = Math.min(c.firstMonth, m - fromMonth);
  }
  for (const c of byClient.values()) if (c.firstMonth === months) c.firstMonth = c.firstLineMonth;
  const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;
  for (const c of byClient.values()) c.total = c.series.reduce((s, x) => s + x, 0);
  const ranked = [...byClient.values()].filter((c) => round6(c.total) > 0).sort((a, b) => round6(b.total) - round6(a.total) || (a.client < b.client ? -1 : a.client > b.client ? 1 : 0));
  const sum = ranked.reduce((s, c) => s + c.total, 0);
  let before = 0;
  let lastKey = Number.NaN;
  let lastClass: 'A' | 'B' | 'C' = 'A';
  let lastTop = true;
  for (const c of ranked) {
    const share = before / sum;
    if (round6(c.total) !== lastKey) {
      lastKey = round6(c.total);
      lastClass = share < 0.8 - 1e-9 ? 'A' : share < 0.95 - 1e-9 ? 'B' : 'C';
      lastTop = share < 0.5 - 1e-9;
    }
    c.abc = lastClass;
    c.top50 = lastTop;
    c.share = c.total / sum;
    before += c.total;
  }
  for (const c of byClient.values()) {
    const s = c.series.slice(c.firstMonth);
    if (s.length < 3) continue;
    const mean = s.reduce((a, b) => a + b, 0) / s.length;
    if (Math.round(mean * 1e6) <= 0) continue;
    const sd = Math.sqrt(s.reduce((a, x) => a + (x - mean) ** 2, 0) / s.length);
    const cv = sd / mean;
    c.xyz = cv <= 0.1 + 1e-9 ? 'X' : cv <= 0.25 + 1e-9 ? 'Y' : 'Z';
  }
  return byClient;
}

/** Median of numbers. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Parses kam's CSV output (RFC 4180 quoting) into objects keyed by the header. */
export function csvObjects(text: string): Record<string, string>[] {
  const rows = parse(text, { columns: true }) as Record<string, string>[];
  return rows;
}
