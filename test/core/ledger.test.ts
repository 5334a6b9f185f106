// The folded ledger: exact sums (order never matters), purchase days, documents, and the packed
// form worker threads hand back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packLedger, mergePacked } from '../../src/core/ledger-transfer.js';
import { DocumentSet, NO_DOCUMENTS } from '../../src/core/document-set.js';
import { addLine, ClientHistory, emptyLedger, finishLedger, mergeLedger, NO_AMOUNTS, normalizeClientName, type Ledger, type LedgerRow } from '../../src/core/ledger.js';
import { NO_PRODUCTS } from '../../src/core/product-sums.js';

const COLUMNS = { quantity: true, profit: true, document: true, product: false, direction: true };

function ledgerOf(rows: readonly LedgerRow[]): Ledger {
  const ledger = emptyLedger(COLUMNS);
  for (const row of rows) addLine(ledger, row);
  return finishLedger(ledger);
}

/** [day, documents first bought that day] of each day with one (a finished ledger counts them per day). */
function documentDays(h: ClientHistory): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < h.days.size; i++) if (h.days.documents(i) > 0) out.push([h.days.day(i), h.days.documents(i)]);
  return out;
}

/** Everything a ledger knows, as plain data to compare. */
function snapshot(ledger: Ledger): unknown {
  return [...ledger.clients.values()].map((h) => ({
    client: h.client,
    rows: h.rows,
    days: [...h.days].map(([day, t]) => [day, t.amount, t.profit, t.quantity, t.purchase]),
    documents: documentDays(h),
    directions: [...h.directions],
  }));
}

// Amounts whose float sum depends on the order: 0.1 + 0.2 + 0.3 ≠ 0.3 + 0.2 + 0.1 in binary.
const NOISY: LedgerRow[] = [0.1, 0.2, 0.3, 1e9 + 0.07, -0.3, 15.299999999999999, 33.33, -1e9].map((amount, i) => ({
  client: i % 2 === 0 ? 'A' : 'B',
  day: 19_000 + (i % 3),
  amount,
  quantity: i,
  profit: amount / 7,
  document: `D${i % 4}`,
  direction: i % 3 === 0 ? 'North' : 'South',
}));

describe('exact sums', () => {
  it('give the same totals to the last bit whatever the order of the lines', () => {
    const forward = ledgerOf(NOISY);
    const backward = ledgerOf([...NOISY].reverse());
    const shuffled = ledgerOf([NOISY[3]!, NOISY[0]!, NOISY[7]!, NOISY[5]!, NOISY[1]!, NOISY[6]!, NOISY[2]!, NOISY[4]!]);
    expect(snapshot(backward)).toEqual(snapshot(forward));
    expect(snapshot(shuffled)).toEqual(snapshot(forward));
  });

  it('are the decimal sums of the lines (to a millionth), not float noise', () => {
    const ledger = ledgerOf([
      { client: 'A', day: 1, amount: 0.1 },
      { client: 'A', day: 1, amount: 0.2 },
      { client: 'A', day: 1, amount: -0.3 },
      { client: 'A', day: 2, amount: 6 * 2.55 },
    ]);
    const days = ledger.clients.get('A')!.days;
    expect(days.get(1)!.amount).toBe(0);
    expect(Object.is(days.get(1)!.amount, -0)).toBe(false);
    expect(days.get(2)!.amount).toBe(15.3);
  });

  it('a ledger split in two and merged equals the ledger read whole', () => {
    const whole = ledgerOf(NOISY);
    const first = emptyLedger(COLUMNS);
    const second = emptyLedger(COLUMNS);
    NOISY.forEach((row, i) => addLine(i < 5 ? first : second, row));
    expect(snapshot(finishLedger(mergeLedger(first, second)))).toEqual(snapshot(whole));
  });

  it('a packed part (as a worker thread sends it) merges into the same ledger', () => {
    const whole = ledgerOf(NOISY);
    const head = emptyLedger(COLUMNS);
    const part = emptyLedger(COLUMNS);
    NOISY.forEach((row, i) => addLine(i < 3 ? head : part, row));
    const packed = packLedger(part);
    expect(snapshot(finishLedger(mergePacked(head, packed)))).toEqual(snapshot(whole));
    expect(head.rows).toBe(NOISY.length);
  });
});

describe('purchase days and documents', () => {
  it('a day of returns alone is not a purchase day, and its document is not a purchase', () => {
    const ledger = ledgerOf([
      { client: 'A', day: 10, amount: 100, document: 'S1' },
      { client: 'A', day: 11, amount: -40, document: 'R1' },
      { client: 'A', day: 12, amount: 0, quantity: 2, document: 'S2' },
    ]);
    const h = ledger.clients.get('A')!;
    expect([...h.days].filter(([, t]) => t.purchase).map(([d]) => d)).toEqual([10, 12]);
    expect(documentDays(h)).toEqual([
      [10, 1],
      [12, 1],
    ]);
  });

  it('a document on two days belongs to its first purchase day', () => {
    const ledger = ledgerOf([
      { client: 'A', day: 12, amount: 5, document: 'S1' },
      { client: 'A', day: 10, amount: 5, document: 'S1' },
    ]);
    expect(documentDays(ledger.clients.get('A')!)).toEqual([[10, 1]]);
  });
});

