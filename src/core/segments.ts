// SPEC §7: tags. A client may carry several; they are computed here from an Analysis (plus the
// ledger it came from, for the prospects' pace) and a client attributes file, and the key-client
// share is recomputed once breadwinners and image-makers are known (SPEC §5).
//
// Choices where the SPEC is silent (README, "Tags"):
// - breadwinner: share = the client's net profit in the window / the window's total net profit (all
//   clients, returns included); revenue where the ledger has no profit column. "At least" the
//   threshold, compared with a 1e-9 tolerance. No breadwinner when the total is not positive.
// - prospect: the first purchase day (over all history up to the as-of day) is on or after the
//   as-of day moved back `newWithinMonths` calendar months (the day of month clamped to the
//   month's end: 2026-10-31 − 6 months = 2026-04-30). Pace is in the ABC metric (revenue by
//   default, so it compares with the ABC totals): the net metric from the first purchase day to the
//   as-of day, per month elapsed, a month being 365.2425 / 12 days and at least one month counted
//   (so a purchase made yesterday is not extrapolated from one day). Projection over the window =
//   pace × the window's length in months, i.e. metric × window days / max(elapsed days, one
//   month), where elapsed days = as-of − first purchase + 1. The projection is class A when it
//   reaches the smallest total of the window's A clients and B when it reaches the smallest total
//   of its A and B clients (the window's A/B thresholds; compared at 6 decimals like ABC ties).
// - qualified: only prospects, and only with need, can_pay and authority all "yes".
// - Tags from the attributes file are lower-cased with spaces turned into "-"; Russian and Kazakh
//   names of image-maker and expert are understood. Tags the ledger decides (key, breadwinner,
//   prospect, qualified, lost, at-risk) are not taken from the file.
// - The file is matched against every client of the ledger, not only those in the window; names
//   matching no client at all are reported in one warning.
import { isKeyClient, keyShareOf, measureOf, type Analysis, type ClientAnalysis } from './analyze.js';
import { roundForTies } from './order.js';
import { daysFromCivil, daysInMonth, ymdFromDay } from './calendar.js';
import { normalizeClientName, type Ledger } from './ledger.js';
import type { Problem } from './problems.js';
import { withTags } from './client-analysis.js';

/** Average Gregorian month in days. */
export const MONTH_DAYS = 365.2425 / 12;

/** Tags the ledger decides; an attributes file cannot set them. */
export const COMPUTED_TAGS: readonly string[] = ['key', 'breadwinner', 'prospect', 'qualified', 'lost', 'at-risk'];

/** The order tags are written in; tags from the attributes file not listed here follow, as they come. */
export const TAG_ORDER: readonly string[] = ['key', 'breadwinner', 'image-maker', 'expert', 'prospect', 'qualified', 'at-risk', 'lost'];

const TAG_SYNONYMS: Readonly<Record<string, string>> = {
  imagemaker: 'image-maker',
  'image-maker': 'image-maker',
  имиджмейкер: 'image-maker',
  'имидж-мейкер': 'image-maker',
  имиджевый: 'image-maker',
  expert: 'expert',
  эксперт: 'expert',
  сарапшы: 'expert',
};

/** A tag as written in an attributes file → kam's form: lower case, spaces and "_" as "-", known synonyms mapped. */
export function normalizeTag(raw: string): string {
  const t = raw.trim().toLowerCase().replace(/ё/g, 'е').replace(/[\s_]+/g, '-');
  return TAG_SYNONYMS[t] ?? t;
}

/** How an attributes file names a client and a ledger client are compared: case, surrounding and inner spaces ignored. */
export function clientMatchKey(name: string): string {
  return normalizeClientName(name.normalize('NFC')).toLowerCase();
}

export interface ClientAttributeRow {
  /** The name as written in the file (trimmed). */
  name: string;
  /** Line (CSV) or row (xlsx) of the file. */
  line: number;
  /** Tags from the `tags` column, normalised (normalizeTag), computed ones left out. */
  tags: string[];
  /** 3P qualification: true, false, or null where empty or unreadable. */
  need: boolean | null;
  canPay: boolean | null;
  authority: boolean | null;
  /** Every column other than the client and tags columns, as written: header → text ('' when empty). */
  values: Record<string, string>;
}

export interface ClientAttributes {
  file: string;
  /** Columns other than client and tags, in file order (need, can_pay, authority included). */
  columns: string[];
  rows: ClientAttributeRow[];
  /** Problems met while reading (unreadable yes/no values, computed tags ignored). */
  notes: Problem[];
}

export interface ProspectPace {
  firstPurchase: number;
  /** Net ABC metric from the first purchase day to the as-of day. */
  metricSince: number;
  /** Days from the first purchase to the as-of day, both included. */
  elapsedDays: number;
  /** Metric per month since the first purchase. */
  pace: number;
  /** Pace over the whole window. */
  projected: number;
  projectedClass: 'A' | 'B' | 'C';
}

