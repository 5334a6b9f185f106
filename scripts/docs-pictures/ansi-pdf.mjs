// A terminal capture (text with ANSI SGR codes, as `tmux capture-pane -p -e` prints it) drawn as a
// one-page PDF: one monospace cell per character, colours from the codes, glyphs from TrueType
// fonts embedded whole. No browser, no ImageMagick: pdftoppm then turns the page into a PNG.
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

/** A dark terminal palette (the 16 ANSI colours), foreground and background. */
const PALETTE = [
  '#1e1e1e', '#e06c75', '#98c379', '#e5c07b', '#61afef', '#c678dd', '#56b6c2', '#d7dae0',
  '#7f848e', '#ff7b86', '#b5e890', '#ffd68a', '#8cc8ff', '#e09fff', '#7fdbe6', '#ffffff',
];
export const FOREGROUND = '#d7dae0';
export const BACKGROUND = '#1e1e1e';

/** Colour n of the xterm 256-colour table. */
function color256(n) {
  if (n < 16) return PALETTE[n];
  if (n >= 232) {
    const v = 8 + (n - 232) * 10;
    return rgbHex(v, v, v);
  }
  const i = n - 16;
  const level = (c) => (c === 0 ? 0 : 55 + c * 40);
  return rgbHex(level(Math.floor(i / 36)), level(Math.floor(i / 6) % 6), level(i % 6));
}

