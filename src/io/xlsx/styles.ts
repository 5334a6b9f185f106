// styles.xml: which cell formats (`cellXfs`, the `s` of a cell) show a number as a date. A cell
// is a date when its number format is one of Excel's built-in date and time formats or a custom
// code with date or time letters once quoted text, escaped and padding characters, `[..]`
// sections (colours, locales, conditions) are set aside.
import { xmlTags } from './xml.js';

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30, with the CJK and Thai ones). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81]);

/** Whether a number format code shows a date or a time. */
export function isDateFormatCode(code: string): boolean {
  let letters = '';
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === '"') {
      const end = code.indexOf('"', i + 1);
      i = end < 0 ? code.length : end;
    } else if (c === '\\' || c === '_' || c === '*') {
      i++; // an escaped character, the width of one, or the fill character
    } else if (c === '[') {
      const end = code.indexOf(']', i + 1);
      const inside = code.slice(i + 1, end < 0 ? code.length : end);
      // [h], [mm], [ss]: elapsed time, a time all the same.
      if (/^(h+|m+|s+)$/i.test(inside)) letters += 'h';
      i = end < 0 ? code.length : end;
    } else letters += c;
  }
  if (/general/i.test(letters)) letters = letters.replace(/general/gi, '');
  return /[ymdhs]/i.test(letters);
}

/**
 * For each cell format index, 1 when it shows dates. Without a styles part nothing is a date.
 */
export function parseDateStyles(xml: string | undefined): Uint8Array {
  if (xml === undefined) return new Uint8Array(0);
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  let inNumFmts = false;
  for (const tag of xmlTags(xml)) {
    if (tag.name === 'numFmts') inNumFmts = tag.kind === 'open';
    // Only the workbook's formats: differential formats (<dxfs>) hold numFmt elements too.
    else if (inNumFmts && tag.name === 'numFmt' && tag.kind !== 'close') {
      const id = Number(tag.attributes.numFmtId);
      if (Number.isInteger(id)) custom.set(id, tag.attributes.formatCode ?? '');
    } else if (tag.name === 'cellXfs') {
      inCellXfs = tag.kind === 'open';
    } else if (inCellXfs && tag.name === 'xf' && tag.kind !== 'close') {
      const id = Number(tag.attributes.numFmtId ?? '0');
      formats.push(Number.isInteger(id) ? id : 0);
    }
  }
  const dates = new Uint8Array(formats.length);
  formats.forEach((id, i) => {
    const code = custom.get(id);
    dates[i] = (code !== undefined ? isDateFormatCode(code) : BUILT_IN_DATES.has(id)) ? 1 : 0;
  });
  return dates;
}