export interface ClientSegment {
  /** Share of total profit (or revenue) that the breadwinner rule looks at; null when the total is not positive. */
  basisShare: number | null;
  /** Set for clients whose first purchase is recent enough to be a prospect. */
  pace: ProspectPace | null;
  attributes: ClientAttributeRow | null;
}

/** What a client's segment is made from: its figures in the window's analysis. */
export type SegmentedClient = Pick<ClientAnalysis, 'client' | 'revenue' | 'profit' | 'firstPurchase'>;

export interface SegmentSummary {
  /** What the breadwinner share is a share of. */
  breadwinnerBasis: 'profit' | 'revenue';
  breadwinnerShare: number;
  newWithinMonths: number;
  /** Prospects first bought on or after this day. */
  newSince: number;
  /** Window length in months (window days / MONTH_DAYS). */
  windowMonths: number;
  /** Smallest metric total of an A client, and of an A or B client, in the window; null without positive clients. */
  thresholdA: number | null;
  thresholdB: number | null;
  /** Clients per tag, in TAG_ORDER then file order. */
  counts: [string, number][];
  /**
   * The breadwinner share, prospect pace and attributes row of a client of the window, made on
   * read: only a client's card reads them, and a Map of them for every client took ~96 B a client
   * (issue 18: a million clients).
   */
  segmentOf(client: SegmentedClient): ClientSegment;
  /** The attributes file, when given. */
  attributes: {
    file: string;
    columns: string[];
    /** Ledger client → its row (every ledger client that matched, in the window or not). */
    byClient: Map<string, ClientAttributeRow>;
    matchedRows: number;
    unmatched: string[];
  } | null;
}

/** `day` moved back `months` calendar months, the day of month clamped to the month's length. */
export function monthsBefore(day: number, months: number): number {
  const { y, m, d } = ymdFromDay(day);
  const index = y * 12 + (m - 1) - Math.floor(months);
  const yy = Math.floor(index / 12);
  const mm = (index % 12) + 1;
  return daysFromCivil(yy, mm, Math.min(d, daysInMonth(yy, mm)));
}


/** Orders tags: TAG_ORDER first, then the others in the order they were added; no duplicates. */
export function orderTags(tags: Iterable<string>): string[] {
  const unique = [...new Set(tags)];
  const known = TAG_ORDER.filter((t) => unique.includes(t));
  return [...known, ...unique.filter((t) => !TAG_ORDER.includes(t))];
}

/** Matches an attributes file to the ledger's clients: ledger client → row, plus the names that matched none. */
export function matchAttributes(
  clientNames: Iterable<string>,
  attributes: ClientAttributes,
): { byClient: Map<string, ClientAttributeRow>; matchedRows: number; unmatched: string[] } {
  const byKey = new Map<string, string[]>();
  for (const name of clientNames) {
    const key = clientMatchKey(name);
    const list = byKey.get(key);
    if (list === undefined) byKey.set(key, [name]);
    else list.push(name);
  }
  const byClient = new Map<string, ClientAttributeRow>();
  const unmatched: string[] = [];
  let matchedRows = 0;
  for (const row of attributes.rows) {
    const clients = byKey.get(clientMatchKey(row.name));
    if (clients === undefined) {
      if (!unmatched.includes(row.name)) unmatched.push(row.name);
      continue;
    }
    matchedRows++;
    for (const client of clients) {
      const seen = byClient.get(client);
      byClient.set(client, seen === undefined ? row : mergeRows(seen, row));
    }
  }
  return { byClient, matchedRows, unmatched };
}

/** Two rows for one client: tags united, the first non-empty value of every other column kept. */
function mergeRows(a: ClientAttributeRow, b: ClientAttributeRow): ClientAttributeRow {
  const values: Record<string, string> = { ...a.values };
  for (const [k, v] of Object.entries(b.values)) if ((values[k] ?? '') === '') values[k] = v;
  return {
    name: a.name,
    line: a.line,
    tags: [...new Set([...a.tags, ...b.tags])],
    need: a.need ?? b.need,
    canPay: a.canPay ?? b.canPay,
    authority: a.authority ?? b.authority,
    values,
  };
}

/**
 * Tags every client of the analysis (SPEC §7) and recomputes the key-client share (SPEC §5).
 * Returns a new Analysis (its notes gain the attributes file's) and the tags' summary; the
 * analysis given is not changed. Tags already present (from other rules) are kept.
 */
