// The catalogues are complete: every key of the English one exists in Russian and Kazakh with the
// same shape and nothing empty — checked by the compiler (a catalogue missing a key does not
// compile) and here at run time, including every function the reporters call, replayed in each
// language with the arguments the English run passed.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Chalk } from 'chalk';
import ts from 'typescript';
import { readReport } from '../../src/commands/read-report.js';
import type { CommandIo } from '../../src/commands/context.js';
import { aliveModel } from '../../src/core/alive-model.js';
import type { FileReason, Problem, ProblemCode, ProblemOf, SheetSkipReason } from '../../src/core/problems.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { CATALOGUES, LANGS, en, type Messages } from '../../src/i18n/index.js';
import { renderAliveTerminal } from '../../src/report/alive-report.js';
import { renderDossierTerminal } from '../../src/report/dossier-terminal.js';
import { renderLostTerminal } from '../../src/report/lost-terminal.js';
import { renderProblem } from '../../src/report/messages.js';
import { renderTerminal } from '../../src/report/terminal.js';
import { renderWorkbook } from '../../src/report/workbook/index.js';
import { SAMPLE_CSV } from '../helpers/kam.js';
import { classHistory } from '../../src/core/history.js';
import { renderBridgeTerminal } from '../../src/report/bridge-terminal.js';
import { renderHistoryTerminal } from '../../src/report/history-terminal.js';
import { renderPortfolioTerminal } from '../../src/report/portfolio-terminal.js';

const EN = fileURLToPath(new URL('../../src/i18n/en.ts', import.meta.url));
const OTHERS = LANGS.filter((l) => l !== 'en');

describe('compile time: a catalogue must have every key of the English one', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kam-i18n-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function diagnostics(source: string): string[] {
    const file = join(dir, `probe-${Math.random().toString(36).slice(2)}.ts`);
    writeFileSync(file, source.replace('EN', EN.replace(/\.ts$/, '.js')));
    const program = ts.createProgram([file], {
      strict: true,
      noUncheckedIndexedAccess: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      types: ['node'],
      skipLibCheck: true,
      noEmit: true,
    });
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }

  it('a catalogue without a key is a type error naming the key; a complete one compiles', () => {
    const missing = diagnostics(`import { en, type Messages } from 'EN';
const { notes: _dropped, ...rest } = en;
export const broken: Messages = rest;
const { labels: _l, ...analyze } = en.analyze;
export const brokenNested: Messages = { ...en, analyze };
export const complete: Messages = { ...en };
`);
    expect(missing.some((m) => m.includes("'notes'"))).toBe(true);
    expect(missing.some((m) => m.includes("'labels'"))).toBe(true);
    expect(missing).toHaveLength(2);
  }, 60_000);
});

/** Every leaf of a catalogue: path → value. */
function leaves(value: unknown, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) for (const [p, leaf] of leaves(v, path === '' ? k : `${path}.${k}`)) out.set(p, leaf);
  } else out.set(path, value);
  return out;
}

