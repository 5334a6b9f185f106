// SPEC §3: amounts tie at 6 decimals, names order ties in code-unit order — and both rules are
// written out once, in src/core/order.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compareNames, roundForTies } from '../../src/core/order.js';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));

describe('order', () => {
  it('rounds to 6 decimals, so float noise ties', () => {
    expect(roundForTies(0.1 + 0.2)).toBe(roundForTies(0.3));
    expect(roundForTies(1.0000004)).toBe(1);
    expect(roundForTies(1.0000006)).toBe(1.000001);
  });

  it('orders names by code unit, not by locale', () => {
    expect(['b', 'B', 'a', 'Ä', 'A'].sort(compareNames)).toEqual(['A', 'B', 'a', 'b', 'Ä']);
    expect(compareNames('x', 'x')).toBe(0);
  });

  it('is the only copy of both rules in src/', () => {
    const copies = files(SRC)
      .filter((f) => !f.endsWith(join('core', 'order.ts')))
      .flatMap((f) => {
        const text = readFileSync(f, 'utf8');
        const found: string[] = [];
        if (/localeCompare/.test(text)) found.push('localeCompare');
        if (/Math\.round\([^)]*\*\s*1e6\)/.test(text)) found.push('Math.round(x * 1e6)');
        if (/\b(\w+(?:\.\w+)*) < (\w+(?:\.\w+)*) \? -1 : \1 > \2 \? 1 : 0/.test(text)) found.push('a < b ? -1 : a > b ? 1 : 0');
        return found.map((what) => `${relative(SRC, f)}: ${what}`);
      });
    expect(copies).toEqual([]);
  });
});