describe('client names', () => {
  it('are trimmed and inner runs of spaces (also no-break) folded, case kept', () => {
    expect(normalizeClientName('  ТОО  Астана-Маркет ')).toBe('ТОО Астана-Маркет');
    expect(normalizeClientName('ТОО\u00a0\u00a0Астана\tМаркет')).toBe('ТОО Астана Маркет');
    expect(normalizeClientName('Magnum Cash&Carry')).toBe('Magnum Cash&Carry');
    expect(normalizeClientName('abc DEF')).toBe('abc DEF');
  });

  it('fold any single Unicode space too: ideographic, thin, figure, narrow no-break (SPEC §1)', () => {
    expect(normalizeClientName('LLP\u3000Client\u3000Trade')).toBe('LLP Client Trade');
    expect(normalizeClientName('LLP\u2009Client\u2007 Trade')).toBe('LLP Client Trade');
    expect(normalizeClientName('A\u202fB\u205fC\u1680D\u2028E\ufeffF')).toBe('A B C D E F');
  });

  it('equal trimming and folding every \\s run (property)', () => {
    const spaces = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u2005', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u200b', 'a', 'Б', '-'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...spaces), { maxLength: 12 }), (parts) => {
        const raw = parts.join('');
        expect(normalizeClientName(raw)).toBe(raw.trim().replace(/\s+/g, ' '));
      }),
    );
  });
});

describe('client history', () => {
  it('is its own day table, and keeps its parts (pending documents, directions, products) apart', () => {
    const h = new ClientHistory('A');
    expect(h.days).toBe(h);
    expect([h.pendingDocuments, h.directions, h.products, h.exactSums]).toEqual([NO_DOCUMENTS, NO_AMOUNTS, NO_PRODUCTS, undefined]);
    const documents = new DocumentSet();
    documents.add(7, 19_000);
    h.pendingDocuments = documents;
    const directions = new Map([['North', 5]]);
    h.directions = directions;
    h.pendingDocuments = NO_DOCUMENTS;
    expect(h.directions).toBe(directions);
    expect(h.pendingDocuments).toBe(NO_DOCUMENTS);
    h.directions = NO_AMOUNTS;
    expect(h.directions).toBe(NO_AMOUNTS);
    // Another client's parts are its own.
    const other = new ClientHistory('B');
    other.directions = new Map([['South', 1]]);
    expect(h.directions).toBe(NO_AMOUNTS);
    expect([...other.directions]).toEqual([['South', 1]]);
  });

  it('a finished ledger counts its documents in the day table and keeps none pending', () => {
    const ledger = ledgerOf(NOISY);
    for (const h of ledger.clients.values()) expect(h.pendingDocuments.size).toBe(0);
    // D0 and D2 (bought on 19002, and earlier on 19000): both first bought on 19000.
    expect(documentDays(ledger.clients.get('A')!)).toEqual([[19_000, 2]]);
  });
});

describe('finishLedger: clients in name order', () => {
  const names = ['Ä', 'b', 'B', 'a', '😀 x', '\uff21 full', 'a b', 'Яков', 'ёж', ''].filter((n) => n !== '');
  const ledgerOf = (order: readonly string[]): Ledger => {
    const ledger = emptyLedger();
    order.forEach((client, i) => addLine(ledger, { client, day: 20000 + i, amount: 10 + i }));
    return ledger;
  };

  it('puts them in code-unit order however they came, and keeps a map that came in that order (property)', () => {
    const expected = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    fc.assert(
      fc.property(fc.shuffledSubarray(names, { minLength: names.length, maxLength: names.length }), (order) => {
        const ledger = ledgerOf(order);
        const before = ledger.clients;
        finishLedger(ledger);
        expect([...ledger.clients.keys()]).toEqual(expected);
        expect([...ledger.clients.values()].map((h) => h.index)).toEqual(expected.map((_, i) => i));
        // A map already in order is the same map (no copy); any other is a new one.
        const inOrder = order.every((name, i) => name === expected[i]);
        expect(ledger.clients === before).toBe(inOrder);
      }),
      { numRuns: 200 },
    );
    const ordered = ledgerOf(expected);
    const before = ordered.clients;
    finishLedger(ordered);
    expect(ordered.clients).toBe(before);
    expect([...ordered.clients.values()].map((h) => h.index)).toEqual(expected.map((_, i) => i));
  });
});
