// The zip layer: the end record (Zip64 too), stored and deflated entries, and every entry's size
// and CRC-32 checked, so a damaged or cut-off archive is refused rather than read.
import { describe, expect, it } from 'vitest';
import { entryChunks, readDirectory, readEntry, ZipProblem } from '../../../src/io/xlsx/zip.js';
import { memorySource } from '../../../src/io/xlsx/source.js';
import { zip } from '../../helpers/xlsx.js';

const TEXT = 'Клиент;Сумма\n'.repeat(2000);

async function entries(bytes: Buffer) {
  const source = memorySource(bytes);
  return { source, dir: await readDirectory(source) };
}

describe('zip', () => {
  it('reads deflated and stored entries, with or without Zip64 records and a comment', async () => {
    for (const zip64 of [false, true]) {
      const bytes = zip(
        [
          { name: 'a.txt', data: TEXT },
          { name: 'б.txt', data: 'stored', method: 0 },
        ],
        { zip64, comment: 'written by a test' },
      );
      const { source, dir } = await entries(bytes);
      expect([...dir.keys()]).toEqual(['a.txt', 'б.txt']);
      expect((await readEntry(source, dir.get('a.txt')!)).toString()).toBe(TEXT);
      expect((await readEntry(source, dir.get('б.txt')!)).toString()).toBe('stored');
    }
  });

  it('no end record (a file cut off anywhere): truncated, before any entry is read', async () => {
    const bytes = zip([{ name: 'a.txt', data: TEXT }]);
    for (const cut of [10, 100, bytes.length - 30, bytes.length - 1]) {
      await expect(readDirectory(memorySource(bytes.subarray(0, cut)))).rejects.toMatchObject({ kind: 'truncated' });
    }
  });

  it('a flipped byte in the data: a CRC, size or inflate mismatch, never other bytes', async () => {
    const bytes = zip([{ name: 'a.txt', data: TEXT }]);
    const dataStart = 30 + 'a.txt'.length;
    const { dir } = await entries(bytes);
    const length = dir.get('a.txt')!.compressedSize;
    for (let i = 0; i < length; i += 7) {
      const damaged = Buffer.from(bytes);
      damaged[dataStart + i]! ^= 0x10;
      const { source, dir: d } = await entries(damaged);
      const read = readEntry(source, d.get('a.txt')!).then((b) => b.toString());
      // Either refused, or (a flip in padding bits that change nothing) exactly the same text.
      await read.then(
        (text) => expect(text).toBe(TEXT),
        (error) => expect(error).toBeInstanceOf(ZipProblem),
      );
    }
  });

  it('a stored entry with a flipped byte is refused by its CRC', async () => {
    const bytes = zip([{ name: 'a.txt', data: TEXT, method: 0 }]);
    bytes[30 + 5 + 100]! ^= 1;
    const { source, dir } = await entries(bytes);
    await expect(readEntry(source, dir.get('a.txt')!)).rejects.toMatchObject({ kind: 'truncated', entry: 'a.txt' });
  });

  it('encrypted entries and unknown methods are named', async () => {
    const bytes = zip([{ name: 'a.txt', data: 'x', method: 0 }]);
    const cd = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const encrypted = Buffer.from(bytes);
    encrypted.writeUInt16LE(0x801, cd + 8);
    let { source, dir } = await entries(encrypted);
    await expect(readEntry(source, dir.get('a.txt')!)).rejects.toMatchObject({ kind: 'encrypted' });
    const bzip = Buffer.from(bytes);
    bzip.writeUInt16LE(12, cd + 10);
    ({ source, dir } = await entries(bzip));
    await expect(readEntry(source, dir.get('a.txt')!)).rejects.toMatchObject({ kind: 'method' });
  });

  it('inflates in large chunks and can be left early', async () => {
    const big = 'x'.repeat(5_000_000);
    const { source, dir } = await entries(zip([{ name: 'big.txt', data: big }]));
    const sizes: number[] = [];
    for await (const chunk of entryChunks(source, dir.get('big.txt')!)) {
      sizes.push(chunk.length);
      if (sizes.length === 2) break;
    }
    expect(sizes[0]).toBe(1 << 20);
  });
});
