// The option table: every bad value is refused with kam's own usage error in the run's language
// (not commander's English), the parsers never throw anything else, config values go through the
// same parsers, and each command's help groups its options and shows examples.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { run } from '../../src/cli/main.js';
import { COMMAND_OPTIONS } from '../../src/cli/commands.js';
import { COMMAND_NAMES } from '../../src/cli/config.js';
import { OPTIONS, makeOption, type OptionName } from '../../src/cli/options.js';
import type { CommandIo } from '../../src/commands/context.js';
import { KamError } from '../../src/core/problems.js';
import { SAMPLE_CSV, SAMPLE_XLSX } from '../helpers/kam.js';

async function kamIn(argv: string[], env: Record<string, string> = {}, cwd?: string): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = new PassThrough();
  const err = new PassThrough();
  out.on('data', (b: Buffer) => (stdout += b.toString()));
  err.on('data', (b: Buffer) => (stderr += b.toString()));
  const io: CommandIo = { stdin: new PassThrough(), stdout: out, stderr: err, env: { NO_COLOR: '1', ...env }, today: 20_000, ...(cwd === undefined ? {} : { cwd }) };
  const status = await run(argv, io);
  return { status, stdout, stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kam-options-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a value outside the choices', () => {
  it('is refused in the run language, as one kam line, exit 2', async () => {
    const cases: [string, string][] = [
      ['en', 'kam: --period must be one of month, quarter, week, not "year"\n'],
      ['ru', 'kam: --period: допустимо одно из month, quarter, week, а не «year»\n'],
      ['kk', 'kam: --period: month, quarter, week мәндерінің бірі болуы керек, «year» емес\n'],
    ];
    for (const [lang, line] of cases) {
      const r = await kamIn(['analyze', SAMPLE_CSV, '--period', 'year', '--lang', lang], {}, dir);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(line);
    }
  });

  it('for every option with choices, every command and kam config: never commander\'s English', async () => {
    for (const name of COMMAND_NAMES) {
      for (const option of COMMAND_OPTIONS[name]) {
        const def = OPTIONS[option];
        if (def.choices === undefined && option !== 'format') continue;
        const flag = def.flags.split(' ')[0]!;
        const r = await kamIn([name, SAMPLE_CSV, ...(name === 'client' ? ['X'] : []), flag, 'nope', '--lang', 'ru'], {}, dir);
        expect(r.status, `${name} ${flag}`).toBe(2);
        expect(r.stderr, `${name} ${flag}`).toMatch(new RegExp(`^kam: ${flag}[: ].*«nope»\\n$`));
      }
    }
    const config = await kamIn(['config', '--format', 'yaml', '--lang', 'kk'], {}, dir);
    expect(config.stderr).toBe('kam: --format: table, json мәндерінің бірі болуы керек, «yaml» емес\n');
    // --lang itself: the locale's language speaks until a valid one is named.
    const lang = await kamIn(['analyze', SAMPLE_CSV, '--lang', 'de'], { LANG: 'ru_RU.UTF-8' }, dir);
    expect(lang.stderr).toBe('kam: --lang: одно из en, ru, kk, а не «de»\n');
  });

  it('a bad typed value speaks the language the config file asks for', async () => {
    const path = join(dir, 'ru.json');
    writeFileSync(path, JSON.stringify({ lang: 'ru' }));
    const r = await kamIn(['analyze', SAMPLE_CSV, '--config', path, '--lost-after', 'x'], {}, dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^kam: --lost-after .*«x»\n$/);
  });
});

