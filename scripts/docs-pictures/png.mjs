// PNG to palette PNG (at most 256 colours, median cut): the pictures in docs/ stay small without
// ImageMagick or pngquant. Reads the 8-bit RGB or RGBA, non-interlaced PNGs pdftoppm writes (and
// its own 8-bit palette PNGs).
import { deflateSync, inflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/** { width, height, pixels } with pixels as 0xRRGGBB numbers, row by row. */
export function decodePng(buffer) {
  if (!buffer.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  let palette = null;
  const idat = [];
  while (at < buffer.length) {
    const length = buffer.readUInt32BE(at);
    const type = buffer.toString('latin1', at + 4, at + 8);
    const data = buffer.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      const depth = data[8];
      const colorType = data[9];
      if (depth !== 8 || ![2, 3, 6].includes(colorType) || data[12] !== 0) throw new Error('only 8-bit RGB, RGBA or palette, non-interlaced PNGs');
      channels = { 2: 3, 3: 1, 6: 4 }[colorType];
    } else if (type === 'PLTE') palette = data;
    else if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[y * stride + x - channels] : 0;
      const b = y > 0 ? out[(y - 1) * stride + x] : 0;
      const c = x >= channels && y > 0 ? out[(y - 1) * stride + x - channels] : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      out[y * stride + x] = (line[x] + predictor) & 0xff;
    }
  }
  const pixels = new Uint32Array(width * height);
  for (let i = 0; i < pixels.length; i++) {
    const o = channels === 1 ? out[i] * 3 : i * channels;
    const from = channels === 1 ? palette : out;
    if (from === null) throw new Error('a palette PNG without PLTE');
    pixels[i] = (from[o] << 16) | (from[o + 1] << 8) | from[o + 2];
  }
  return { width, height, pixels };
}

const channel = (color, k) => (color >> (16 - 8 * k)) & 0xff;

/** At most `size` colours for the histogram, by median cut (boxes split on their widest channel). */
function medianCut(histogram, size) {
  let boxes = [[...histogram.keys()]];
  while (boxes.length < size) {
    let best = -1;
    let bestRange = 0;
    let bestChannel = 0;
    boxes.forEach((box, i) => {
      if (box.length < 2) return;
      for (let k = 0; k < 3; k++) {
        let lo = 255;
        let hi = 0;
        for (const c of box) {
          const v = channel(c, k);
          if (v < lo) lo = v;
          if (v > hi) hi = v;
        }
        if (hi - lo > bestRange) [best, bestRange, bestChannel] = [i, hi - lo, k];
      }
    });
    if (best < 0) break;
    const box = boxes[best].sort((p, q) => channel(p, bestChannel) - channel(q, bestChannel));
    // Split at the weighted median so heavily used colours get boxes of their own.
    const total = box.reduce((s, c) => s + histogram.get(c), 0);
    let run = 0;
    let cut = 1;
    for (; cut < box.length - 1; cut++) {
      run += histogram.get(box[cut - 1]);
      if (run >= total / 2) break;
    }
    boxes = [...boxes.slice(0, best), box.slice(0, cut), box.slice(cut), ...boxes.slice(best + 1)];
  }
  return boxes.map((box) => {
    // The box's most used colour: flat areas (background, fills) keep their exact colour.
    let top = box[0];
    for (const c of box) if (histogram.get(c) > histogram.get(top)) top = c;
    return top;
  });
}

/** A palette PNG (colour type 3) of the image, exact when it has 256 colours or fewer. */
export function paletteBytes({ width, height, pixels }) {
  const histogram = new Map();
  for (const p of pixels) histogram.set(p, (histogram.get(p) ?? 0) + 1);
  const palette = histogram.size <= 256 ? [...histogram.keys()] : medianCut(histogram, 256);
  const index = new Map();
  for (const color of histogram.keys()) {
    let best = 0;
    let bestDistance = Infinity;
    palette.forEach((p, i) => {
      const d = (channel(p, 0) - channel(color, 0)) ** 2 * 3 + (channel(p, 1) - channel(color, 1)) ** 2 * 4 + (channel(p, 2) - channel(color, 2)) ** 2 * 2;
      if (d < bestDistance) [best, bestDistance] = [i, d];
    });
    index.set(color, best);
  }
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0;
    for (let x = 0; x < width; x++) raw[y * (width + 1) + 1 + x] = index.get(pixels[y * width + x]);
  }
  const plte = Buffer.alloc(palette.length * 3);
  palette.forEach((c, i) => {
    plte[i * 3] = channel(c, 0);
    plte[i * 3 + 1] = channel(c, 1);
    plte[i * 3 + 2] = channel(c, 2);
  });
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 3;
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('PLTE', plte), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
