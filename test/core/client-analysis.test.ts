// The window's clients kept as columns (ClientTable): every field reads back as it was given.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { ClientTable, plainClient, withTags, type ClientAnalysis, type ClientFlag } from '../../src/core/client-analysis.js';

const nullable = (arb: fc.Arbitrary<number>): fc.Arbitrary<number | null> => fc.option(arb, { nil: null });
const anyDouble = fc.double({ noNaN: true });
const gapArb = fc.constantFrom<(ClientFlag | null)>(null, 'too-new', 'no-net-purchases');

const clientArb: fc.Arbitrary<ClientAnalysis> = fc
  .record({
    client: fc.string(),
    abc: fc.constantFrom('A', 'B', 'C') as fc.Arbitrary<'A' | 'B' | 'C'>,
    xyz: fc.constantFrom(null, 'X', 'Y', 'Z') as fc.Arbitrary<'X' | 'Y' | 'Z' | null>,
    total: anyDouble,
    share: nullable(anyDouble),
    cumShare: nullable(anyDouble),
    rank: nullable(fc.integer({ min: 1 })),
    cv: nullable(anyDouble),
    activePeriods: fc.nat(),
    purchases: fc.oneof(fc.nat(), fc.constant(2 ** 40)),
    purchasesCv: nullable(anyDouble),
    revenue: anyDouble,
    profit: nullable(anyDouble),
    quantity: nullable(anyDouble),
    seriesStart: fc.nat(60),
    firstPurchase: nullable(fc.integer({ min: -800_000, max: 3_000_000 })),
    lastPurchase: nullable(fc.integer({ min: -800_000, max: 3_000_000 })),
    recencyDays: nullable(fc.integer()),
    usualIntervalDays: nullable(anyDouble),
    status: fc.constantFrom(null, 'active', 'at-risk', 'lost') as fc.Arbitrary<'active' | 'at-risk' | 'lost' | null>,
    pAlive: nullable(anyDouble),
    keyTop: fc.boolean(),
    tags: fc.subarray(['key', 'breadwinner', 'prospect', 'lost']),
    nonPositive: fc.boolean(),
    gap: gapArb,
  })
  .map(({ nonPositive, gap, ...c }) => ({
    ...c,
    cell: `${c.abc}${c.xyz ?? '-'}` as ClientAnalysis['cell'],
    flags: [...(nonPositive ? (['non-positive-total'] as const) : []), ...(gap === null ? [] : [gap])],
  }));

/** Same fields, numbers compared bit for bit (-0 is not 0, null is not 0). */
function expectSame(read: ClientAnalysis, given: ClientAnalysis): void {
  const a = plainClient(read) as unknown as Record<string, unknown>;
  const b = plainClient(given) as unknown as Record<string, unknown>;
  for (const key of Object.keys(b)) {
    if (typeof b[key] === 'number' || b[key] === null) expect([key, Object.is(a[key], b[key])]).toEqual([key, true]);
    else expect([key, a[key]]).toEqual([key, b[key]]);
  }
}

describe('ClientTable', () => {
  it('every field of every client reads back as given, nulls and -0 included', () => {
    fc.assert(
      fc.property(fc.array(clientArb, { maxLength: 30 }), (given) => {
        const clients = ClientTable.of(given.length, (i) => given[i]!).clients();
        expect(clients).toHaveLength(given.length);
        clients.forEach((c, i) => expectSame(c, given[i]!));
        expect(JSON.parse(JSON.stringify(clients))).toEqual(JSON.parse(JSON.stringify(given.map(plainClient))));
      }),
    );
  });

  it('withTags changes the tags alone, and keeps one list for clients tagged alike', () => {
    fc.assert(
      fc.property(fc.array(clientArb, { minLength: 1, maxLength: 30 }), fc.array(fc.subarray(['key', 'lost', 'expert']), { minLength: 30, maxLength: 30 }), (given, lists) => {
        const clients = ClientTable.of(given.length, (i) => given[i]!).clients();
        const tags = lists.slice(0, given.length);
        const tagged = withTags(clients, tags);
        tagged.forEach((c, i) => {
          expectSame(c, { ...plainClient(given[i]!), tags: tags[i]! });
          expect(clients[i]!.tags).toEqual(given[i]!.tags);
        });
        for (let i = 0; i < tagged.length; i++) for (let j = 0; j < tagged.length; j++) if (tags[i]!.join() === tags[j]!.join()) expect(tagged[i]!.tags).toBe(tagged[j]!.tags);
        // Plain objects (not views of one table) are tagged the same way.
        withTags(given, tags).forEach((c, i) => expectSame(c, { ...plainClient(given[i]!), tags: tags[i]! }));
      }),
    );
  });

  it('build: the clients added, in order, however many of the capacity; never more', () => {
    fc.assert(
      fc.property(fc.array(clientArb, { maxLength: 20 }), fc.nat(5), (given, spare) => {
        const table = ClientTable.build(given.length + spare, (add) => given.forEach(add));
        expect(table.size).toBe(given.length);
        table.clients().forEach((c, i) => expectSame(c, given[i]!));
        given.forEach((c, i) => expectSame(table.row(i), c));
      }),
    );
    const one = fc.sample(clientArb, { numRuns: 1, seed: 3 })[0]!;
    expect(() => ClientTable.build(1, (add) => [one, one].forEach(add))).toThrow(/more than 1/);
  });

  it('refuses what it cannot keep: a class it does not know, a required figure that is null, flags out of order', () => {
    const base = fc.sample(clientArb, { numRuns: 1, seed: 7 })[0]!;
    const bad = (c: Partial<Record<keyof ClientAnalysis, unknown>>) => () => ClientTable.of(1, () => ({ ...base, ...c }) as ClientAnalysis);
    expect(bad({ abc: 'D' })).toThrow(/ABC class/);
    expect(bad({ total: null })).toThrow(/total/);
    expect(bad({ flags: ['too-new', 'non-positive-total'] })).toThrow(/flags/);
  });
});
