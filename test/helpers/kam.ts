// Running the built CLI (bin/kam.js → dist/) as a user would, and reading what it writes.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const KAM = fileURLToPath(new URL('../../bin/kam.js', import.meta.url));
export const SAMPLE_CSV = fileURLToPath(new URL('../../fixtures/sample-ledger.csv', import.meta.url));
export const SAMPLE_XLSX = fileURLToPath(new URL('../../fixtures/sample-ledger.xlsx', import.meta.url));

/** SPEC §9: the per-client columns, in this order, with these names. */
export const CONTRACT_COLUMNS = [
  'client',
  'abc',
  'xyz',
  'cell',
  'total',
  'share',
  'cum_share',
  'rank',
  'cv',
  'active_periods',
  'purchases',
  'first_purchase',
  'last_purchase',
  'recency_days',
  'usual_interval_days',
  'status',
  'p_alive',
  'tags',
] as const;

export interface KamRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

export interface KamOptions {
  input?: Buffer | string;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/** The environment of a plain, colourless non-terminal run; `extra` adds or (with undefined) removes. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['NO_COLOR', 'FORCE_COLOR', 'NODE_OPTIONS', 'KAM_DEBUG', 'COLORTERM', 'CI', 'LC_ALL', 'LC_MESSAGES']) delete env[k];
  // English unless a test says otherwise (--lang, or LANG/LC_ALL in `extra`).
  env.LANG = 'C.UTF-8';
  env.TERM = 'xterm-256color';
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export function kam(args: readonly string[], options: KamOptions = {}): KamRun {
  const r = spawnSync(process.execPath, [KAM, ...args], {
    cwd: options.cwd ?? ROOT,
    env: cleanEnv(options.env),
    input: options.input ?? '',
    maxBuffer: 1 << 30,
  });
  return {
    status: r.status,
    signal: r.signal,
    stdout: r.stdout.toString('utf8'),
    stderr: r.stderr.toString('utf8'),
    stdoutBytes: r.stdout,
  };
}

/** Async run, for many runs in parallel. */
export function kamAsync(args: readonly string[], options: KamOptions = {}): Promise<KamRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [KAM, ...args], { cwd: options.cwd ?? ROOT, env: cleanEnv(options.env), stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status, signal) => {
      const stdoutBytes = Buffer.concat(out);
      resolve({ status, signal, stdout: stdoutBytes.toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), stdoutBytes });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/**
 * Runs kam and closes its standard output after the first chunk, as `kam … | head -1` does.
 * Resolves with the exit status and everything written to standard error.
 */
export function kamClosedEarly(args: readonly string[], options: KamOptions = {}): Promise<{ status: number | null; signal: NodeJS.Signals | null; stderr: string; firstChunk: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [KAM, ...args], { cwd: options.cwd ?? ROOT, env: cleanEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
    const err: Buffer[] = [];
    let firstChunk = '';
    child.stdout.once('data', (b: Buffer) => {
      firstChunk = b.toString('utf8');
      child.stdout.destroy();
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status, signal) => resolve({ status, signal, stderr: Buffer.concat(err).toString('utf8'), firstChunk }));
  });
}

/** RFC 4180 CSV (quotes, doubled quotes, LF or CRLF) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** CSV text with a header into records keyed by column name. */
export function csvRecords(text: string): { header: string[]; records: Record<string, string>[] } {
  const [header, ...rows] = parseCsv(text);
  if (header === undefined) return { header: [], records: [] };
  return { header, records: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? '']))) };
}

// eslint-disable-next-line no-control-regex
export const ANSI = /\u001b\[[0-9;]*[A-Za-z]/;
