// sharedStrings.xml: the text of every shared string, in order. A rich string's runs are joined;
// phonetic runs (`<rPh>`, the readings Japanese Excel keeps beside a name) are not part of the
// text; entities and Excel's `_xHHHH_` escapes are decoded.
import { decodeExcelEscapes, xmlTags } from './xml.js';

export function parseSharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const strings: string[] = [];
  let inItem = false;
  let phonetic = 0;
  let inText = false;
  let text = '';
  for (const tag of xmlTags(xml)) {
    switch (tag.kind) {
      case 'text':
        if (inText && phonetic === 0) text += tag.text;
        break;
      case 'open':
        if (tag.name === 'si') (inItem = true), (text = '');
        else if (tag.name === 'rPh') phonetic++;
        else if (tag.name === 't') inText = inItem;
        break;
      case 'empty':
        if (tag.name === 'si') strings.push('');
        break;
      case 'close':
        if (tag.name === 'si') {
          strings.push(decodeExcelEscapes(text));
          inItem = false;
        } else if (tag.name === 'rPh') phonetic = Math.max(0, phonetic - 1);
        else if (tag.name === 't') inText = false;
        break;
    }
  }
  return strings;
}