export function applySegments(analysis: Analysis, ledger: Ledger, attributes?: ClientAttributes): Segmented {
  const s = analysis.settings;
  const { window } = analysis;
  const asOf = window.asOf;
  const basis: 'profit' | 'revenue' = analysis.columns.profit ? 'profit' : 'revenue';
  const basisTotal = basis === 'profit' ? (analysis.totals.profit ?? 0) : analysis.totals.revenue;

  let thresholdA: number | null = null;
  let thresholdB: number | null = null;
  for (const c of analysis.clients) {
    if (c.rank === null) continue;
    if (c.abc === 'A') thresholdA = thresholdA === null ? c.total : Math.min(thresholdA, c.total);
    if (c.abc !== 'C') thresholdB = thresholdB === null ? c.total : Math.min(thresholdB, c.total);
  }
  const windowDays = window.endDay - window.startDay + 1;
  const newSince = monthsBefore(asOf, s.newWithinMonths);

  const matched = attributes === undefined ? undefined : matchAttributes(ledger.clients.keys(), attributes);
  const notes: Problem[] = [...analysis.notes];
  if (attributes !== undefined) notes.push(...attributes.notes);
  if (matched !== undefined && matched.unmatched.length > 0) {
    notes.push({
      code: 'attributes-unmatched',
      severity: 'warning',
      file: attributes?.file,
      details: { count: matched.unmatched.length, names: matched.unmatched },
    });
  }

  const segmentOf = (c: SegmentedClient): ClientSegment => {
    const basisValue = basis === 'profit' ? (c.profit ?? 0) : c.revenue;
    const basisShare = basisTotal > 0 ? basisValue / basisTotal : null;
    const pace =
      c.firstPurchase !== null && c.firstPurchase >= newSince && c.firstPurchase <= asOf
        ? paceOf(ledger, c.client, c.firstPurchase, asOf, windowDays, s.by, thresholdA, thresholdB)
        : null;
    return { basisShare, pace, attributes: matched?.byClient.get(c.client) ?? null };
  };
  const tagLists = analysis.clients.map((c) => {
    const tags: string[] = [...c.tags];
    const { basisShare, pace, attributes: row } = segmentOf(c);
    if (basisShare !== null && basisShare >= s.breadwinnerShare - 1e-9) tags.push('breadwinner');
    if (row !== null) tags.push(...row.tags);
    if (pace !== null && pace.projectedClass !== 'C') {
      tags.push('prospect');
      if (row !== null && row.need === true && row.canPay === true && row.authority === true) tags.push('qualified');
    }
    if (c.status === 'lost') tags.push('lost');
    else if (c.status === 'at-risk') tags.push('at-risk');

    if (isKeyClient({ keyTop: c.keyTop, tags })) tags.push('key');
    return orderTags(tags);
  });
  const clients = withTags(analysis.clients, tagLists);

  const counts = new Map<string, number>();
  for (const c of clients) for (const t of c.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  const segments: SegmentSummary = {
    breadwinnerBasis: basis,
    breadwinnerShare: s.breadwinnerShare,
    newWithinMonths: s.newWithinMonths,
    newSince,
    windowMonths: windowDays / MONTH_DAYS,
    thresholdA,
    thresholdB,
    counts: orderTags(counts.keys()).map((t) => [t, counts.get(t)!]),
    segmentOf,
    attributes:
      attributes === undefined || matched === undefined
        ? null
        : { file: attributes.file, columns: attributes.columns, byClient: matched.byClient, matchedRows: matched.matchedRows, unmatched: matched.unmatched },
  };
  return {
    analysis: { ...analysis, clients, key: keyShareOf(clients, analysis.totals.revenue, analysis.totals.profit), notes },
    segments,
  };
}

/** A tagged analysis and its tags' summary (applySegments). */
export interface Segmented {
  analysis: Analysis;
  segments: SegmentSummary;
}

/** The prospect rule's arithmetic for one client (see the file comment). */
export function paceOf(
  ledger: Ledger,
  client: string,
  firstPurchase: number,
  asOf: number,
  windowDays: number,
  by: Analysis['settings']['by'],
  thresholdA: number | null,
  thresholdB: number | null,
): ProspectPace {
  let metricSince = 0;
  const history = ledger.clients.get(client);
  if (history !== undefined) {
    const days = history.days;
    const measure = measureOf(by);
    for (let i = 0; i < days.size; i++) {
      const day = days.day(i);
      if (day >= firstPurchase && day <= asOf) metricSince += days.total(measure, i);
    }
  }
  const elapsedDays = asOf - firstPurchase + 1;
  const counted = Math.max(elapsedDays, MONTH_DAYS);
  const pace = (metricSince / counted) * MONTH_DAYS;
  const projected = (metricSince * windowDays) / counted;
  const p = roundForTies(projected);
  const projectedClass: 'A' | 'B' | 'C' =
    p > 0 && thresholdA !== null && p >= roundForTies(thresholdA) ? 'A' : p > 0 && thresholdB !== null && p >= roundForTies(thresholdB) ? 'B' : 'C';
  return { firstPurchase, metricSince, elapsedDays, pace, projected, projectedClass };
}
