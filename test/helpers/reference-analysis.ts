// An independent reading of SPEC §2–4, written straight from the text with no code shared with
// src/: its own CSV parsing, dates, periods, window, ABC and XYZ. Used to check kam client by
// client on real data (test/e2e/online-retail.test.ts). Deliberately plain, not fast.
//
// Where the SPEC leaves room, the choice made here is named in a comment:
//  - the window's rows: days from the first whole period's first day to the last whole
//    period's last day, never past the as-of day; default as-of = the latest date of any row
//    with a client;
//  - the XYZ series starts at the period of the client's first purchase in the window (a line
//    with a positive amount, or a zero amount and a positive quantity), or at the first line
//    of any kind with `seriesFrom: 'first-line'` (kam's reading);
//  - clients listed: every client with a line in the window.

export interface ReferenceOptions {
  period: 'month' | 'quarter' | 'week';
  abc: [number, number]; // percent
  abcBoundary: 'include' | 'exclude';
  xyz: [number, number]; // percent
  xyzStart: 'first' | 'window';
  sd: 'population' | 'sample';
  minPeriods: number;
  includePartial: boolean;
  asOf?: string; // YYYY-MM-DD
  from?: string;
  to?: string;
  seriesFrom: 'first-purchase' | 'first-line';
}

export const REFERENCE_DEFAULTS: ReferenceOptions = {
  period: 'month',
  abc: [80, 95],
  abcBoundary: 'include',
  xyz: [10, 25],
  xyzStart: 'first',
  sd: 'population',
  minPeriods: 3,
  includePartial: false,
  seriesFrom: 'first-purchase',
};

export interface ReferenceRow {
  client: string;
  date: string; // YYYY-MM-DD
  amount: number;
  quantity: number | undefined;
  document: string | undefined;
}

export interface ReferenceClient {
  client: string;
  abc: 'A' | 'B' | 'C';
  xyz: 'X' | 'Y' | 'Z' | null;
  total: number;
  share: number | null;
  cumShare: number | null;
  rank: number | null;
  cv: number | null;
  activePeriods: number;
  purchases: number;
  seriesStart: number;
}

export interface ReferenceResult {
  clients: Map<string, ReferenceClient>;
  order: string[];
  periods: string[];
  asOf: string;
}

/** Splits CSV text (RFC 4180: quoted fields may hold commas, quotes and newlines) into records. */
export function splitCsv(text: string): string[][] {
  const out: string[][] = [];
  let rec: string[] = [];
  let cur = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (inQuotes) {
      if (ch === '"') {
        if (text.charAt(i + 1) === '"') {
          cur += '"';
          i++;
        } else inQuotes = false;
      } else cur += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === ',') {
      rec.push(cur);
      cur = '';
    } else if (ch === '\n') {
      rec.push(cur.endsWith('\r') ? cur.slice(0, -1) : cur);
      out.push(rec);
      rec = [];
      cur = '';
    } else cur += ch;
  }
  if (cur !== '' || rec.length > 0) {
    rec.push(cur);
    out.push(rec);
  }
  return out;
}

/**
 * Rows of an Online-Retail-shaped CSV: CustomerID, InvoiceDate ('YYYY-MM-DD hh:mm:ss'),
 * Quantity × UnitPrice, InvoiceNo. Rows without a client are left out (SPEC §1).
 */
export function onlineRetailRows(text: string): { rows: ReferenceRow[]; noClient: number } {
  const [header, ...records] = splitCsv(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (header === undefined) throw new Error('no header');
  const at = (name: string): number => {
    const i = header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
    if (i < 0) throw new Error(`no column ${name}`);
    return i;
  };
  const c = at('CustomerID');
  const d = at('InvoiceDate');
  const q = at('Quantity');
  const p = at('UnitPrice');
  const inv = at('InvoiceNo');
  const rows: ReferenceRow[] = [];
  let noClient = 0;
  for (const r of records) {
    if (r.length === 1 && r[0] === '') continue;
    const client = (r[c] ?? '').trim().split(/\s+/).join(' ');
    if (client === '') {
      noClient++;
      continue;
    }
    const date = (r[d] ?? '').trim().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`bad date ${r[d]}`);
    const quantity = Number(r[q]);
    const price = Number(r[p]);
    if (!Number.isFinite(quantity) || !Number.isFinite(price)) throw new Error(`bad number in ${r.join(',')}`);
    rows.push({ client, date, amount: quantity * price, quantity, document: r[inv] });
  }
  return { rows, noClient };
}

// ---- dates and periods, with Date.UTC ----

const DAY_MS = 86_400_000;

