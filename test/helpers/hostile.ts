// The hostile-input harness (issue 14): broken and hostile variants of a real ledger, each run
// through kam and held to what an analyst must be able to trust:
//   - never exit 0 with numbers other than the intact ledger's, unless standard error says rows
//     were skipped (or the variant is truly another ledger: a plain file cut at some byte);
//   - a refusal is exit 1 (usage: 2), one line on standard error, no stack trace, nothing on
//     standard output, no output file or temporary file left;
//   - no run takes more than 20 s; the same input gives the same bytes on every run.
// test/e2e/hostile.test.ts runs a sample; KAM_HOSTILE=all runs every variant.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { KamRun } from './kam.js';
import { runKam } from './run.js';

/** What a variant may do: give the intact numbers, refuse, warn (or refuse), or anything readable. */
export type Expectation = 'same' | 'refuse' | 'warn' | 'lossy';

export interface Variant {
  name: string;
  /** The files of the run (relative names in the run's folder) and their bytes. */
  files: { name: string; bytes: Buffer }[];
  /** The arguments naming the inputs (default: the files in order). */
  inputs?: string[];
  expect: Expectation;
}

export interface Base {
  name: string;
  text: string;
  /** Extra arguments every run of this ledger takes. */
  args: string[];
}

/** A small seeded generator (xorshift32): the same variants on every run. */
export function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** Windows-1251 bytes of Cyrillic text (other characters above ASCII become '?'). */
export function cp1251(text: string): Buffer {
  const out = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[i] = c < 0x80 ? c : c >= 0x410 && c <= 0x44f ? c - 0x410 + 0xc0 : c === 0x401 ? 0xa8 : c === 0x451 ? 0xb8 : 0x3f;
  }
  return out;
}

