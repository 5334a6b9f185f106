// Settings from a config file (--config FILE or kam.config.json in the working directory) and the
// language: the checked config values (pure), then kam end to end — every option round-trips through
// `kam config --format json`, unknown keys and wrong types exit 2 naming the key, the command
// line beats the file, the file beats the environment's locale.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { buildProgram } from '../../src/cli/main.js';
import { COMMAND_OPTIONS } from '../../src/cli/commands.js';
import { COMMAND_NAMES, configValues, expandOutputPath, parseConfigValue, type CommandName } from '../../src/cli/config.js';
import { makeOption } from '../../src/cli/options.js';
import type { CommandIo } from '../../src/commands/context.js';
import { KamError } from '../../src/core/problems.js';
import { langFromEnv } from '../../src/i18n/index.js';
import { SAMPLE_CSV, kam } from '../helpers/kam.js';
import { runKam as inProcess } from '../helpers/run.js';

const CLIENTS_FILE = fileURLToPath(new URL('../../fixtures/sample-clients.csv', import.meta.url));

/** The values a config file sets for a command (canonical), checked against every command's options. */
function found(command: CommandName, data: unknown) {
  return configValues({ path: 'kam.config.json', data }, command, COMMAND_OPTIONS);
}
const valueOf = (command: CommandName, data: unknown, attribute: string): unknown => (found(command, data) as Map<string, { value: unknown }>).get(attribute)?.value;

function usageError(f: () => unknown): { usage: string; key?: string; command?: string } {
  try {
    f();
  } catch (error) {
    if (error instanceof KamError && error.problem.code === 'bad-option') return error.problem.details as { usage: string; key?: string };
    throw error;
  }
  throw new Error('no error');
}

