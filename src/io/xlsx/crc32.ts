// CRC-32 (the zip polynomial) for Node versions before 20.15, which have no zlib.crc32.
let table: Int32Array | undefined;

function makeTable(): Int32Array {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
}

/** The CRC-32 of `data`, continuing from `value` (0 to start). */
export function crc32(data: Uint8Array, value = 0): number {
  const t = (table ??= makeTable());
  let c = ~value;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