describe("commander's own refusals", () => {
  it('an unknown option or command and a missing argument: one kam line in the run language, exit 2', async () => {
    const cases: [string[], string][] = [
      [['analyze', SAMPLE_CSV, '--bogus'], "kam: unknown option '--bogus' (kam --help for usage)\n"],
      [['analyze', SAMPLE_CSV, '--perod', 'year'], "kam: unknown option '--perod'; did you mean --period? (kam --help for usage)\n"],
      [['lost', SAMPLE_CSV, '--bogus', '--lang', 'ru'], 'kam: неизвестная опция «--bogus» (справка: kam --help)\n'],
      [['analyse', SAMPLE_CSV, '--lang', 'kk'], 'kam: белгісіз команда «analyse»; analyze болуы мүмкін (анықтама: kam --help)\n'],
      [['client', '--lang', 'ru'], 'kam: не хватает обязательного аргумента «ledger-and-name» (справка: kam --help)\n'],
      [['alive', SAMPLE_CSV, '--lang', 'kk', '--as-of'], 'kam: «--as-of <date>» опциясының мәні берілмеген (анықтама: kam --help)\n'],
      [['config', 'analyze', 'lost'], 'kam: too many arguments for kam config (kam --help for usage)\n'],
    ];
    for (const [argv, line] of cases) {
      const r = await kamIn(argv, {}, dir);
      expect(r.status, argv.join(' ')).toBe(2);
      expect(r.stderr).toBe(line);
    }
  });
});

describe('the parsers', () => {
  const parse = (name: OptionName, text: string): unknown => makeOption(name).parseArg!(text, undefined);

  it('cut-offs: two increasing percentages come back as they are; anything else is a usage error, never a crash', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 100 }), (a, step) => {
        const b = Math.min(100, a + step);
        if (b <= a) return;
        expect(parse('abc', `${a},${b}`)).toEqual([a, b]);
        expect(parse('xyz', ` ${a} , ${b * 3} `)).toEqual([a, b * 3]);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        for (const name of ['abc', 'xyz', 'lostAfter', 'minPeriods', 'top', 'horizon', 'breadwinnerShare', 'asOf', 'compare', 'map', 'failOn', 'period'] as const) {
          try {
            parse(name, text);
          } catch (error) {
            expect(error instanceof KamError && error.problem.code === 'bad-option', `${name} ${JSON.stringify(text)}`).toBe(true);
          }
        }
      }),
    );
  });

  it('numbers: the rules of each option', () => {
    expect(parse('lostAfter', '90')).toBe(90);
    expect(() => parse('lostAfter', '0')).toThrow(KamError);
    expect(() => parse('minPeriods', '2.5')).toThrow(KamError);
    expect(() => parse('breadwinnerShare', '150')).toThrow(KamError);
    expect(() => parse('horizon', '5201')).toThrow(KamError);
    expect(parse('top', '7')).toBe(7);
    expect(() => parse('top', '1.5')).toThrow(KamError);
  });

  it('--map and --sheet collect; --map keys by role', () => {
    const map = makeOption('map');
    expect(map.parseArg!('amount=Сумма', map.parseArg!('client=Контрагент', undefined))).toEqual({ client: 'Контрагент', amount: 'Сумма' });
    const sheet = makeOption('sheet');
    expect(sheet.parseArg!('B', sheet.parseArg!('A', undefined))).toEqual(['A', 'B']);
  });
});

describe('config values through the same parsers', () => {
  it('"sheet" from the config file names a sheet (it used to crash as a string)', async () => {
    const path = join(dir, 'sheet.json');
    writeFileSync(path, JSON.stringify({ sheet: 'Nope' }));
    const r = await kamIn(['analyze', SAMPLE_XLSX, '--config', path, '--format', 'csv'], {}, dir);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no sheet named "Nope"/);
  });
});

describe('help', () => {
  it('groups the options and ends with examples', async () => {
    for (const name of [...COMMAND_NAMES, 'config']) {
      const r = await kamIn([name, '--help'], {}, dir);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/\nLedger:\n/);
      expect(r.stdout).toMatch(/\nOutput:\n/);
      expect(r.stdout).toMatch(new RegExp(`\\nExamples:\\n  \\$ kam ${name}`));
    }
    const analyze = (await kamIn(['analyze', '--help'], {}, dir)).stdout;
    for (const group of ['Window:', 'Classes:', 'Lost:', 'Segments:']) expect(analyze).toContain(`\n${group}\n`);
    expect(analyze).toMatch(/--abc <a,b> +ABC cut-offs, cumulative percent \(default:\s+80,95\)/);
  });
});
