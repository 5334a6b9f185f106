// Just enough XML for the parts of a workbook: tags by local name (any namespace prefix, as the
// OpenXML SDK writes `x:sheet`), attributes, text with its entities, and Excel's own `_xHHHH_`
// escapes. The small parts are read whole; the sheet has a byte scanner of its own (sheet.ts).

export interface XmlTag {
  /** 'open' `<a>`, 'close' `</a>`, 'empty' `<a/>`, or 'text' between tags (entities decoded). */
  kind: 'open' | 'close' | 'empty' | 'text';
  /** Local name (no prefix); '' for text. */
  name: string;
  /** Attributes by local name; the text for 'text'. */
  attributes: Record<string, string>;
  text: string;
}

const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

export class XmlError extends Error {}

/** The local part of a qualified name: `x:sheet` → `sheet`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function parseAttributes(source: string): Record<string, string> {
  if (source.trim() === '') return NO_ATTRIBUTES;
  const attributes: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(source); m !== null; m = ATTRIBUTE.exec(source)) {
    const name = localName(m[1]!);
    // A prefixed attribute does not hide a plain one of the same local name.
    if (name in attributes && m[1]!.includes(':')) continue;
    attributes[name] = decodeEntities(m[2] ?? m[3] ?? '');
  }
  return attributes;
}

/** Every tag and text of a document, in order (declarations, comments and doctypes left out). */
export function* xmlTags(text: string): Generator<XmlTag> {
  let p = 0;
  const n = text.length;
  while (p < n) {
    const lt = text.indexOf('<', p);
    if (lt < 0) {
      yield { kind: 'text', name: '', attributes: NO_ATTRIBUTES, text: decodeEntities(text.slice(p)) };
      return;
    }
    if (lt > p) yield { kind: 'text', name: '', attributes: NO_ATTRIBUTES, text: decodeEntities(text.slice(p, lt)) };
    if (text.startsWith('<!--', lt)) {
      const end = text.indexOf('-->', lt + 4);
      if (end < 0) throw new XmlError('comment');
      p = end + 3;
      continue;
    }
    if (text.startsWith('<![CDATA[', lt)) {
      const end = text.indexOf(']]>', lt + 9);
      if (end < 0) throw new XmlError('cdata');
      yield { kind: 'text', name: '', attributes: NO_ATTRIBUTES, text: text.slice(lt + 9, end) };
      p = end + 3;
      continue;
    }
    if (text.startsWith('<?', lt) || text.startsWith('<!', lt)) {
      const end = text.indexOf('>', lt);
      if (end < 0) throw new XmlError('declaration');
      p = end + 1;
      continue;
    }
    // The tag's end: the first '>' outside quotes.
    let q = lt + 1;
    let quote = '';
    for (; q < n; q++) {
      const c = text[q]!;
      if (quote !== '') {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '>') break;
    }
    if (q >= n) throw new XmlError('tag');
    const closing = text[lt + 1] === '/';
    const selfClosing = !closing && text[q - 1] === '/';
    const body = text.slice(closing ? lt + 2 : lt + 1, selfClosing ? q - 1 : q);
    const space = body.search(/[\s/]/);
    const qualified = space < 0 ? body : body.slice(0, space);
    yield {
      kind: closing ? 'close' : selfClosing ? 'empty' : 'open',
      name: localName(qualified),
      attributes: closing || space < 0 ? NO_ATTRIBUTES : parseAttributes(body.slice(space)),
      text: '',
    };
    p = q + 1;
  }
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** `&amp;`, `&#1178;`, `&#x49A;` → the characters; an unknown entity is left as it is. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[name] ?? whole;
  });
}

/**
 * Excel's escapes in text: `_x000D_` is a carriage return, `_x005F_` a literal underscore (so
 * `_x005F_x0041_` reads `_x0041_`).
 */
export function decodeExcelEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** A part's bytes as text: UTF-8 (a byte that is not is an XmlError, never a silent "�"). */
export function partText(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    throw new XmlError('utf-8');
  }
}
