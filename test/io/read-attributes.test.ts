// The client attributes file (--clients): CSV in any dialect the ledger reader takes, and xlsx.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KamError } from '../../src/core/problems.js';
import { parseYesNo, readAttributes } from '../../src/io/read-attributes.js';

const ROOT = new URL('../..', import.meta.url).pathname;
const stdin = (): Readable => Readable.from([]);

/** Windows-1251 bytes of text made of ASCII and the basic Cyrillic letters (written out here, not by kam). */
function cp1251(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c >= 0x410 && c <= 0x44f) bytes.push(c - 0x410 + 0xc0);
    else if (ch === 'Ё') bytes.push(0xa8);
    else if (ch === 'ё') bytes.push(0xb8);
    else throw new Error(`not in the test encoder: ${ch}`);
  }
  return Buffer.from(bytes);
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kam-attributes-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseYesNo', () => {
  it('reads yes/no/y/n/true/false/1/0/да/нет/иә/жоқ in any case', () => {
    for (const t of ['yes', 'YES', 'y', 'True', '1', 'да', 'ДА', 'иә', 'Иә']) expect(parseYesNo(t)).toBe(true);
    for (const t of ['no', 'N', 'false', '0', 'нет', 'Нет', 'жоқ', 'ЖОҚ']) expect(parseYesNo(t)).toBe(false);
    expect(parseYesNo('  ')).toBeNull();
    expect(parseYesNo('maybe')).toBeUndefined();
    expect(parseYesNo('2')).toBeUndefined();
  });
});

describe('readAttributes', () => {
  it('reads the sample attributes file', async () => {
    const a = await readAttributes(join(ROOT, 'fixtures/sample-clients.csv'), stdin());
    expect(a.columns).toEqual(['industry', 'need', 'can_pay', 'authority']);
    expect(a.rows).toHaveLength(9);
    const magnum = a.rows[0]!;
    expect(magnum).toMatchObject({ name: 'Magnum   Cash&Carry', line: 2, tags: ['image-maker'], need: null, canPay: null, authority: null });
    expect(magnum.values).toEqual({ industry: 'Розничная сеть', need: '', can_pay: '', authority: '' });
    const row = (name: string) => a.rows.find((r) => r.name === name)!;
    expect(row('ТОО «Нур-Логистик»')).toMatchObject({ need: true, canPay: true, authority: true, tags: [] });
    expect(row('ТОО «Достык Агро»')).toMatchObject({ need: true, canPay: true, authority: false });
    expect(row('ТОО «Silk Way Trading»')).toMatchObject({ need: true, canPay: false, authority: true });
    expect(row('ТОО «Восток Снаб»').tags).toEqual(['expert']);
    expect(a.notes).toEqual([]);
  });

  it('reads a semicolon-delimited Windows-1251 file with a title row and Russian headers, gzip too', async () => {
    const text = [
      'Список клиентов;;;;;',
      'Клиент;Теги;Отрасль;Потребность;Платежеспособность;ЛПР',
      'ТОО Альфа;Эксперт, vip;Строительство;да;да;нет',
      'ИП Бета;;Торговля;Нет;1;0',
      ';expert;;;;',
    ].join('\r\n');
    const path = join(dir, 'clients-1251.csv');
    writeFileSync(path, cp1251(text));
    const a = await readAttributes(path, stdin());
    expect(a.columns).toEqual(['Отрасль', 'Потребность', 'Платежеспособность', 'ЛПР']);
    expect(a.rows.map((r) => [r.name, r.tags, r.need, r.canPay, r.authority])).toEqual([
      ['ТОО Альфа', ['expert', 'vip'], true, true, false],
      ['ИП Бета', [], false, true, false],
    ]);
    expect(a.rows[0]!.line).toBe(3);
    const gz = join(dir, 'clients.csv.gz');
    writeFileSync(gz, gzipSync(cp1251(text)));
    expect((await readAttributes(gz, stdin())).rows).toHaveLength(2);
  });

  it('reads an xlsx file, with boolean and number cells and Kazakh yes/no', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Клиенты');
    ws.addRow(['Client', 'Tags', 'Region', 'Need', 'Can pay', 'Authority']);
    ws.addRow(['Magnum Cash&Carry', 'image-maker; expert', 'Алматы', true, 1, 'иә']);
    ws.addRow(['ТОО Гамма', '', 'Астана', false, 0, 'жоқ']);
    const path = join(dir, 'clients.xlsx');
    await wb.xlsx.writeFile(path);
    const a = await readAttributes(path, stdin());
    expect(a.columns).toEqual(['Region', 'Need', 'Can pay', 'Authority']);
    expect(a.rows.map((r) => [r.name, r.tags, r.need, r.canPay, r.authority, r.values.Region])).toEqual([
      ['Magnum Cash&Carry', ['image-maker', 'expert'], true, true, true, 'Алматы'],
      ['ТОО Гамма', [], false, false, false, 'Астана'],
    ]);
  });

  it('warns once about values that are neither yes nor no, and ignores tags kam computes', async () => {
    const path = join(dir, 'odd.csv');
    writeFileSync(path, 'client,tags,need,can_pay,authority\nA,key;expert,maybe,yes,yes\nB,breadwinner,yes,?,yes\n');
    const a = await readAttributes(path, stdin());
    expect(a.rows.map((r) => [r.tags, r.need, r.canPay])).toEqual([
      [['expert'], null, true],
      [[], true, null],
    ]);
    expect(a.notes.map((n) => n.code)).toEqual(['attributes-bad-value', 'attributes-computed-tag']);
    expect(a.notes[0]).toMatchObject({ line: 2, column: 'need', value: 'maybe', details: { count: 2 } });
    expect(a.notes[1]!.details).toEqual({ tags: ['key', 'breadwinner'] });
  });

  it('refuses a file without a client column, naming its headers', async () => {
    const path = join(dir, 'no-client.csv');
    writeFileSync(path, 'company,industry\nA,B\n');
    const error = await readAttributes(path, stdin()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KamError);
    expect((error as KamError).problem).toMatchObject({ code: 'attributes-no-client-column', details: { headers: ['company', 'industry'] } });
    const missing = await readAttributes(join(dir, 'nope.csv'), stdin()).catch((e: unknown) => e);
    expect((missing as KamError).problem.code).toBe('file-not-found');
  });
});
