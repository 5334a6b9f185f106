// The docs pictures script's own parsers (scripts/docs-pictures/): the ANSI capture reader and the
// PNG reader and palette writer. The pictures themselves are looked at by eye; these pin the parts
// a wrong picture could come from without anyone seeing it.
import { existsSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without type declarations
import { parseAnsi, readTrueType, terminalPdf } from '../../scripts/docs-pictures/ansi-pdf.mjs';
// @ts-expect-error: a plain .mjs script without type declarations
import { decodePng, paletteBytes } from '../../scripts/docs-pictures/png.mjs';

type Cell = { ch: string; fg: string | null; bg: string | null; bold: boolean; dim: boolean; underline: boolean };
type Image = { width: number; height: number; pixels: Uint32Array };
const parse = parseAnsi as (text: string) => Cell[][];
const decode = decodePng as (bytes: Buffer) => Image;
const palette = paletteBytes as (image: Image) => Buffer;

describe('parseAnsi', () => {
  it('keeps every character of text without escapes, one cell each, in the default style', () => {
    const printable = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'Ж', 'қ', '│', '★', ' ', '·'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) }).filter((s) => !/[\u001b\n\r]/.test(s));
    fc.assert(
      fc.property(printable, (text) => {
        const lines = parse(text);
        expect(lines).toHaveLength(1);
        expect(lines[0]!.map((c) => c.ch).join('')).toBe(text);
        expect(lines[0]!.every((c) => c.fg === null && c.bg === null && !c.bold && !c.dim)).toBe(true);
      }),
    );
  });

  it('reads the SGR codes chalk and tmux write: colours, bold, dim, resets, 256 colours', () => {
    const [line] = parse('\u001b[1m\u001b[31mA\u001b[39m\u001b[22mB\u001b[90;2mC\u001b[0mD\u001b[38;5;196mE\u001b[48;2;1;2;3mF\u001b[mG');
    const cells = line!;
    expect(cells.map((c) => c.ch).join('')).toBe('ABCDEFG');
    expect(cells[0]).toMatchObject({ bold: true, fg: '#e06c75' });
    expect(cells[1]).toMatchObject({ bold: false, fg: null });
    expect(cells[2]).toMatchObject({ dim: true, fg: '#7f848e' });
    expect(cells[3]).toMatchObject({ dim: false, fg: null });
    expect(cells[4]).toMatchObject({ fg: '#ff0000' });
    expect(cells[5]).toMatchObject({ fg: '#ff0000', bg: '#010203' });
    expect(cells[6]).toMatchObject({ fg: null, bg: null });
  });

  it('carries the style across lines, as a terminal does', () => {
    const lines = parse('\u001b[32mone\ntwo\u001b[0m\nthree');
    expect(lines.map((l) => l.map((c) => c.fg)[0])).toEqual(['#98c379', '#98c379', null]);
  });
});

const DEJAVU = '/usr/share/fonts/truetype/dejavu';
describe.skipIf(!existsSync(`${DEJAVU}/DejaVuSansMono.ttf`))('the terminal PDF', () => {
  it('finds Latin, Cyrillic, Kazakh and box-drawing glyphs in DejaVu Sans Mono, none for an unassigned code point', () => {
    const font = readTrueType(`${DEJAVU}/DejaVuSansMono.ttf`) as { glyph: (code: number) => number };
    for (const ch of 'AzЖщҚңүө│┼·…') expect(font.glyph(ch.codePointAt(0)!), ch).toBeGreaterThan(0);
    expect(font.glyph(0xe000)).toBe(0);
  });

  it('is a one-page PDF whose page is as wide as the columns', () => {
    const fonts = { regular: `${DEJAVU}/DejaVuSansMono.ttf`, bold: `${DEJAVU}/DejaVuSansMono-Bold.ttf`, fallback: `${DEJAVU}/DejaVuSans.ttf` };
    const pdf = (terminalPdf as (c: string, o: object) => Buffer)('\u001b[31mЖ★\u001b[0m', { fonts, columns: 80, fontSize: 10, padding: 0 });
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-1.4')).toBe(true);
    expect(text).toContain('/Count 1');
    expect(text).toMatch(/\/MediaBox \[0 0 482 /);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  });
});

/** An 8-bit RGB PNG with the given filter on each row (the reader must undo all five). */
function rgbPng({ width, height, pixels }: Image, filters: number[]): Buffer {
  const stride = width * 3;
  const plain = Buffer.alloc(stride * height);
  pixels.forEach((p, i) => plain.set([p >> 16, (p >> 8) & 255, p & 255], i * 3));
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const filter = filters[y % filters.length]!;
    raw[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const at = (yy: number, xx: number) => (yy >= 0 && xx >= 0 ? plain[yy * stride + xx]! : 0);
      const a = at(y, x - 3);
      const b = at(y - 1, x);
      const c = at(y - 1, x - 3);
      const paeth = () => {
        const p = a + b - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      };
      const predictor = [0, a, b, (a + b) >> 1, paeth()][filter]!;
      raw[y * (stride + 1) + 1 + x] = (plain[y * stride + x]! - predictor) & 255;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    let crc = 0xffffffff;
    for (const byte of body) {
      crc ^= byte;
      for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
    }
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE((crc ^ 0xffffffff) >>> 0, 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const image = (colors: fc.Arbitrary<number>) =>
  fc.record({ width: fc.integer({ min: 1, max: 24 }), height: fc.integer({ min: 1, max: 12 }) }).chain(({ width, height }) =>
    fc.array(colors, { minLength: width * height, maxLength: width * height }).map((list) => ({ width, height, pixels: Uint32Array.from(list) })),
  );

describe('PNG reading and the palette PNG', () => {
  it('reads an RGB PNG back pixel for pixel, whatever filter each row uses', () => {
    fc.assert(
      fc.property(image(fc.integer({ min: 0, max: 0xffffff })), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 5 }), (img, filters) => {
        expect(Array.from(decode(rgbPng(img, filters)).pixels)).toEqual(Array.from(img.pixels));
      }),
    );
  });

  it('keeps an image of 256 colours or fewer exactly', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffffff }), { minLength: 1, maxLength: 256 }).chain((colors) => image(fc.constantFrom(...colors))), (img) => {
        expect(Array.from(decode(palette(img)).pixels)).toEqual(Array.from(img.pixels));
      }),
    );
  });

  it('quantises a many-coloured image to 256 colours, keeping its most used colour exact', () => {
    const width = 64;
    const height = 64;
    const pixels = new Uint32Array(width * height).map((_, i) => (i % 3 === 0 ? 0x1e1e1e : (i * 2654435761) & 0xffffff));
    const out = decode(palette({ width, height, pixels }));
    expect(new Set(out.pixels).size).toBeLessThanOrEqual(256);
    pixels.forEach((p, i) => {
      if (p === 0x1e1e1e) expect(out.pixels[i]).toBe(0x1e1e1e);
    });
  });
});