function dayOf(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

interface PeriodKey {
  /** A sortable integer key of the period containing the day. */
  key(day: number): number;
  first(key: number): number;
  last(key: number): number;
  label(key: number): string;
}

const MONDAY_1970 = 4; // 1970-01-05 was a Monday

function periodKind(kind: ReferenceOptions['period']): PeriodKey {
  if (kind === 'week') {
    return {
      key: (day) => Math.floor((day - MONDAY_1970) / 7),
      first: (k) => MONDAY_1970 + 7 * k,
      last: (k) => MONDAY_1970 + 7 * k + 6,
      label: (k) => dateOf(MONDAY_1970 + 7 * k),
    };
  }
  const months = kind === 'month' ? 1 : 3;
  const key = (day: number): number => {
    const dt = new Date(day * DAY_MS);
    return Math.floor((dt.getUTCFullYear() * 12 + dt.getUTCMonth()) / months);
  };
  const first = (k: number): number => {
    const m = k * months;
    return Date.UTC(Math.floor(m / 12), m % 12, 1) / DAY_MS;
  };
  return { key, first, last: (k) => first(k + 1) - 1, label: (k) => dateOf(first(k)) };
}

// ---- the analysis ----

function isPurchase(r: ReferenceRow): boolean {
  return r.amount > 0 || (r.amount === 0 && r.quantity !== undefined && r.quantity > 0);
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Percent comparisons with a tolerance for float noise: "a ≤ b" in decimal terms. */
const TOL = 1e-9;

export function referenceAnalysis(rows: readonly ReferenceRow[], options: ReferenceOptions): ReferenceResult {
  const kind = periodKind(options.period);
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (const r of rows) {
    const d = dayOf(r.date);
    if (d < minDay) minDay = d;
    if (d > maxDay) maxDay = d;
  }
  const asOf = options.asOf !== undefined ? dayOf(options.asOf) : maxDay;

  // SPEC §2: whole periods; a partly covered first or last period is left out unless kept.
  let firstKey: number;
  if (options.from !== undefined) firstKey = kind.key(dayOf(options.from));
  else {
    firstKey = kind.key(minDay);
    if (minDay !== kind.first(firstKey) && !options.includePartial) firstKey++;
  }
  let lastKey: number;
  if (options.to !== undefined) lastKey = kind.key(dayOf(options.to));
  else {
    lastKey = kind.key(asOf);
    if (asOf !== kind.last(lastKey) && !options.includePartial) lastKey--;
  }
  if (lastKey < firstKey) throw new Error('empty window');
  const startDay = kind.first(firstKey);
  const endDay = Math.min(kind.last(lastKey), asOf);
  const nPeriods = lastKey - firstKey + 1;

  interface Acc {
    total: number;
    series: number[];
    firstLine: number;
    firstPurchase: number;
    purchaseDocs: Map<string, number>; // document → first purchase day
    purchaseDays: Set<number>;
    activeKeys: Set<number>;
  }
  const acc = new Map<string, Acc>();
  const hasDocuments = rows.some((r) => r.document !== undefined);
  for (const r of rows) {
    const d = dayOf(r.date);
    if (d < startDay || d > endDay) continue;
    let a = acc.get(r.client);
    if (a === undefined) {
      a = { total: 0, series: new Array<number>(nPeriods).fill(0), firstLine: Infinity, firstPurchase: Infinity, purchaseDocs: new Map(), purchaseDays: new Set(), activeKeys: new Set() };
      acc.set(r.client, a);
    }
    const idx = kind.key(d) - firstKey;
    a.total += r.amount;
    a.series[idx] = a.series[idx]! + r.amount;
    a.firstLine = Math.min(a.firstLine, idx);
    if (isPurchase(r)) {
      a.firstPurchase = Math.min(a.firstPurchase, idx);
      a.activeKeys.add(idx);
      a.purchaseDays.add(d);
      if (r.document !== undefined && r.document !== '') {
        const seen = a.purchaseDocs.get(r.document);
        if (seen === undefined || d < seen) a.purchaseDocs.set(r.document, d);
      }
    }
  }

  // SPEC §3: ABC over the clients with a positive total.
  const positive = [...acc.entries()].filter(([, a]) => round6(a.total) > 0);
  positive.sort(([n1, a1], [n2, a2]) => {
    const t = round6(a2.total) - round6(a1.total);
    if (t !== 0) return t;
    return n1 < n2 ? -1 : n1 > n2 ? 1 : 0;
  });
  const sum = positive.reduce((s, [, a]) => s + a.total, 0);
  const result = new Map<string, ReferenceClient>();
  const order: string[] = [];
  let cum = 0;
  let tieTotal: number | undefined;
  let tieClass: 'A' | 'B' | 'C' = 'A';
  positive.forEach(([name, a], i) => {
    const beforePct = (cum / sum) * 100;
    cum += a.total;
    const includingPct = (cum / sum) * 100;
    if (tieTotal === undefined || round6(a.total) !== tieTotal) {
      tieTotal = round6(a.total);
      if (options.abcBoundary === 'include') tieClass = beforePct < options.abc[0] - TOL ? 'A' : beforePct < options.abc[1] - TOL ? 'B' : 'C';
      else tieClass = includingPct <= options.abc[0] + TOL ? 'A' : includingPct <= options.abc[1] + TOL ? 'B' : 'C';
    }
    order.push(name);
    result.set(name, { ...xyzOf(a), client: name, abc: tieClass, total: a.total, share: a.total / sum, cumShare: cum / sum, rank: i + 1 });
  });
  const rest = [...acc.entries()].filter(([, a]) => !(round6(a.total) > 0));
  // The SPEC fixes no order for these; here: by total at 6 decimals, largest first, then by name.
  rest.sort(([n1, a1], [n2, a2]) => round6(a2.total) - round6(a1.total) || (n1 < n2 ? -1 : n1 > n2 ? 1 : 0));
  for (const [name, a] of rest) {
    order.push(name);
    result.set(name, { ...xyzOf(a), client: name, abc: 'C', total: a.total, share: null, cumShare: null, rank: null });
  }

  // SPEC §4
  function xyzOf(a: Acc): Pick<ReferenceClient, 'xyz' | 'cv' | 'activePeriods' | 'purchases' | 'seriesStart'> {
    const start =
      options.xyzStart === 'window' ? 0 : options.seriesFrom === 'first-line' ? a.firstLine : Number.isFinite(a.firstPurchase) ? a.firstPurchase : a.firstLine;
    const series = a.series.slice(start);
    const purchases = hasDocuments ? [...a.purchaseDocs.values()].length : a.purchaseDays.size;
    const base = { activePeriods: a.activeKeys.size, purchases, seriesStart: start };
    const n = series.length;
    if (n < options.minPeriods || (options.sd === 'sample' && n < 2)) return { ...base, xyz: null, cv: null };
    const mean = series.reduce((s, x) => s + x, 0) / n;
    if (round6(mean) <= 0) return { ...base, xyz: null, cv: null };
    const ss = series.reduce((s, x) => s + (x - mean) * (x - mean), 0);
    const sd = Math.sqrt(ss / (options.sd === 'sample' ? n - 1 : n));
    const cv = sd / mean;
    const pct = cv * 100;
    const xyz = pct <= options.xyz[0] + TOL ? 'X' : pct <= options.xyz[1] + TOL ? 'Y' : 'Z';
    return { ...base, xyz, cv };
  }

  const periods: string[] = [];
  for (let k = firstKey; k <= lastKey; k++) periods.push(kind.label(k));
  return { clients: result, order, periods, asOf: dateOf(asOf) };
}

/** kam's JSON record, the fields compared. */
export interface KamClient {
  client: string;
  abc: string;
  xyz: string | null;
  total: number;
  share: number | null;
  cum_share: number | null;
  rank: number | null;
  cv: number | null;
  active_periods: number;
  purchases: number;
}

/** Every difference between kam's per-client table and the reference, as readable lines. */
export function compareWithReference(kamClients: readonly KamClient[], ref: ReferenceResult, cvTolerance = 1e-6): string[] {
  const problems: string[] = [];
  const kamNames = new Set(kamClients.map((c) => c.client));
  for (const name of ref.order) if (!kamNames.has(name)) problems.push(`${name}: in the reference, not in kam`);
  for (const k of kamClients) {
    const r = ref.clients.get(k.client);
    if (r === undefined) {
      problems.push(`${k.client}: in kam, not in the reference`);
      continue;
    }
    const diff = (what: string, a: unknown, b: unknown): void => {
      problems.push(`${k.client}: ${what} kam=${String(a)} reference=${String(b)}`);
    };
    if (k.abc !== r.abc) diff('abc', k.abc, r.abc);
    if ((k.xyz ?? null) !== r.xyz) diff('xyz', k.xyz, r.xyz);
    if ((k.cv === null) !== (r.cv === null) || (k.cv !== null && r.cv !== null && Math.abs(k.cv - r.cv) > cvTolerance)) diff('cv', k.cv, r.cv);
    if (Math.abs(k.total - r.total) > 1e-6 * Math.max(1, Math.abs(r.total))) diff('total', k.total, r.total);
    if (k.rank !== r.rank) diff('rank', k.rank, r.rank);
    if ((k.share === null) !== (r.share === null) || (k.share !== null && Math.abs(k.share - r.share!) > 1e-9)) diff('share', k.share, r.share);
    if (k.active_periods !== r.activePeriods) diff('active_periods', k.active_periods, r.activePeriods);
    if (k.purchases !== r.purchases) diff('purchases', k.purchases, r.purchases);
  }
  // The ranked clients come first, in rank order, then the unranked ones by total at 6 decimals
  // and name (test/core/abc.test.ts).
  const ranked = ref.order.filter((n) => ref.clients.get(n)!.rank !== null);
  const kamOrder = kamClients.map((c) => c.client);
  if (problems.length === 0 && kamOrder.slice(0, ranked.length).join('\n') !== ranked.join('\n')) problems.push('the order of the ranked clients differs');
  else if (problems.length === 0 && kamOrder.join('\n') !== ref.order.join('\n')) problems.push('the order of the unranked clients differs');
  return problems;
}
