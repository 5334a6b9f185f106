// Issue 15: the BG/NBD note is said once, where P(alive) is shown (kam alive; a table with a
// P(alive) column), and nowhere else on the terminal. The sample's fit stops short of a maximum.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runKam } from '../helpers/run.js';

const SAMPLE = join(new URL('../..', import.meta.url).pathname, 'fixtures/sample-ledger.csv');
const MODEL = /BG\/NBD|purchase model|P\(alive\)|not converged/;
const count = (text: string, re: RegExp): number => text.split('\n').filter((l) => re.test(l)).length;

describe('the BG/NBD note on the sample', () => {
  for (const lang of ['en', 'ru', 'kk']) {
    it(`kam analyze's first screen has no model warning (${lang})`, async () => {
      const r = await runKam(['analyze', SAMPLE, '--format', 'table', '--lang', lang]);
      expect(r.status).toBe(0);
      expect(r.stdout.split('\n').slice(0, 50).join('\n')).not.toMatch(lang === 'en' ? MODEL : /BG\/NBD|P\(alive\)/);
      expect(r.stderr).toBe('');
    });
  }
  it('kam lost, kam client and kam portfolio say nothing of it', async () => {
    for (const args of [['lost', SAMPLE], ['client', SAMPLE, 'Magnum Cash&Carry'], ['portfolio', SAMPLE, '--by', 'Region']]) {
      const r = await runKam([...args, '--format', 'table']);
      expect(r.stdout, args[0]).not.toMatch(MODEL);
      expect(r.stderr, args[0]).toBe('');
    }
  });
  it('kam alive says it once, with the parameters once', async () => {
    const r = await runKam(['alive', SAMPLE, '--format', 'table']);
    expect(count(r.stdout, /purchase model does not fit/)).toBe(1);
    expect(r.stdout.match(/b = 6\.96/g)).toHaveLength(1);
    expect(r.stdout).not.toMatch(/not converged/);
  });
  it('data on stdout: the note goes to stderr only where P(alive) is a column', async () => {
    expect((await runKam(['portfolio', SAMPLE, '--by', 'Region', '--format', 'csv'])).stderr).toBe('');
    expect((await runKam(['alive', SAMPLE, '--format', 'csv'])).stderr).toMatch(/purchase model does not fit/);
  });
});