describe('run time: every language has every key, of the same kind, and nothing empty', () => {
  const english = leaves(en);

  it.each(LANGS)('%s', (lang) => {
    const catalogue = leaves(CATALOGUES[lang]);
    expect([...catalogue.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [path, value] of english) {
      const other = catalogue.get(path);
      expect(typeof other, path).toBe(typeof value);
      // Not empty nor blank (a no-break space, the Russian thousands separator, counts as a character).
      if (typeof value === 'string') expect(/^[ \t\r\n]*$/.test(other as string), path).toBe(false);
      if (Array.isArray(value)) {
        expect(Array.isArray(other), path).toBe(true);
        const list = other as unknown[];
        expect(list, path).toHaveLength(value.length);
        // Empty header cells stay empty in every language; the others are words.
        value.forEach((v, i) => expect(String(list[i]).trim() === '', `${path}[${i}]`).toBe(String(v).trim() === ''));
      }
    }
  });

  it('the catalogues say their language, and ru/kk number formats differ from English', () => {
    for (const lang of LANGS) expect(CATALOGUES[lang].lang).toBe(lang);
    for (const lang of OTHERS) {
      expect(CATALOGUES[lang].human.money(1234567.891)).toBe('1\u00a0234\u00a0567,89');
      expect(CATALOGUES[lang].human.day(20_000)).toBe('04.10.2024');
      expect(CATALOGUES[lang].numFmt.date).toMatch(/dd\.mm\.yyyy$/);
    }
    expect(en.human.money(1234567.891)).toBe('1,234,567.89');
    expect(en.human.day(20_000)).toBe('2024-10-04');
  });
});

const FILE = { severity: 'warning', file: 'sales.csv', line: 12, column: 'Дата', value: 'no-convergence' } as const;
const SPAN = { from: '2025-01-01', to: '2025-03-31' };

/** A problem of every code, with the details its message reads (typed per code). */
const SAMPLES: { [K in ProblemCode]: ProblemOf<K> } = {
  'bad-option': { ...FILE, code: 'bad-option', details: { hint: 'a hint' } },
  'file-not-found': { ...FILE, code: 'file-not-found' },
  'file-unreadable': { ...FILE, code: 'file-unreadable', details: { reason: { code: 'permission-denied' } } },
  'file-empty': { ...FILE, code: 'file-empty' },
  'file-binary': { ...FILE, code: 'file-binary' },
  'file-truncated': { ...FILE, code: 'file-truncated', details: { format: 'gzip' } },
  'sheet-not-found': { ...FILE, code: 'sheet-not-found', details: { sheets: ['Sheet1', 'Лист2'] } },
  'sheet-skipped': { ...FILE, code: 'sheet-skipped', details: { reason: { code: 'no-header' } } },
  'no-header': { ...FILE, code: 'no-header', details: { firstRow: ['a', 'b'] } },
  'no-rows': { ...FILE, code: 'no-rows' },
  'missing-column': { ...FILE, code: 'missing-column', details: { roles: ['client', 'amount'], headers: ['Дата', 'Сумма'] } },
  'unknown-mapped-column': { ...FILE, code: 'unknown-mapped-column', details: { headers: ['Дата', 'Сумма'] } },
  'ambiguous-dates': { ...FILE, code: 'ambiguous-dates', details: { candidates: ['dmy', 'mdy'] } },
  'ambiguous-numbers': { ...FILE, code: 'ambiguous-numbers', details: { point: '.' } },
  'unknown-date-format': { ...FILE, code: 'unknown-date-format' },
  'bad-row': { ...FILE, code: 'bad-row', details: { kind: 'date' } },
  'no-profit-column': { ...FILE, code: 'no-profit-column' },
  'no-quantity-column': { ...FILE, code: 'no-quantity-column' },
  'empty-window': { ...FILE, code: 'empty-window', details: { ...SPAN, period: 'quarter' } },
  'history-too-short': { ...FILE, code: 'history-too-short', details: { ...SPAN, every: 'quarter', months: 24 } },
  'output-unwritable': { ...FILE, code: 'output-unwritable', details: { reason: { code: 'no-space' } } },
  'output-is-input': { ...FILE, code: 'output-is-input' },
  'rows-skipped': { ...FILE, code: 'rows-skipped', details: { total: 12, noClient: 2, badDate: 5, badNumber: 5 } },
  'partial-period-dropped': { ...FILE, code: 'partial-period-dropped', details: { ...SPAN, edge: 'trailing' } },
  'partial-period-kept': { ...FILE, code: 'partial-period-kept', details: { ...SPAN, edge: 'trailing' } },
  'window-capped': { ...FILE, code: 'window-capped', details: { asOf: '2026-10-31' } },
  'xyz-degenerate': { ...FILE, code: 'xyz-degenerate', details: { count: 3, classed: 30, suggestedCutoffs: '12,40', suggestedPeriod: 'quarter' } },
  'no-positive-clients': { ...FILE, code: 'no-positive-clients' },
  'rows-after-as-of': { ...FILE, code: 'rows-after-as-of', details: { days: 4 } },
  'bgnbd-not-fitted': { ...FILE, code: 'bgnbd-not-fitted', details: { clients: 12, repeat: 3, needed: 20 } },
  'lost-key-clients': { ...FILE, code: 'lost-key-clients', details: { count: 2, clients: ['ТОО «Альфа»', 'Beta LLP'] } },
  'client-not-found': { ...FILE, code: 'client-not-found', details: { suggestions: ['ТОО «Альфа»'] } },
  'attributes-no-client-column': { ...FILE, code: 'attributes-no-client-column', details: { headers: ['Дата', 'Сумма'] } },
  'attributes-unmatched': { ...FILE, code: 'attributes-unmatched', details: { count: 2, names: ['x', 'y'] } },
  'attributes-bad-value': { ...FILE, code: 'attributes-bad-value', details: { count: 3 } },
  'attributes-computed-tag': { ...FILE, code: 'attributes-computed-tag', details: { tags: ['key'] } },
  'compare-outside-ledger': { ...FILE, code: 'compare-outside-ledger', details: { ...SPAN, ledgerFrom: '2024-06-01' } },
};

/** Every reason a file cannot be read or written (`system` is the OS's own text, the same in every language). */
const FILE_REASONS: FileReason[] = [
  { code: 'folder-not-file' },
  { code: 'permission-denied' },
  { code: 'path-not-folder' },
  { code: 'symlink-loop' },
  { code: 'name-too-long' },
  { code: 'io-error' },
  { code: 'too-many-open-files' },
  { code: 'xls-workbook' },
  { code: 'ods-file' },
  { code: 'zip-not-xlsx' },
  { code: 'csv-quote-not-closed', line: 7 },
  { code: 'csv-syntax', csvCode: 'CSV_INVALID_CLOSING_QUOTE', line: 7, column: 2 },
  { code: 'is-folder' },
  { code: 'not-regular-file' },
  { code: 'read-only-file' },
  { code: 'read-only-file-system' },
  { code: 'no-space' },
  { code: 'quota-exceeded' },
  { code: 'file-in-use' },
  { code: 'no-folder', folder: 'out' },
  { code: 'folder-path-not-folder', folder: 'out' },
  { code: 'not-a-folder', folder: 'out' },
];

const SHEET_REASONS: SheetSkipReason[] = [
  { code: 'no-header' },
  { code: 'no-rows' },
  { code: 'missing-column', roles: ['client', 'date'] },
  { code: 'unknown-mapped-column', column: 'Клиент', role: 'client' },
];

/** A problem of every code, and variants that take another branch: every reason, every kind. */
function sampleProblems(): Problem[] {
  const problems: Problem[] = Object.values(SAMPLES);
  problems.push(
    { code: 'bgnbd-not-fitted', severity: 'note', value: 'no-fit', details: { clients: 12, repeat: 3, needed: 20 } },
    { code: 'bgnbd-not-fitted', severity: 'note', value: 'no-repeat-purchases', details: { clients: 12, repeat: 0, needed: 20 } },
    { code: 'bgnbd-not-fitted', severity: 'note', value: 'too-few', details: { clients: 12, repeat: 3, needed: 20 } },
    { code: 'bad-row', severity: 'warning', file: 'a.csv', line: 3, column: 'Клиент', details: { kind: 'client' } },
    { code: 'bad-row', severity: 'warning', file: 'a.csv', line: 3, column: 'Сумма', value: 'x', details: { kind: 'number' } },
    { code: 'compare-outside-ledger', severity: 'warning', value: 'before', details: { ...SPAN, ledgerFrom: '2024-06-01' } },
    { code: 'partial-period-dropped', severity: 'note', value: '2026-Q4', details: { ...SPAN, edge: 'leading' } },
    { code: 'file-truncated', severity: 'error', file: 'a.xlsx', details: { format: 'xlsx' } },
    ...FILE_REASONS.map((reason): Problem => ({ code: 'file-unreadable', severity: 'error', file: 'a.csv', details: { reason } })),
    ...FILE_REASONS.map((reason): Problem => ({ code: 'output-unwritable', severity: 'error', file: 'out/a.csv', details: { reason } })),
    ...SHEET_REASONS.map((reason): Problem => ({ code: 'sheet-skipped', severity: 'warning', file: 'a.xlsx', value: 'Лист1', details: { reason } })),

    { code: 'source-failed', severity: 'error', file: 'sales.parquet', value: '/tmp', details: { reason: 'no-space' } },
  );
  return problems;
}

describe('every problem message and every usage message, in every language', () => {
  it.each(LANGS)('%s: one line, not empty, nothing undefined', (lang) => {
    const t = CATALOGUES[lang];
    for (const p of sampleProblems()) {
      const text = renderProblem(p, t);
      expect(text.trim(), p.code).not.toBe('');
      expect(text, p.code).not.toMatch(/undefined|NaN|\n/);
    }
    const params = { flag: '--period', value: 'year', allowed: ['month', 'quarter'], example: '80,95', file: 'kam.config.json', key: 'period', expected: 'number', command: 'analyze', reason: 'EACCES' };
    for (const key of Object.keys(t.usage) as (keyof Messages['usage'])[]) {
      const text = t.usage[key](params);
      expect(text.trim(), key).not.toBe('');
      expect(text, key).not.toMatch(/undefined|NaN|\n/);
    }
  });

  it('ru and kk never fall back to the English words of a message', () => {
    for (const lang of OTHERS) {
      for (const p of sampleProblems()) {
        if (p.code === 'bad-option') continue;
        expect(renderProblem(p, CATALOGUES[lang]), p.code).not.toBe(renderProblem(p, en));
      }
    }
  });
});

describe('every catalogue function the reporters call, replayed in each language', () => {
  const calls: { path: string; args: unknown[] }[] = [];

  /** The English catalogue, recording every call made through it. */
  function recording<T extends object>(target: T, path = ''): T {
    return new Proxy(target, {
      get(obj, key, receiver) {
        const value = Reflect.get(obj, key, receiver) as unknown;
        if (typeof key !== 'string') return value;
        const here = path === '' ? key : `${path}.${key}`;
        if (typeof value === 'function') {
          return (...args: unknown[]) => {
            calls.push({ path: here, args });
            return (value as (...a: unknown[]) => unknown)(...args);
          };
        }
        return value !== null && typeof value === 'object' && !Array.isArray(value) ? recording(value as object, here) : value;
      },
    });
  }

  beforeAll(async () => {
    const t = recording(en);
    // Today after the sample ledger's last date (2026-10-31): dates more than a year after today are bad rows (SPEC §1).
    const io: CommandIo = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), env: {}, today: 20_793 };
    const chalk = new Chalk({ level: 0 });
    const settings = { ...DEFAULT_SETTINGS, from: 20_454 };
    const read = { map: { direction: 'Region' }, trackProducts: true };
    const clients = fileURLToPath(new URL('../../fixtures/sample-clients.csv', import.meta.url));
    const { report, context } = await readReport([SAMPLE_CSV], read, settings, io, 'test', { clients, compare: { kind: 'previous' } }, t);
    const ledger = report.ledger;
    [...renderTerminal(report, context, { chalk, top: 5, t })].join('');
    [...renderLostTerminal(report, context, { chalk, top: 5, directionColumn: 'Region', t })].join('');
    [...renderAliveTerminal(aliveModel(ledger, ledger.lastDay!, 52), context, { chalk, top: 5, t })].join('');
    // With a holdout check: its table, totals, error and chart.
    [...renderAliveTerminal(aliveModel(ledger, ledger.lastDay!, 52, ledger.lastDay! - 182), context, { chalk, top: 5, t })].join('');
    [...renderDossierTerminal(report.dossier(report.analysis.clients[0]!.client), { chalk, directionColumn: 'Region', t })].join('');
    // SPEC §11: the bridge, portfolios and class history, in the terminal and in the workbook.
    const history = classHistory(ledger, DEFAULT_SETTINGS, { every: 'quarter', windowMonths: 6 });
    renderBridgeTerminal(report.bridge, context.notes, { chalk, directionColumn: 'Region', t }).join('');
    renderPortfolioTerminal(report.portfolios!, context.notes, { chalk, column: 'Region', lastPeriod: '2026-10', t }).join('');
    renderHistoryTerminal(history, context.notes, { chalk, top: 5, t }).join('');
    await renderWorkbook({ report, context, generatedAt: new Date(0), directionColumn: 'Region', t, history });
  }, 120_000);

  it('the sample run calls many of them', () => {
    expect(new Set(calls.map((c) => c.path)).size).toBeGreaterThan(150);
  });

  it.each(LANGS)('%s: the same calls give words, never empty, never undefined', (lang) => {
    const catalogue = CATALOGUES[lang] as unknown as Record<string, unknown>;
    for (const { path, args } of calls) {
      let fn: unknown = catalogue;
      for (const part of path.split('.')) fn = (fn as Record<string, unknown>)[part];
      expect(typeof fn, path).toBe('function');
      const result = (fn as (...a: unknown[]) => unknown)(...args);
      const text = Array.isArray(result) ? result.join(' ') : String(result);
      if (path.startsWith('human.') || path === 'period') continue;
      expect(text.trim(), path).not.toBe('');
      expect(text, path).not.toMatch(/undefined|NaN/);
    }
  });
});