/** Every variant of one ledger. `lines` are its lines without endings, header first. */
export function variantsOf(base: Base): Variant[] {
  const lines = base.text.replace(/\r?\n$/, '').split(/\r?\n/);
  const header = lines[0]!;
  const rows = lines.slice(1);
  const n = rows.length;
  const join_ = (ls: readonly string[], eol = '\n'): string => ls.map((l) => l + eol).join('');
  const one = (name: string, bytes: Buffer, expect: Expectation): Variant => ({ name: `${base.name}/${name}`, files: [{ name: 'ledger.csv', bytes }], expect });
  const out: Variant[] = [];
  const random = rng(base.name.length * 7919 + n);
  const pick = (): number => Math.floor(random() * n);

  // Line endings: the same numbers whatever each line ends with (SPEC §1).
  out.push(one('crlf', utf8(join_(lines, '\r\n')), 'same'));
  out.push(one('cr', utf8(join_(lines, '\r')), 'same'));
  out.push(one('no-final-eol', utf8(join_(lines).slice(0, -1)), 'same'));
  for (let k = 0; k < 6; k++) {
    const cut = 1 + pick();
    out.push(one(`crlf-then-lf-${k}`, utf8(join_(lines.slice(0, cut), '\r\n') + join_(lines.slice(cut))), 'same'));
    out.push(one(`lf-then-cr-${k}`, utf8(join_(lines.slice(0, cut)) + join_(lines.slice(cut), '\r')), 'same'));
    const r = rng(k + 11);
    out.push(one(`mixed-per-line-${k}`, utf8(lines.map((l) => l + ['\n', '\r\n', '\r'][Math.floor(r() * 3)]!).join('')), 'same'));
  }
  out.push(one('bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(join_(lines))]), 'same'));
  out.push(one('blank-lines', utf8(join_([header, ...rows.flatMap((r, i) => (i % 50 === 0 ? ['', r] : [r]))])), 'same'));

  // Truncations: a plain file cut anywhere is another ledger (lossy); a gzip cut is refused.
  const whole = utf8(join_(lines));
  const gz = gzipSync(whole);
  for (let k = 0; k < 12; k++) {
    const at = Math.floor(whole.length * (0.05 + 0.9 * random()));
    out.push(one(`cut-${k}`, whole.subarray(0, at), 'lossy'));
    out.push(one(`gz-cut-${k}`, gz.subarray(0, Math.floor(gz.length * (0.1 + 0.85 * random()))), 'refuse'));
  }
  out.push(one('gz', gz, 'same'));
  out.push(one('header-only', utf8(`${header}\n`), 'refuse'));
  out.push(one('empty', Buffer.alloc(0), 'refuse'));

  // Stray quotes: refused, or the rows they touch counted as skipped.
  for (let k = 0; k < 10; k++) {
    const at = pick();
    const broken = [...rows];
    const fields = broken[at]!.split(',');
    const f = Math.floor(random() * fields.length);
    fields[f] = `"${fields[f]}`;
    broken[at] = fields.join(',');
    out.push(one(`stray-quote-${k}`, utf8(join_([header, ...broken])), 'warn'));
  }
  for (let k = 0; k < 4; k++) {
    const at = pick();
    out.push(one(`stray-quote-eol-${k}`, utf8(join_([header, ...rows.slice(0, at), `${rows[at]}"`, ...rows.slice(at + 1)])), 'warn'));
  }

  // Bad bytes: an invalid UTF-8 byte is an error naming its line; two encodings joined by cat too.
  for (let k = 0; k < 8; k++) {
    const at = Math.floor(whole.length * (0.02 + 0.96 * random()));
    const bytes = Buffer.from(whole);
    bytes[at] = [0xff, 0xc0, 0x80, 0xfe][k % 4]!;
    // A byte that lands on a line break or a delimiter changes the rows too: refused or warned.
    // In an all-ASCII ledger a high byte is a letter of Windows-1251 (a name changes): lossy.
    out.push(one(`bad-byte-${k}`, bytes, /[^\x00-\x7f]/.test(base.text) ? 'warn' : 'lossy'));
  }
  for (let k = 0; k < 4; k++) {
    const cut = 1 + pick();
    const tail = join_(rows.slice(cut));
    const catted = Buffer.concat([utf8(join_(lines.slice(0, cut + 1))), cp1251(tail)]);
    // All-ASCII tails (English ledgers) are the same text in both encodings.
    out.push(one(`utf8-then-cp1251-${k}`, catted, /[^\x00-\x7f]/.test(tail) ? 'refuse' : 'same'));
  }
  out.push(one('utf8-then-cp1251-small', Buffer.concat([utf8(join_(lines.slice(0, 21))), cp1251(join_(rows.slice(20, 40)))]), /[^\x00-\x7f]/.test(join_(rows.slice(20, 40))) ? 'refuse' : 'lossy'));

  // The same file twice: refused, by the same name or another.
  out.push({ name: `${base.name}/twice`, files: [{ name: 'ledger.csv', bytes: whole }], inputs: ['ledger.csv', 'ledger.csv'], expect: 'refuse' });
  out.push({ name: `${base.name}/twice-dot`, files: [{ name: 'ledger.csv', bytes: whole }], inputs: ['ledger.csv', './ledger.csv'], expect: 'refuse' });
  // Split in two (each file with its header): the same ledger.
  const half = Math.floor(n / 2);
  out.push({
    name: `${base.name}/split`,
    files: [
      { name: 'a.csv', bytes: utf8(join_([header, ...rows.slice(0, half)])) },
      { name: 'b.csv', bytes: utf8(join_([header, ...rows.slice(half)])) },
    ],
    expect: 'same',
  });

  // Far dates, huge numbers, overflow: bad rows (warned), never a moved window or Infinity.
  const dateAt = header.split(',').findIndex((h) => /date/i.test(h));
  const amountAt = header.split(',').findIndex((h) => /^(amount|unitprice)$/i.test(h));
  const withCell = (at: number, column: number, value: string): string[] => {
    const fields = rows[at]!.split(',');
    fields[column] = value;
    return [header, ...rows.slice(0, at), fields.join(','), ...rows.slice(at + 1)];
  };
  const plainRows = rows.map((r, i) => (r.includes('"') ? -1 : i)).filter((i) => i >= 0);
  const plain = (): number => plainRows[Math.floor(random() * plainRows.length)]!;
  for (const [k, date] of ['9999-12-31', '2205-03-01', '0001-01-01', '1899-12-31', '2999-01-01'].entries()) {
    out.push(one(`far-date-${k}`, utf8(join_([...withCell(plain(), dateAt, date), rows[plain()]!.split(',').map((f, i) => (i === dateAt ? date : f)).join(',')])), 'warn'));
  }
  for (const [k, amount] of ['1e308', '-1e308', '1e20', '99999999999999999', 'Infinity', 'NaN'].entries()) {
    const at = plain();
    const doubled = withCell(at, amountAt, amount);
    out.push(one(`huge-${k}`, utf8(join_([...doubled, doubled[at + 1]!])), 'warn'));
  }
  // Duplicate header, decimal marks mixed.
  const headers = header.split(',');
  const dupHeader = headers.map((h, i) => (i === amountAt + 1 || (amountAt + 1 === headers.length && i === amountAt - 1) ? headers[amountAt]! : h)).join(',');
  out.push(one('duplicate-header', utf8(join_([dupHeader, ...rows])), 'refuse'));
  const mixedMarks = rows.map((r, i) => {
    if (r.includes('"')) return r;
    const fields = r.split(',');
    const v = Number(fields[amountAt]);
    if (!Number.isFinite(v) || v < 1000) return r;
    const [whole_, frac = '00'] = v.toFixed(2).split('.');
    const grouped = whole_!.replace(/\B(?=(\d{3})+(?!\d))/g, i % 2 === 0 ? ',' : '.');
    fields[amountAt] = `"${grouped}${i % 2 === 0 ? '.' : ','}${frac}"`;
    return fields.join(',');
  });
  if (mixedMarks.some((r, i) => r !== rows[i])) out.push(one('mixed-decimal-marks', utf8(join_([header, ...mixedMarks])), 'warn'));

  // Very long lines: linear time, and the numbers of the rows they spoil are warned about.
  out.push(one('long-line', utf8(join_([header, ...rows.slice(0, 5), `${rows[5]}${'x'.repeat(8_000_000)}`, ...rows.slice(6)])), 'warn'));
  // Binary garbage and NULs: refused.
  const noise = Buffer.alloc(4096);
  const r = rng(42);
  for (let i = 0; i < noise.length; i++) noise[i] = Math.floor(r() * 256);
  out.push(one('garbage', noise, 'refuse'));
  out.push(one('nul-inside', Buffer.concat([whole.subarray(0, 1000), Buffer.alloc(16), whole.subarray(1000)]), 'warn'));
  return out;
}

export interface Outcome {
  variant: string;
  ok: boolean;
  why: string[];
  status: number | null;
  ms: number;
  silentlyDifferent: boolean;
}

function isOneLine(stderr: string): boolean {
  return /^kam: [^\n]*\n$/.test(stderr);
}

/**
 * Runs one variant in its own folder (`-o out.xlsx` too when `workbook`) and checks it against
 * the intact ledger's output; `twice` runs it again for the same bytes.
 */
export async function runVariant(variant: Variant, base: Base, intact: KamRun, folder: string, options: { workbook: boolean; twice: boolean }): Promise<Outcome> {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const f of variant.files) writeFileSync(join(folder, f.name), f.bytes);
  // In-process (test/helpers/run.ts): paths absolute, written as the variant names them ('./x' stays another path).
  const inputs = (variant.inputs ?? variant.files.map((f) => f.name)).map((name) => (name === '-' ? name : `${folder}/${name}`));
  const out = join(folder, 'out.xlsx');
  const args = ['analyze', ...inputs, '--format', 'csv', ...base.args, ...(options.workbook ? ['-o', out] : [])];
  const started = Date.now();
  const run = await runKam(args, { cwd: folder });
  const ms = Date.now() - started;
  const why: string[] = [];
  if (ms > 20_000) why.push(`took ${ms} ms`);
  if (/\n\s+at .+:\d+:\d+\)?\n/.test(run.stderr) || /node:internal|Error: /.test(run.stderr)) why.push('stack trace');
  const leftovers = readdirSync(folder).filter((f) => f.endsWith('.tmp'));
  if (leftovers.length > 0) why.push(`temporary files left: ${leftovers.join(', ')}`);
  const refused = run.status !== 0;
  const same = run.status === 0 && run.stdoutBytes.equals(intact.stdoutBytes);
  const warned = /rows? skipped/.test(run.stderr);
  let silentlyDifferent = false;
  if (refused) {
    if (run.status !== 1 && run.status !== 2) why.push(`exit ${String(run.status)} (signal ${String(run.signal)})`);
    if (!isOneLine(run.stderr)) why.push(`stderr is not one line: ${JSON.stringify(run.stderr.slice(0, 300))}`);
    if (run.stdout !== '') why.push('stdout not empty on a refusal');
    if (options.workbook && existsSync(join(folder, 'out.xlsx'))) why.push('output file written on a refusal');
  } else if (!same) {
    silentlyDifferent = !warned;
    if (variant.expect === 'same') why.push('different numbers from the intact ledger');
    if (variant.expect === 'refuse') why.push('exit 0 where a refusal was due');
    if (variant.expect === 'warn' && !warned) why.push('different numbers, exit 0, no warning');
    if (/Infinity|NaN/.test(run.stdout)) why.push('Infinity or NaN in the output');
  } else if (variant.expect === 'refuse') why.push('exit 0 where a refusal was due');
  if (options.twice) {
    const again = await runKam(args.filter((a) => a !== '-o' && a !== out), { cwd: folder });
    if (!again.stdoutBytes.equals(run.stdoutBytes) || again.status !== run.status) why.push('another run gave other bytes');
  }
  rmSync(folder, { recursive: true, force: true });
  return { variant: variant.name, ok: why.length === 0, why, status: run.status, ms, silentlyDifferent };
}