function rgbHex(r, g, b) {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * The cells of a capture: one array per line, one { ch, fg, bg, bold, dim, underline } per
 * character. SGR codes set the style; other escape sequences are dropped.
 */
export function parseAnsi(text) {
  const lines = [];
  let style = { fg: null, bg: null, bold: false, dim: false, underline: false, inverse: false };
  for (const raw of text.split('\n')) {
    const cells = [];
    let i = 0;
    while (i < raw.length) {
      if (raw[i] === '\u001b') {
        const m = /^\u001b\[([0-9;:]*)([A-Za-z])/.exec(raw.slice(i));
        if (m === null) {
          i += 1;
          continue;
        }
        if (m[2] === 'm') style = applySgr(style, m[1] ?? '');
        i += m[0].length;
        continue;
      }
      const ch = String.fromCodePoint(raw.codePointAt(i));
      i += ch.length;
      if (ch === '\r') continue;
      cells.push({ ch, ...style });
    }
    lines.push(cells);
  }
  return lines;
}

function applySgr(style, params) {
  const codes = params === '' ? [0] : params.split(/[;:]/).map(Number);
  const next = { ...style };
  for (let k = 0; k < codes.length; k++) {
    const c = codes[k];
    if (c === 0) Object.assign(next, { fg: null, bg: null, bold: false, dim: false, underline: false, inverse: false });
    else if (c === 1) next.bold = true;
    else if (c === 2) next.dim = true;
    else if (c === 22) Object.assign(next, { bold: false, dim: false });
    else if (c === 4) next.underline = true;
    else if (c === 24) next.underline = false;
    else if (c === 7) next.inverse = true;
    else if (c === 27) next.inverse = false;
    else if (c >= 30 && c <= 37) next.fg = PALETTE[c - 30];
    else if (c >= 90 && c <= 97) next.fg = PALETTE[c - 90 + 8];
    else if (c === 39) next.fg = null;
    else if (c >= 40 && c <= 47) next.bg = PALETTE[c - 40];
    else if (c >= 100 && c <= 107) next.bg = PALETTE[c - 100 + 8];
    else if (c === 49) next.bg = null;
    else if (c === 38 || c === 48) {
      let value = null;
      if (codes[k + 1] === 5) {
        value = color256(codes[k + 2] ?? 0);
        k += 2;
      } else if (codes[k + 1] === 2) {
        value = rgbHex(codes[k + 2] ?? 0, codes[k + 3] ?? 0, codes[k + 4] ?? 0);
        k += 4;
      }
      if (c === 38) next.fg = value;
      else next.bg = value;
    }
  }
  return next;
}

/** A TrueType font's glyph for each BMP code point (cmap format 4) and its vertical metrics. */
export function readTrueType(path) {
  const data = readFileSync(path);
  const tables = new Map();
  const count = data.readUInt16BE(4);
  for (let t = 0; t < count; t++) {
    const at = 12 + t * 16;
    tables.set(data.toString('latin1', at, at + 4), data.readUInt32BE(at + 8));
  }
  const head = tables.get('head');
  const hhea = tables.get('hhea');
  const cmap = tables.get('cmap');
  if (head === undefined || hhea === undefined || cmap === undefined) throw new Error(`${path}: not a TrueType font`);
  const unitsPerEm = data.readUInt16BE(head + 18);
  const ascent = data.readInt16BE(hhea + 4);
  const descent = data.readInt16BE(hhea + 6);
  let sub = null;
  for (let s = 0; s < data.readUInt16BE(cmap + 2); s++) {
    const rec = cmap + 4 + s * 8;
    const platform = data.readUInt16BE(rec);
    const encoding = data.readUInt16BE(rec + 2);
    const offset = cmap + data.readUInt32BE(rec + 4);
    if (platform === 3 && encoding === 1 && data.readUInt16BE(offset) === 4) sub = offset;
  }
  if (sub === null) throw new Error(`${path}: no Unicode (3,1) format 4 cmap`);
  const segX2 = data.readUInt16BE(sub + 6);
  const ends = sub + 14;
  const starts = ends + segX2 + 2;
  const deltas = starts + segX2;
  const rangeOffsets = deltas + segX2;
  const glyph = (code) => {
    for (let s = 0; s < segX2; s += 2) {
      if (code > data.readUInt16BE(ends + s)) continue;
      const start = data.readUInt16BE(starts + s);
      if (code < start) return 0;
      const delta = data.readUInt16BE(deltas + s);
      const ro = data.readUInt16BE(rangeOffsets + s);
      if (ro === 0) return (code + delta) & 0xffff;
      const g = data.readUInt16BE(rangeOffsets + s + ro + (code - start) * 2);
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  return { data, unitsPerEm, ascent, descent, glyph };
}

/** '#rrggbb' as PDF colour operands. */
function pdfColor(hex) {
  return [1, 3, 5].map((i) => (parseInt(hex.slice(i, i + 2), 16) / 255).toFixed(3)).join(' ');
}

/** hex a mixed towards hex b by t (0 = a). */
function mix(a, b, t) {
  const pa = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16));
  const pb = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16));
  return rgbHex(...pa.map((v, i) => Math.round(v + (pb[i] - v) * t)));
}

/**
 * The PDF of the captured lines. fonts: { regular, bold, fallback } TrueType paths (fallback
 * draws what the monospace fonts lack, centred in its cell). title, when given, is drawn first
 * as a prompt line ("$ kam analyze …").
 */
