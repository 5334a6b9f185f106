// Issue 15: every terminal view fits the terminal. Each command runs in-process (src/cli run())
// with a stdout that is a terminal of 80 and of 120 columns, in en, ru and kk; no line is wider.
import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { datasetPath, skipWithout } from '../helpers/datasets.js';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { fitLines, nameList, table, visibleLength } from '../../src/report/terminal-kit.js';
import { Chalk } from 'chalk';
import { en } from '../../src/i18n/en.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const SAMPLE = join(ROOT, 'fixtures/sample-ledger.csv');

async function screen(args: string[], columns: number): Promise<string> {
  const stdout = Object.assign(new PassThrough(), { isTTY: true, columns });
  const stderr = new PassThrough();
  let text = '';
  stdout.on('data', (c: Buffer) => (text += c.toString('utf8')));
  stderr.resume();
  await run(args, { stdin: new PassThrough(), stdout, stderr, env: { NO_COLOR: '1' }, today: 20_000 });
  return text;
}

const widest = (text: string): number => Math.max(0, ...text.split('\n').map(visibleLength));

const COMMANDS: string[][] = [
  ['analyze', SAMPLE, '--format', 'table'],
  ['lost', SAMPLE, '--format', 'table', '--direction', 'Manager'],
  ['alive', SAMPLE, '--format', 'table'],
  ['client', SAMPLE, 'Magnum Cash&Carry'],
  ['config'],
  ['bridge', SAMPLE, '--format', 'table', '--direction', 'Region'],
  ['portfolio', SAMPLE, '--format', 'table', '--by', 'Manager'],
  ['history', SAMPLE, '--format', 'table', '--to', '2026-10-31', '--window', '6'],
];

describe('terminal views fit 80 and 120 columns', () => {
  for (const columns of [80, 120]) {
    for (const lang of ['en', 'ru', 'kk']) {
      it(`${columns} columns, ${lang}`, async () => {
        for (const args of COMMANDS) {
          const text = await screen([...args, '--lang', lang], columns);
          expect(text.length, args.join(' ')).toBeGreaterThan(200);
          expect(widest(text), `${args[0]} ${lang} ${columns}`).toBeLessThanOrEqual(columns);
        }
      }, 60_000);
    }
  }

  it('without a limit (piped, no COLUMNS) the tables keep every column', async () => {
    const stdout = Object.assign(new PassThrough(), { isTTY: false });
    let text = '';
    stdout.on('data', (c: Buffer) => (text += c.toString('utf8')));
    await run(['analyze', SAMPLE, '--format', 'table'], { stdin: new PassThrough(), stdout, stderr: new PassThrough().resume(), env: { NO_COLOR: '1' }, today: 20_000 });
    expect(text).toContain('Last purchase');
    expect(text).not.toContain('columns not shown');
    expect(widest(text)).toBeGreaterThan(120);
  });
});

/** A slice of Online Retail (its first 160,000 lines, four months) in a temporary folder, made once. */
let slice: string | undefined;
function onlineRetailSlice(): string {
  if (slice !== undefined) return slice;
  const text = gunzipSync(readFileSync(datasetPath('online-retail.csv.gz'))).toString('utf8');
  slice = join(mkdtempSync(join(tmpdir(), 'kam-width-')), 'online-retail-slice.csv');
  writeFileSync(slice, `${text.split('\n').slice(0, 160_000).join('\n')}\n`);
  return slice;
}

describe.skipIf(skipWithout('online-retail.csv.gz'))('bridge, portfolio and history on an Online Retail slice fit 80 and 120 columns', () => {
  for (const columns of [80, 120]) {
    for (const lang of ['en', 'ru', 'kk']) {
      it(`${columns} columns, ${lang}`, async () => {
        const file = onlineRetailSlice();
        for (const args of [['bridge', file, '--direction', 'Country'], ['portfolio', file, '--by', 'Country'], ['history', file, '--every', 'month', '--window', '2']]) {
          const text = await screen([...args, '--format', 'table', '--include-partial', '--lang', lang], columns);
          expect(text.length, args.join(' ')).toBeGreaterThan(200);
          expect(widest(text), `${args[0]} ${lang} ${columns}`).toBeLessThanOrEqual(columns);
        }
      }, 120_000);
    }
  }
});

describe('the fitting pieces', () => {
  const chalk = new Chalk({ level: 0 });
  it('drops columns in the stated order and names them, then wraps text', () => {
    const tbl = table(chalk, ['Name', 'A', 'B', 'Text'], ['left', 'right', 'right', 'left'], { width: 55, drop: [2, 1], omitted: en.columnsNotShown });
    tbl.push(['client one', '1,000,000', '2,000,000', 'a long sentence that has to wrap inside its cell']);
    const out = tbl.toString();
    expect(widest(out)).toBeLessThanOrEqual(55);
    expect(out).toContain('columns not shown: B');
    expect(out).toContain('1,000,000');
    expect(out).toMatch(/wrap/);
  });

  it('cuts a list of names to a count', () => {
    const names = Array.from({ length: 82 }, (_, i) => String(14000 + i));
    const text = nameList(names, 60, en);
    expect(text).toMatch(/^14000, 14001, .*, … and \d+ more$/);
    expect(visibleLength(text)).toBeLessThanOrEqual(60);
    expect(nameList(['a', 'b'], 60, en)).toBe('a, b');
  });

  it('wraps a labelled line under its value', () => {
    const text = fitLines('Key clients 3 (top 50% of revenue + breadwinners, image-makers): 50.5% of revenue\nTags        key 3', 50);
    expect(text.split('\n')[1]).toMatch(/^ {12}\S/);
    expect(widest(text)).toBeLessThanOrEqual(50);
  });
});