describe('config values (pure)', () => {
  it("the command's section > the top level; what the file does not set is left to the defaults", () => {
    const m = found('analyze', { period: 'quarter', by: 'profit', lostAfter: 120, analyze: { period: 'week', top: 5 } });
    expect(m.get('period')).toMatchObject({ value: 'week', section: 'analyze', key: 'period' });
    expect(m.get('by')).toMatchObject({ value: 'profit', key: 'by' });
    expect(m.get('lostAfter')).toMatchObject({ value: 120, key: 'lostAfter' });
    expect(m.get('top')).toMatchObject({ value: 5, section: 'analyze' });
    expect(m.has('sd')).toBe(false);
  });

  it('keys in camelCase or as written; cut-offs as text or a list; --map as an object or role=Header entries', () => {
    expect(valueOf('analyze', { 'lost-after': 90 }, 'lostAfter')).toBe(90);
    expect(valueOf('analyze', { abc: [70, 90] }, 'abc')).toEqual([70, 90]);
    expect(valueOf('analyze', { xyz: '15,30' }, 'xyz')).toEqual([15, 30]);
    expect(valueOf('analyze', { map: { client: 'Контрагент', amount: 'Сумма' } }, 'map')).toEqual({ client: 'Контрагент', amount: 'Сумма' });
    expect(valueOf('analyze', { map: ['client=Контрагент'] }, 'map')).toEqual({ client: 'Контрагент' });
    expect(valueOf('analyze', { 'fail-on': ['lost-key'] }, 'failOn')).toBe('lost-key');
  });

  it('config values go through the options\' own parsers: the same values and the same refusals as typed ones', () => {
    expect(parseConfigValue(makeOption('map'), { client: 'Контрагент', amount: 'Сумма' })).toEqual({ client: 'Контрагент', amount: 'Сумма' });
    expect(parseConfigValue(makeOption('abc'), [70, 90])).toEqual([70, 90]);
    expect(parseConfigValue(makeOption('lostAfter'), 90)).toBe(90);
    expect(parseConfigValue(makeOption('sheet'), 'Sheet1')).toEqual(['Sheet1']);
    expect(usageError(() => parseConfigValue(makeOption('abc'), [95, 80]))).toMatchObject({ usage: 'cutoffs' });
    expect(usageError(() => parseConfigValue(makeOption('minPeriods'), 2.5))).toMatchObject({ usage: 'wholeNumber' });
  });

  it('--no-color is "color": false, or "noColor" / "no-color": true', () => {
    expect(valueOf('analyze', { color: false }, 'color')).toBe(false);
    expect(valueOf('analyze', { noColor: true }, 'color')).toBe(false);
    expect(valueOf('analyze', { 'no-color': false }, 'color')).toBe(true);
  });

  it("a top-level key of another command's option is checked but does not apply", () => {
    expect(found('analyze', { holdout: '2026-06-30', table: 'churn' }).has('holdout')).toBe(false);
    expect(valueOf('alive', { holdout: '2026-06-30' }, 'holdout')).toBe('2026-06-30');
    expect(usageError(() => found('analyze', { holdout: 26 }))).toMatchObject({ usage: 'configWrongType', key: 'holdout' });
    // --horizon is an option of analyze (expected revenue) and of alive alike.
    expect(valueOf('analyze', { horizon: 26 }, 'horizon')).toBe(26);
    expect(usageError(() => found('analyze', { horizon: '26' }))).toMatchObject({ usage: 'configWrongType', key: 'horizon' });
  });

  it('unknown keys are usage errors naming the key (and the section)', () => {
    expect(usageError(() => found('analyze', { perod: 'quarter' }))).toMatchObject({ usage: 'configUnknownKey', key: 'perod' });
    expect(usageError(() => found('analyze', { alive: { period: 'quarter' } }))).toMatchObject({ usage: 'configUnknownKey', key: 'period', command: 'alive' });
    expect(usageError(() => found('analyze', { config: 'other.json' }))).toMatchObject({ usage: 'configUnknownKey', key: 'config' });
    // Another command's section is checked too, even when it does not apply.
    expect(usageError(() => found('analyze', { lost: { holdout: '2026-06-30' } }))).toMatchObject({ usage: 'configUnknownKey', key: 'holdout', command: 'lost' });
  });

  it('wrong types and values outside the choices are usage errors naming the key', () => {
    expect(usageError(() => found('analyze', { lostAfter: '180' }))).toMatchObject({ usage: 'configWrongType', key: 'lostAfter', expected: 'number' });
    expect(usageError(() => found('analyze', { strict: 'yes' }))).toMatchObject({ usage: 'configWrongType', key: 'strict' });
    expect(usageError(() => found('analyze', { abc: [80] }))).toMatchObject({ usage: 'configWrongType', key: 'abc' });
    expect(usageError(() => found('analyze', { map: { client: 1 } }))).toMatchObject({ usage: 'configWrongType', key: 'map' });
    expect(usageError(() => found('analyze', { analyze: 5 }))).toMatchObject({ usage: 'configWrongType', key: 'analyze' });
    expect(usageError(() => found('analyze', { period: 'year' }))).toMatchObject({ usage: 'configBadChoice', key: 'period' });
    expect(usageError(() => found('analyze', { lang: 'de' }))).toMatchObject({ usage: 'configBadChoice', key: 'lang' });
    expect(usageError(() => found('analyze', [1, 2]))).toMatchObject({ usage: 'configNotObject' });
  });

  it('every command has --lang and --config', () => {
    const io: CommandIo = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), env: {}, today: 20_000 };
    const program = buildProgram(io, () => undefined);
    for (const name of COMMAND_NAMES) {
      const flags = program.commands.find((c) => c.name() === name)!.options.map((o) => o.long);
      expect(flags).toContain('--lang');
      expect(flags).toContain('--config');
    }
  });

  it('{date} in the output path', () => {
    expect(expandOutputPath('reports/kam-{date}.xlsx', '2026-10-31')).toBe('reports/kam-2026-10-31.xlsx');
    expect(expandOutputPath('report.xlsx', '2026-10-31')).toBe('report.xlsx');
  });
});

