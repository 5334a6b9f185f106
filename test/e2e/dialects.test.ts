// Real-world exports of the sample ledger (a 1C export in cp1251, workbooks with date cells or
// text everywhere, TSV with mm/dd/yyyy, '|' with yyyymmdd, gzip, CRLF with quotes, several
// sheets, several files) must give byte for byte the --format csv output of the clean CSV.
// The files are generated at test time (test/helpers/dialects.ts) into a temp dir.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDialects, writeRefusals, type DialectCase, type RefusalCase } from '../helpers/dialects.js';
import type { KamRun } from '../helpers/kam.js';
import { runKam } from '../helpers/run.js';

const dir = mkdtempSync(join(tmpdir(), 'kam-dialects-'));
let cases: DialectCase[] = [];
let refusals: RefusalCase[] = [];
const runs = new Map<string, KamRun>();
const references = new Map<string, KamRun>();

const csv = (args: readonly string[], input?: Buffer): Promise<KamRun> => runKam(['analyze', ...args, '--format', 'csv'], input === undefined ? {} : { input });

beforeAll(async () => {
  cases = await writeDialects(join(dir, 'dialects'));
  refusals = writeRefusals(join(dir, 'refusals'));
  const jobs: Promise<void>[] = [];
  const referencePaths = new Set([...cases.map((c) => c.reference), ...refusals.map((r) => r.reference)]);
  for (const path of referencePaths) jobs.push(csv([path]).then((r) => void references.set(path, r)));
  // --strict: not one row of any dialect may be skipped.
  for (const c of cases) jobs.push(csv([...c.args, '--strict'], c.input).then((r) => void runs.set(c.name, r)));
  for (const r of refusals) {
    jobs.push(csv([r.file]).then((x) => void runs.set(`${r.name}: detected`, x)));
    jobs.push(csv([r.file, ...r.fix]).then((x) => void runs.set(`${r.name}: fixed`, x)));
    jobs.push(csv([r.file, ...r.other]).then((x) => void runs.set(`${r.name}: other`, x)));
  }
  await Promise.all(jobs);
}, 180_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function reference(path: string): KamRun {
  const r = references.get(path);
  if (r === undefined || r.status !== 0 || r.stdout === '') throw new Error(`the reference run on ${path} failed: ${r?.stderr ?? 'not run'}`);
  return r;
}

describe('every dialect gives the bytes of the clean CSV', () => {
  // The names are known before the files are written (it.each needs them at collection time).
  const names = [
    'cover-sheet',
    'cp1251-after-ascii-head',
    '1c-cp1251',
    '1c-cp1251-stdin',
    '1c-cp1251-forced',
    'xlsx-real-dates',
    'xlsx-text-dates',
    'tsv-mdy',
    'psv-yyyymmdd-bom',
    'gzip',
    'crlf-quoted',
    'sheets-star',
    'sheets-named',
    'two-files',
    'file-and-stdin',
    'map',
  ];

  it('the helper writes exactly these cases', () => {
    expect(cases.map((c) => c.name).sort()).toEqual([...names].sort());
  });

  it.each(names)('%s', (name) => {
    const c = cases.find((x) => x.name === name)!;
    const r = runs.get(name)!;
    expect(r.stderr, c.about).not.toMatch(/skipped|internal error/);
    expect(r.status, `${c.about}\n${r.stderr}`).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(1000);
    expect(r.stdout === reference(c.reference).stdout, c.about).toBe(true);
  });

  it('the 1C export (cp1251 stand-ins for Kazakh letters) reads as its clean twin, not as garbage', () => {
    const r = runs.get('1c-cp1251')!;
    expect(r.stdout).toContain('ТОО «Онтустік Курылыс»');
    expect(r.stdout).toContain('ТОО «Алматы Строй Сервис»');
    expect(r.stdout).not.toContain('\ufffd');
  });

  it("--sheet '*' says which sheet it left out, on stderr", () => {
    const r = runs.get('sheets-star')!;
    expect(r.stderr).toMatch(/sheet "Примечания" left out: no header row/);
    expect(r.stderr).not.toMatch(/Пусто/); // a blank sheet is left out silently
  });
});

describe('detection refuses to guess, and each override is obeyed', () => {
  const names = ['dd/mm or mm/dd', 'decimal point or thousands separator'];

  it.each(names)('%s: refused with a one-line hint naming the option', (name) => {
    const refusal = refusals.find((r) => r.name === name)!;
    const r = runs.get(`${name}: detected`)!;
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(refusal.hint);
  });

  it.each(names)('%s: the option settles it the right way', (name) => {
    const refusal = refusals.find((r) => r.name === name)!;
    const r = runs.get(`${name}: fixed`)!;
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout === reference(refusal.reference).stdout).toBe(true);
  });

  it.each(names)('%s: the option the other way is obeyed too (another reading, not the detected one)', (name) => {
    const refusal = refusals.find((r) => r.name === name)!;
    const r = runs.get(`${name}: other`)!;
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toBe(reference(refusal.reference).stdout);
  });

  it('--encoding and --delimiter are obeyed: forced wrong, the 1C export has no header', async () => {
    const oneC = cases.find((c) => c.name === '1c-cp1251')!.args[0]!;
    const [encoding, delimiter] = await Promise.all([csv([oneC, '--encoding', 'utf8']), csv([oneC, '--delimiter', ','])]);
    for (const r of [encoding, delimiter]) {
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    // Forced UTF-8, a Windows-1251 byte is an error naming its line (SPEC §1), never a U+FFFD.
    expect(encoding.stderr).toMatch(/line 1: byte 0x[0-9A-F]{2} is not valid UTF-8/);
    expect(delimiter.stderr).toMatch(/no header row/);
  });

  it('--map is obeyed: without it, the odd headers are refused with the headers found and the flag', async () => {
    const odd = cases.find((c) => c.name === 'map')!.args[0]!;
    const r = await csv([odd]);
    expect(r.status).toBe(1);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/"Партнёр"/);
    expect(r.stderr).toMatch(/--map client=/);
  });
});
