// An independent reading of SPEC §11 (revenue bridge, portfolio directions), written straight from
// the text with nothing from src/: months are 'YYYY-MM' strings cut from ISO dates, money is
// counted in whole millionths as BigInt (each line's amount rounded to the millionth, as a ledger
// keeps it), and every client is looked at period by period with plain sets and maps.
// Deliberately plain, not fast.
//
// Where the SPEC leaves room, the choice made here (kam's, README "kam bridge"):
//  - per direction, a client counts in one group only: the direction value with the largest net
//    amount over all its lines (ties to the value that sorts first), with all its revenue;
//  - only lines on or before the last month's last day (the as-of day) exist.

export interface BridgeLine {
  client: string;
  /** YYYY-MM-DD */
  date: string;
  amount: number;
  direction?: string;
}

export interface ReferenceBridgeRow {
  period: string;
  revenue_start: bigint;
  new: bigint;
  reactivated: bigint;
  expansion: bigint;
  contraction: bigint;
  churned: bigint;
  revenue_end: bigint;
  clients_new: number;
  clients_reactivated: number;
  clients_churned: number;
}

/** An amount as whole millionths. */
export function micros(amount: number): bigint {
  return BigInt(Math.round(amount * 1e6));
}

/** Millionths as a number of units (for comparing with kam's figures). */
export function units(m: bigint): number {
  return Number(m) / 1e6;
}

/** The month before 'YYYY-MM'. */
export function previousMonth(month: string): string {
  let y = Number(month.slice(0, 4));
  let m = Number(month.slice(5, 7)) - 1;
  if (m === 0) {
    m = 12;
    y--;
  }
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** Month labels from `first` to `last`, inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let y = Number(first.slice(0, 4));
  let m = Number(first.slice(5, 7));
  for (;;) {
    const label = `${y}-${String(m).padStart(2, '0')}`;
    out.push(label);
    if (label >= last) return out;
    m++;
    if (m === 13) {
      m = 1;
      y++;
    }
  }
}

/** Each client's direction: the value with the largest net amount over its lines, ties to the first by sort order. */
export function referenceDirections(lines: readonly BridgeLine[]): Map<string, string | null> {
  const sums = new Map<string, Map<string, bigint>>();
  for (const l of lines) {
    if (!sums.has(l.client)) sums.set(l.client, new Map());
    if (l.direction === undefined || l.direction === '') continue;
    const byValue = sums.get(l.client)!;
    byValue.set(l.direction, (byValue.get(l.direction) ?? 0n) + micros(l.amount));
  }
  const out = new Map<string, string | null>();
  for (const [client, byValue] of sums) {
    const values = [...byValue.keys()].sort();
    let best: string | null = null;
    for (const v of values) if (best === null || byValue.get(v)! > byValue.get(best)!) best = v;
    out.set(client, best);
  }
  return out;
}

/** The bridge by month for the months `first`…`last`, over the given lines (one group). */
export function referenceBridge(lines: readonly BridgeLine[], first: string, last: string): ReferenceBridgeRow[] {
  const lastDay = `${last}-31`;
  // client → month → net millionths; a client is present in a month when it appears in the map.
  const byClient = new Map<string, Map<string, bigint>>();
  for (const l of lines) {
    if (l.date > lastDay) continue;
    const month = l.date.slice(0, 7);
    if (!byClient.has(l.client)) byClient.set(l.client, new Map());
    const months = byClient.get(l.client)!;
    months.set(month, (months.get(month) ?? 0n) + micros(l.amount));
  }
  const rows: ReferenceBridgeRow[] = [];
  for (const month of monthsBetween(first, last)) {
    const before = previousMonth(month);
    const row: ReferenceBridgeRow = {
      period: month,
      revenue_start: 0n,
      new: 0n,
      reactivated: 0n,
      expansion: 0n,
      contraction: 0n,
      churned: 0n,
      revenue_end: 0n,
      clients_new: 0,
      clients_reactivated: 0,
      clients_churned: 0,
    };
    for (const months of byClient.values()) {
      const now = months.get(month);
      const prev = months.get(before);
      if (prev !== undefined) row.revenue_start += prev;
      if (now !== undefined) row.revenue_end += now;
      if (now !== undefined && prev === undefined) {
        const earlier = [...months.keys()].some((m) => m < before);
        if (earlier) {
          row.reactivated += now;
          row.clients_reactivated++;
        } else {
          row.new += now;
          row.clients_new++;
        }
      } else if (now !== undefined && prev !== undefined) {
        const change = now - prev;
        if (change > 0n) row.expansion += change;
        if (change < 0n) row.contraction += change;
      } else if (prev !== undefined) {
        row.churned -= prev;
        row.clients_churned++;
      }
    }
    rows.push(row);
  }
  return rows;
}
