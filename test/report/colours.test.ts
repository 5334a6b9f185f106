// Issue 15: colour means one thing. Red (SGR 31) is for lost and at-risk alone; classes A/B/C and
// X/Y/Z have a quieter palette; NO_COLOR and a pipe give no escapes at all.
import { describe, expect, it } from 'vitest';
import { Chalk } from 'chalk';
import { classPainter } from '../../src/report/terminal-kit.js';
import { runKam } from '../helpers/run.js';
import { join } from 'node:path';

const SAMPLE = join(new URL('../..', import.meta.url).pathname, 'fixtures/sample-ledger.csv');
const RED = /\u001b\[(?:[0-9;]*;)?31m/;
const ANSI = /\u001b\[/;

describe('classPainter', () => {
  const paint = classPainter(new Chalk({ level: 1 }));
  it('never paints a class red', () => {
    for (const c of ['A', 'B', 'C', 'X', 'Y', 'Z', '-']) expect(paint[c]!(c), c).not.toMatch(RED);
  });
  it('paints lost and at-risk red, active not', () => {
    expect(paint.lost!('lost')).toMatch(RED);
    expect(paint['at-risk']!('at-risk')).toMatch(RED);
    expect(paint.active!('active')).not.toMatch(RED);
  });
  it('A stands out (bold green), C recedes (dim)', () => {
    expect(paint.A!('A')).toContain('\u001b[1m');
    expect(paint.A!('A')).toContain('\u001b[32m');
    expect(paint.C!('C')).toContain('\u001b[2m');
  });
  it('no escapes at level 0', () => {
    const plain = classPainter(new Chalk({ level: 0 }));
    for (const c of ['A', 'C', 'Z', 'lost', 'at-risk']) expect(plain[c]!(c)).toBe(c);
  });
});

describe('kam analyze in colour', () => {
  it('red appears only on lost and at-risk rows of the top table', async () => {
    const r = await runKam(['analyze', SAMPLE, '--format', 'table', '--top', '40'], { env: { FORCE_COLOR: '1' } });
    expect(r.stdout).toMatch(ANSI);
    const top = r.stdout.split('Top 40 clients')[1]!.split('Win-back')[0]!;
    const rows = top.split('\n').filter((l) => /^\S*│\s*\S*\d+/.test(l.replace(/\u001b\[[0-9;]*m/g, '')));
    expect(rows.length).toBeGreaterThan(30);
    for (const row of rows) {
      const plain = row.replace(/\u001b\[[0-9;]*m/g, '');
      expect(RED.test(row), plain).toBe(/\blost\b|\bat-risk\b/.test(plain));
    }
  });
  it('NO_COLOR and a pipe: no escapes', async () => {
    expect((await runKam(['analyze', SAMPLE, '--format', 'table'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await runKam(['analyze', SAMPLE, '--format', 'table'])).stdout).not.toMatch(ANSI);
  });
});
