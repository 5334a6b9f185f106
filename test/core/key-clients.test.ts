// SPEC §5: key clients are the top clients making up --key-share of the ABC metric, ranked and
// bounded like class A (§3), plus every breadwinner and image-maker; class A stays wider.
import { describe, expect, it } from 'vitest';
import { analyzeLedger } from '../../src/core/analyze.js';
import { dayFromYmd } from '../../src/core/calendar.js';
import { addLine, emptyLedger, finishLedger, type Ledger } from '../../src/core/ledger.js';
import { applySegments, type ClientAttributes } from '../../src/core/segments.js';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../../src/core/settings.js';

const DAY = dayFromYmd(2024, 6, 15)!;

/** One purchase each, amounts as given, no profit column. */
function ledgerOf(totals: Record<string, number>): Ledger {
  const ledger = emptyLedger({ quantity: false, profit: false, document: false, product: false, direction: false });
  for (const [client, amount] of Object.entries(totals)) addLine(ledger, { client, day: DAY, amount });
  return finishLedger(ledger);
}

function keysOf(ledger: Ledger, settings: Partial<AnalysisSettings> = {}, attributes?: ClientAttributes) {
  const { analysis } = applySegments(analyzeLedger(ledger, { ...DEFAULT_SETTINGS, includePartial: true, breadwinnerShare: 1, ...settings }), ledger, attributes);
  return { analysis, keys: analysis.clients.filter((c) => c.tags.includes('key')).map((c) => c.client) };
}

// 40 + 15 + 14 + 11 + 10 + 10 = 100: cumulative 40, 55, 69, 80, 90, 100.
const SIX = { P: 40, Q: 15, R: 14, S: 11, T: 10, U: 10 };

describe('key clients: the top clients up to --key-share, bounded like class A', () => {
  it('takes the client that crosses the share, and no more (include boundary)', () => {
    const { analysis, keys } = keysOf(ledgerOf(SIX));
    // Before Q the cumulative share is 40% < 50%: Q is key; before R it is 55%: R is not.
    expect(keys).toEqual(['P', 'Q']);
    expect(analysis.clients.filter((c) => c.abc === 'A').map((c) => c.client)).toEqual(['P', 'Q', 'R', 'S']);
    expect(analysis.key.clients).toBe(2);
    expect(analysis.key.revenueShare).toBeCloseTo(0.55, 12);
    expect(analysis.key.position).toBe('within');
  });

  it('follows --abc-boundary exclude: key only while the share including the client is within', () => {
    expect(keysOf(ledgerOf(SIX), { abcBoundary: 'exclude' }).keys).toEqual(['P']);
    expect(keysOf(ledgerOf(SIX), { abcBoundary: 'exclude', keyShare: 0.55 }).keys).toEqual(['P', 'Q']);
  });

  it('follows --key-share', () => {
    expect(keysOf(ledgerOf(SIX), { keyShare: 0.3 }).keys).toEqual(['P']);
    // Exactly on the cut-off: before S the share is 69%, not below 69%.
    expect(keysOf(ledgerOf(SIX), { keyShare: 0.69 }).keys).toEqual(['P', 'Q', 'R']);
    expect(keysOf(ledgerOf(SIX), { keyShare: 0.6901 }).keys).toEqual(['P', 'Q', 'R', 'S']);
  });

  it('gives tied totals one answer: both key or neither', () => {
    // Ranked P 40, S 30, Q 15, R 15: before Q 70% < 75%, so Q is key, and R, tied with it, too.
    expect(keysOf(ledgerOf({ P: 40, Q: 15, R: 15, S: 30 }), { keyShare: 0.75 }).keys).toEqual(['P', 'S', 'Q', 'R']);
  });

  it('always makes the largest client key', () => {
    expect(keysOf(ledgerOf({ BIG: 90, SMALL: 10 }), { keyShare: 0.01 }).keys).toEqual(['BIG']);
  });

  it('never makes a client with no positive total key by rank', () => {
    const { keys } = keysOf(ledgerOf({ P: 100, NEG: -5, ZERO: 0 }), { keyShare: 1 });
    expect(keys).toEqual(['P']);
  });

  it('adds breadwinners and image-makers outside the top, and names the tags that push the share past 55%', () => {
    const attributes: ClientAttributes = {
      file: 'clients.csv',
      columns: [],
      rows: [{ name: 'U', line: 2, tags: ['image-maker'], need: null, canPay: null, authority: null, values: {} }],
      notes: [],
    };
    const { analysis, keys } = keysOf(ledgerOf(SIX), { breadwinnerShare: 0.14 }, attributes);
    // Breadwinners from 14%: P, Q, R; image-maker U; the top alone (P, Q) is 55%.
    expect(keys).toEqual(['P', 'Q', 'R', 'U']);
    expect(analysis.key.revenueShare).toBeCloseTo(0.79, 12);
    expect(analysis.key.position).toBe('above');
    expect(analysis.key.pushedBy).toEqual(['breadwinner', 'image-maker']);
  });

  it('names no tag when the top alone is past the band', () => {
    const { analysis } = keysOf(ledgerOf({ BIG: 60, B: 20, C: 20 }), { breadwinnerShare: 0.2 });
    expect(analysis.key.position).toBe('above');
    expect(analysis.key.pushedBy).toEqual([]);
  });
});
