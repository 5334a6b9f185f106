// Issue 15: every message with a count groups its thousands: "135,080 rows skipped" in English,
// "135 080" (no-break space, as in the rest of kam: i18n/human.ts) in Russian and Kazakh.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.js';
import { ru } from '../../src/i18n/ru.js';
import { kk } from '../../src/i18n/kk.js';
import { renderProblem } from '../../src/report/messages.js';

const GROUPED = { en: '135,080', ru: '135\u00a0080', kk: '135\u00a0080' } as const;

describe('counts in messages are grouped', () => {
  for (const [lang, t] of Object.entries({ en, ru, kk })) {
    const g = GROUPED[lang as keyof typeof GROUPED];
    it(lang, () => {
      const texts = [
        t.more(135080, t.moreHint.top),
        t.andMore('a, b', 135080),
        t.analyze.topTitle(135080),
        t.analyze.key(135080, 'rule', 'shares', 'position'),
        t.lost.winBackSubtitle(135080),
        t.migration.slippedCount(135080),
        t.periodCount('week', 135080),
        t.history.title(135080, 'month', 12),
        renderProblem({ code: 'rows-skipped', severity: 'warning', details: { total: 135080, noClient: 135080, badDate: 0, badNumber: 0 } }, t),
        renderProblem({ code: 'no-rows', severity: 'error', file: 'x.csv', details: { skipped: 135080 } }, t),
        renderProblem({ code: 'stray-quote', severity: 'error', file: 'x.csv', line: 2, details: { lines: 135080 } }, t),
      ];
      for (const text of texts) {
        expect(text).toContain(g);
        expect(text).not.toMatch(/135080/);
      }
    });
  }
  it('one row is one row', () => {
    expect(renderProblem({ code: 'rows-skipped', severity: 'warning', details: { total: 1, noClient: 0, badDate: 1, badNumber: 0 } }, en)).toMatch(/^1 row skipped/);
  });
});