describe('the language of the environment', () => {
  it('LC_ALL, then LC_MESSAGES, then LANG; the first that is set decides', () => {
    expect(langFromEnv({ LANG: 'ru_RU.UTF-8' })).toEqual({ lang: 'ru', variable: 'LANG' });
    expect(langFromEnv({ LANG: 'kk_KZ' })).toEqual({ lang: 'kk', variable: 'LANG' });
    expect(langFromEnv({ LANG: 'ru_RU.UTF-8', LC_MESSAGES: 'kk_KZ.UTF-8' }).lang).toBe('kk');
    expect(langFromEnv({ LANG: 'ru_RU.UTF-8', LC_ALL: 'C' }).lang).toBe('en');
    expect(langFromEnv({ LANG: 'ru_RU.UTF-8', LC_ALL: '' }).lang).toBe('ru');
    expect(langFromEnv({ LANG: 'de_DE.UTF-8' }).lang).toBe('en');
    expect(langFromEnv({})).toEqual({ lang: 'en', variable: null });
  });
});

describe('kam with a config file', () => {
  let dir: string;
  const write = (name: string, data: unknown): string => {
    const path = join(dir, name);
    writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data, null, 2));
    return path;
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'kam-config-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A value for every option of every command, as a config file writes it (canonical). */
  const EVERY = {
    map: { client: 'Client', amount: 'Amount' },
    sheet: 'Sheet1',
    encoding: 'utf8',
    delimiter: ',',
    decimal: '.',
    dateFormat: 'yyyy-mm-dd',
    strict: true,
    direction: 'Region',
    asOf: '2026-10-31',
    from: '2025-02-01',
    to: '2026-09-30',
    includePartial: true,
    period: 'quarter',
    by: 'profit',
    abc: [75, 92],
    abcBoundary: 'exclude',
    xyz: [12, 30],
    xyzStart: 'window',
    sd: 'sample',
    minPeriods: 4,
    lostAfter: 150,
    lostFactor: 2.5,
    riskFactor: 1.25,
    horizon: 26,
    discount: 0.08,
    keyShare: 40,
    currency: 'KZT',
    quiet: true,
    failOn: 'lost-key',
    lang: 'kk',
    color: false,
    analyze: { clients: CLIENTS_FILE, breadwinnerShare: 12, newWithin: 9, compare: 'previous', format: 'json', output: 'reports/kam-{date}.xlsx', splitBy: 'Manager', top: 7, safeCsv: true },
    lost: { clients: CLIENTS_FILE, breadwinnerShare: 15, format: 'csv', table: 'churn', top: 30, safeCsv: true },
    alive: { holdout: '2026-03-31', format: 'json', output: 'reports/model-{date}.xlsx', top: 12, safeCsv: true },
    client: { clients: CLIENTS_FILE, breadwinnerShare: 11, newWithin: 3, compare: '2025-01-01..2025-06-30', format: 'json' },
    bridge: { format: 'json' },
    portfolio: { format: 'csv' },
    history: { every: 'quarter', window: 6, format: 'json', output: 'history-{date}.xlsx', top: 9 },
  } as const;

  type Shown = { config: string | null; lang: string; commands: Record<string, Record<string, { value: unknown; source: string; key?: string; section?: string; flag: string }>> };

  it('a file with every option round-trips through kam config --format json', async () => {
    const path = write('every.json', EVERY);
    const r = await inProcess(['config', '--format', 'json', '--config', path]);
    expect(r.status, r.stderr).toBe(0);
    const shown = JSON.parse(r.stdout) as Shown;
    expect(shown.config).toBe(path);
    const { analyze, lost, alive, client, bridge, portfolio, history, ...top } = EVERY;
    const sections = { analyze, lost, alive, client, bridge, portfolio, history } as Record<CommandName, Record<string, unknown>>;
    for (const name of COMMAND_NAMES) {
      const settings = shown.commands[name]!;
      const expected: Record<string, unknown> = { ...Object.fromEntries(Object.entries(top).filter(([k]) => k in settings)), ...sections[name] };
      for (const [key, value] of Object.entries(expected)) {
        expect(settings[key], `${name}.${key}`).toMatchObject({ value, source: 'config' });
      }
      // Every option of the command (but --config) is in the file, so nothing is left at its default.
      for (const [attr, s] of Object.entries(settings)) expect(s.source, `${name}.${attr}`).toBe('config');
    }
    // And back: the values shown make the same config file again.
    const again: Record<string, unknown> = {};
    for (const name of COMMAND_NAMES) again[name] = Object.fromEntries(Object.entries(shown.commands[name]!).map(([k, s]) => [k, s.value]));
    const r2 = await inProcess(['config', '--format', 'json', '--config', write('again.json', again)]);
    expect(r2.status, r2.stderr).toBe(0);
    const values = (s: Shown): unknown => Object.fromEntries(COMMAND_NAMES.map((n) => [n, Object.fromEntries(Object.entries(s.commands[n]!).map(([k, v]) => [k, v.value]))]));
    expect(values(JSON.parse(r2.stdout) as Shown)).toEqual(values(shown));
  });

  it('kam config says where each setting comes from, in the table too', async () => {
    const path = write('some.json', { period: 'quarter', analyze: { top: 5 } });
    const r = await inProcess(['config', 'analyze', '--config', path, '--by', 'profit', '--lang', 'en']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/--period\s+│ quarter\s+│ .*some\.json/);
    expect(r.stdout).toMatch(/--top\s+│ 5\s+│ .*some\.json \("analyze" section\)/);
    expect(r.stdout).toMatch(/--by\s+│ profit\s+│ command line/);
    expect(r.stdout).toMatch(/--sd\s+│ population\s+│ default/);
    expect(r.stdout).toMatch(/--lang\s+│ en\s+│ command line/);
    const json = JSON.parse((await inProcess(['config', 'lost', '--format', 'json', '--config', path, '--top', '9'])).stdout) as Shown;
    expect(json.commands.lost!.top).toMatchObject({ value: 9, source: 'command-line' });
    expect(json.commands.lost!.period).toMatchObject({ value: 'quarter', source: 'config' });
    // An option the described command does not have.
    const bad = await inProcess(['config', 'alive', '--period', 'quarter']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--period is not an option of kam alive/);
  });

  it('the language comes from the environment when nothing else says', async () => {
    const json = async (env: Record<string, string>): Promise<Shown> => JSON.parse((await inProcess(['config', 'analyze', '--format', 'json'], { cwd: dir, env })).stdout) as Shown;
    expect((await json({ LANG: 'ru_RU.UTF-8' })).commands.analyze!.lang).toMatchObject({ value: 'ru', source: 'environment' });
    expect((await json({ LANG: 'C.UTF-8' })).commands.analyze!.lang).toMatchObject({ value: 'en', source: 'environment' });
  });

  it('an unknown key exits 2 and names it, in the language asked for', async () => {
    const path = write('unknown.json', { period: 'quarter', lostAftre: 90 });
    const r = await inProcess(['analyze', SAMPLE_CSV, '--config', path]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('unknown setting "lostAftre"');
    const ru = await inProcess(['analyze', SAMPLE_CSV, '--config', path, '--lang', 'ru']);
    expect(ru.status).toBe(2);
    expect(ru.stderr).toContain('неизвестный параметр «lostAftre»');
    const section = await inProcess(['lost', SAMPLE_CSV, '--config', write('section.json', { analyze: { holdout: '2026-06-30' } })]);
    expect(section.status).toBe(2);
    expect(section.stderr).toContain('unknown setting "holdout" in the "analyze" section');
  });

  it('a wrong type exits 2 and names the key', async () => {
    const r = await inProcess(['analyze', SAMPLE_CSV, '--config', write('type.json', { lostAfter: '180' })]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('"lostAfter" must be a number, not "180"');
    const s = await inProcess(['alive', SAMPLE_CSV, '--config', write('type2.json', { alive: { top: [5] } })]);
    expect(s.status).toBe(2);
    expect(s.stderr).toContain('"alive.top" must be a number');
    const c = await inProcess(['analyze', SAMPLE_CSV, '--config', write('choice.json', { period: 'year' })]);
    expect(c.status).toBe(2);
    expect(c.stderr).toContain('"period" must be one of month, quarter, week, not "year"');
  });

  it('a bad value from the file is reported with the option and where the file set it', async () => {
    const r = await inProcess(['analyze', SAMPLE_CSV, '--config', write('value.json', { analyze: { abc: '95,80' } })]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--abc takes two increasing percentages .*"95,80" \(set in .*value\.json as "analyze\.abc"\)/);
  });

  it('a file that is not JSON, or not there, exits 2', async () => {
    const r = await inProcess(['analyze', SAMPLE_CSV, '--config', write('broken.json', '{"period": "quarter",}')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/broken\.json: the config file is not valid JSON/);
    const missing = await inProcess(['analyze', SAMPLE_CSV, '--config', join(dir, 'nope.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json: no such config file/);
  });

  it('the command line beats the config file', async () => {
    const path = write('quarter.json', { period: 'quarter', by: 'profit' });
    const fromFile = await inProcess(['analyze', SAMPLE_CSV, '--format', 'csv', '--config', path]);
    const byFlags = await inProcess(['analyze', SAMPLE_CSV, '--format', 'csv', '--period', 'quarter', '--by', 'profit']);
    expect(fromFile.status).toBe(0);
    expect(fromFile.stdout).toBe(byFlags.stdout);
    const overridden = await inProcess(['analyze', SAMPLE_CSV, '--format', 'csv', '--config', path, '--period', 'month', '--by', 'revenue']);
    expect(overridden.stdout).toBe((await inProcess(['analyze', SAMPLE_CSV, '--format', 'csv'])).stdout);
    expect(overridden.stdout).not.toBe(fromFile.stdout);
  });

  it('kam.config.json in the working directory is read, with its language and a dated output file', () => {
    const work = join(dir, 'weekly');
    mkdirSync(work);
    writeFileSync(join(work, 'kam.config.json'), JSON.stringify({ lang: 'ru', analyze: { output: 'reports/kam-{date}.xlsx', asOf: '2026-10-31', format: 'table', color: false } }));
    mkdirSync(join(work, 'reports'));
    const r = kam(['analyze', SAMPLE_CSV], { cwd: work });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Ключевые клиенты');
    expect(existsSync(join(work, 'reports', 'kam-2026-10-31.xlsx'))).toBe(true);
    // The command line still wins, and the environment's locale loses to the file.
    expect(kam(['analyze', SAMPLE_CSV, '--lang', 'en', '-o', 'x.xlsx'], { cwd: work }).stdout).toContain('Key clients');
    expect(kam(['analyze', SAMPLE_CSV, '-o', 'y.xlsx'], { cwd: work, env: { LANG: 'kk_KZ.UTF-8' } }).stdout).toContain('Ключевые клиенты');
  });

  it('without a file, the locale decides the language; LC_ALL beats LANG', () => {
    const table = (env: Record<string, string>): string => kam(['lost', SAMPLE_CSV, '--format', 'table', '--no-color'], { cwd: dir, env }).stdout;
    expect(table({ LANG: 'ru_RU.UTF-8' })).toContain('Список возврата');
    expect(table({ LANG: 'kk_KZ.UTF-8' })).toContain('Қайтару тізімі');
    expect(table({ LANG: 'ru_RU.UTF-8', LC_ALL: 'C' })).toContain('Win-back list');
    const err = kam(['analyze', join(dir, 'missing.csv')], { cwd: dir, env: { LANG: 'ru_RU.UTF-8' } });
    expect(err.status).toBe(1);
    expect(err.stderr).toMatch(/missing\.csv: файл не найден/);
  });
});
