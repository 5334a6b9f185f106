// The small parts: styles (which cell formats are dates), shared strings (runs joined, phonetic
// runs left out, entities and _xHHHH_ escapes), the workbook (names, order, visibility, 1904)
// and its relationships (relative and absolute targets, by type).
import { describe, expect, it } from 'vitest';
import { isDateFormatCode, parseDateStyles } from '../../../src/io/xlsx/styles.js';
import { parseSharedStrings } from '../../../src/io/xlsx/shared-strings.js';
import { parseWorkbook, resolveTarget, workbookPart } from '../../../src/io/xlsx/workbook.js';
import { decodeExcelEscapes } from '../../../src/io/xlsx/xml.js';
import { MAIN_NS, REL_NS, stylesXml } from '../../helpers/xlsx.js';

describe('styles', () => {
  it('date and time codes are dates; quoted text, escapes, [..] sections and colours do not make one', () => {
    for (const code of ['dd.mm.yyyy', 'DD/MM/YY', 'yyyy\\-mm\\-dd', '[$-419]d mmmm yyyy "г."', 'h:mm AM/PM', '[h]:mm:ss', 'mm:ss.0', '[Red]dd.mm.yy', 'd-mmm']) {
      expect(isDateFormatCode(code), code).toBe(true);
    }
    for (const code of ['General', '0.00', '#,##0\\ "сом"', '#,##0.00 "дн."', '_-* #,##0.00\\ [$₸-43F]_-', '[Red]-#,##0', '0" шт"', '0.00E+00', '@', '"Да";"Да";"Нет"', '#,##0_d', '0\\d', '[>=100]0;0', '#,##0 *s']) {
      expect(isDateFormatCode(code), code).toBe(false);
    }
  });

  it('cell formats: built-in date ids, custom codes (which may reuse a built-in id), only cellXfs counted', () => {
    expect([...parseDateStyles(stylesXml([0, 14, 2, 22, 'dd.mm.yyyy', '0.00', 45, 49, 57]))]).toEqual([0, 1, 0, 1, 1, 0, 1, 0, 1]);
    const redefined = `<styleSheet xmlns="${MAIN_NS}"><numFmts><numFmt numFmtId="14" formatCode="0.00"/></numFmts><cellXfs><xf numFmtId="14"/></cellXfs></styleSheet>`;
    expect([...parseDateStyles(redefined)]).toEqual([0]);
    // A differential format (conditional formatting) with the same id does not count.
    const dxf = `<styleSheet xmlns="${MAIN_NS}"><numFmts><numFmt numFmtId="164" formatCode="0.00"/></numFmts><cellXfs><xf numFmtId="164"/></cellXfs><dxfs><dxf><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></dxf></dxfs></styleSheet>`;
    expect([...parseDateStyles(dxf)]).toEqual([0]);
    expect([...parseDateStyles(undefined)]).toEqual([]);
  });
});

describe('shared strings', () => {
  it('runs joined, phonetic runs left out, entities and escapes decoded, empty items kept', () => {
    const xml = `<sst xmlns="${MAIN_NS}"><si><t>Алматы</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">ЖШС </t></r><r><t>«Қазақ»</t></r><rPh sb="0" eb="2"><t>カザフ</t></rPh><phoneticPr fontId="1"/></si><si/><si><t>A &amp; B &#1178; &#x49A;_x000D_</t></si><si><t>_x005F_x0041_</t></si><si><t><![CDATA[<raw>]]></t></si></sst>`;
    expect(parseSharedStrings(xml)).toEqual(['Алматы', 'ЖШС «Қазақ»', '', 'A & B Қ Қ\r', '_x0041_', '<raw>']);
  });

  it('prefixed tags', () => {
    expect(parseSharedStrings(`<x:sst xmlns:x="${MAIN_NS}"><x:si><x:t>ok</x:t></x:si></x:sst>`)).toEqual(['ok']);
  });

  it('_xHHHH_ escapes', () => {
    expect(decodeExcelEscapes('a_x0009_b_x005f_c')).toBe('a\tb_c');
  });
});

describe('workbook and relationships', () => {
  const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL_NS}/worksheet" Target="/xl/worksheets/data.xml"/><Relationship Id="rId3" Type="${REL_NS}/chartsheet" Target="chartsheets/sheet1.xml"/><Relationship Id="rId9" Type="${REL_NS}/styles" Target="../xl/styles.xml"/><Relationship Id="rId8" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  const xml = `<x:workbook xmlns:x="${MAIN_NS}" xmlns:r="${REL_NS}"><x:workbookPr date1904="true"/><x:sheets><x:sheet name="Скрытый" sheetId="1" state="hidden" r:id="rId1"/><x:sheet name="Данные" sheetId="2" r:id="rId2"/><x:sheet name="График" sheetId="3" r:id="rId3"/></x:sheets></x:workbook>`;

  it('sheets in order (chart sheets left out), visibility, 1904, parts by relationship type', () => {
    expect(parseWorkbook('xl/workbook.xml', xml, rels)).toEqual({
      sheets: [
        { name: 'Скрытый', visible: false, part: 'xl/worksheets/sheet1.xml' },
        { name: 'Данные', visible: true, part: 'xl/worksheets/data.xml' },
      ],
      date1904: true,
      styles: 'xl/styles.xml',
      sharedStrings: 'xl/sharedStrings.xml',
    });
  });

  it('targets: relative, absolute, with ..', () => {
    expect(resolveTarget('xl/workbook.xml', 'worksheets/s.xml')).toBe('xl/worksheets/s.xml');
    expect(resolveTarget('xl/workbook.xml', '/xl/s.xml')).toBe('xl/s.xml');
    expect(resolveTarget('a/b/workbook.xml', '../c/s.xml')).toBe('a/c/s.xml');
    expect(workbookPart(`<Relationships><Relationship Id="r" Type="${REL_NS}/officeDocument" Target="/book/main.xml"/></Relationships>`)).toBe('book/main.xml');
    expect(workbookPart(undefined)).toBe('xl/workbook.xml');
  });
});
