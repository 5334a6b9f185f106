import { describe, expect, it } from 'vitest';
import { DocumentSet } from '../../src/core/document-set.js';
import { documentKey } from '../../src/core/ledger.js';

describe('DocumentSet', () => {
  it('counts each document once and keeps its earliest day, through many growths', () => {
    const set = new DocumentSet();
    const firstDay = new Map<number, number>();
    for (let i = 0; i < 50_000; i++) {
      const key = documentKey(`INV-${i % 20_000}`);
      const day = 19_000 + ((i * 7919) % 365);
      set.add(key, day);
      firstDay.set(key, Math.min(firstDay.get(key) ?? Number.POSITIVE_INFINITY, day));
    }
    expect(set.size).toBe(20_000);
    for (const [key, day] of firstDay) expect(set.get(key)).toBe(day);
    expect([...set.values()].sort((a, b) => a - b)).toEqual([...firstDay.values()].sort((a, b) => a - b));
    expect(new Map(set.entries())).toEqual(firstDay);
  });

  it('an unknown key is not there', () => {
    const set = new DocumentSet();
    set.add(documentKey('A'), 1);
    expect(set.get(documentKey('B'))).toBeUndefined();
  });

  it('document keys differ for near-identical numbers and fit in 52 bits', () => {
    const keys = new Set<number>();
    for (let i = 0; i < 100_000; i++) {
      const k = documentKey(`536${i}`);
      expect(Number.isSafeInteger(k)).toBe(true);
      keys.add(k);
    }
    expect(keys.size).toBe(100_000);
  });
});