export function terminalPdf(capture, { fonts, columns, fontSize = 13, padding = 14, title }) {
  const faces = { regular: readTrueType(fonts.regular), bold: readTrueType(fonts.bold), fallback: readTrueType(fonts.fallback) };
  const lines = parseAnsi(capture);
  if (title !== undefined) lines.unshift(...parseAnsi(`\u001b[32m$\u001b[0m ${title}`));
  const m = faces.regular;
  const cellW = fontSize * 0.6021;
  const lineH = (fontSize * (m.ascent - m.descent)) / m.unitsPerEm;
  const baseline = (fontSize * m.ascent) / m.unitsPerEm;
  const width = Math.ceil(columns * cellW + 2 * padding);
  const height = Math.ceil(lines.length * lineH + 2 * padding);
  const ops = [`${pdfColor(BACKGROUND)} rg 0 0 ${width} ${height} re f`];
  const text = [];
  lines.forEach((cells, row) => {
    const top = height - padding - row * lineH;
    cells.forEach((cell, col) => {
      let fg = cell.fg ?? FOREGROUND;
      let bg = cell.bg;
      if (cell.inverse) [fg, bg] = [bg ?? BACKGROUND, fg];
      if (cell.dim) fg = mix(fg, BACKGROUND, 0.45);
      const x = padding + col * cellW;
      if (bg !== null) ops.push(`${pdfColor(bg)} rg ${x.toFixed(2)} ${(top - lineH).toFixed(2)} ${(cellW + 0.3).toFixed(2)} ${(lineH + 0.3).toFixed(2)} re f`);
      if (cell.underline) ops.push(`${pdfColor(fg)} rg ${x.toFixed(2)} ${(top - baseline - 2).toFixed(2)} ${(cellW + 0.3).toFixed(2)} 0.8 re f`);
      if (cell.ch === ' ') return;
      const code = cell.ch.codePointAt(0);
      let font = cell.bold ? 'F2' : 'F1';
      let face = cell.bold ? faces.bold : faces.regular;
      let gid = code > 0xffff ? 0 : face.glyph(code);
      let dx = 0;
      if (gid === 0 && code <= 0xffff && faces.fallback.glyph(code) !== 0) {
        font = 'F3';
        face = faces.fallback;
        gid = face.glyph(code);
        dx = -cellW * 0.12;
      }
      text.push(`${pdfColor(fg)} rg /${font} ${fontSize} Tf 1 0 0 1 ${(x + dx).toFixed(2)} ${(top - baseline).toFixed(2)} Tm <${gid.toString(16).padStart(4, '0')}> Tj`);
    });
  });
  const content = `${ops.join('\n')}\nBT\n${text.join('\n')}\nET\n`;
  return buildPdf({ width, height, content, faces: [faces.regular, faces.bold, faces.fallback] });
}

/** A one-page PDF with the content stream and the three fonts as Identity-H CID fonts. */
function buildPdf({ width, height, content, faces }) {
  const objects = [];
  const add = (body) => {
    objects.push(body);
    return objects.length;
  };
  const stream = (dict, bytes) => {
    const packed = deflateSync(bytes);
    return Buffer.concat([Buffer.from(`<< ${dict} /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`, 'latin1'), packed, Buffer.from('\nendstream', 'latin1')]);
  };
  const fontRefs = faces.map((face, i) => {
    const file = add(stream(`/Length1 ${face.data.length}`, face.data));
    const scale = 1000 / face.unitsPerEm;
    const descriptor = add(
      `<< /Type /FontDescriptor /FontName /KamFont${i} /Flags 4 /FontBBox [-1000 -400 2000 1200] /ItalicAngle 0 /Ascent ${Math.round(face.ascent * scale)} /Descent ${Math.round(face.descent * scale)} /CapHeight 700 /StemV 80 /FontFile2 ${file} 0 R >>`,
    );
    const cid = add(
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /KamFont${i} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ${descriptor} 0 R /DW 602 /CIDToGIDMap /Identity >>`,
    );
    return add(`<< /Type /Font /Subtype /Type0 /BaseFont /KamFont${i} /Encoding /Identity-H /DescendantFonts [${cid} 0 R] >>`);
  });
  const contents = add(stream('', Buffer.from(content, 'latin1')));
  const pagesId = objects.length + 2;
  const page = add(
    `<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${width} ${height}] /Contents ${contents} 0 R /Resources << /Font << /F1 ${fontRefs[0]} 0 R /F2 ${fontRefs[1]} 0 R /F3 ${fontRefs[2]} 0 R >> >> >>`,
  );
  add(`<< /Type /Pages /Kids [${page} 0 R] /Count 1 >>`);
  const catalog = add(`<< /Type /Catalog /Pages ${pagesId} 0 R >>`);
  const parts = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets = [];
  let at = parts[0].length;
  objects.forEach((body, i) => {
    const bytes = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from('\nendobj\n', 'latin1')]);
    offsets.push(at);
    at += bytes.length;
    parts.push(bytes);
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}
