// Standard input has no random access: its bytes are spooled, into memory when small, else into
// a temporary file that is removed after the read and when the stream fails half-way.
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { spool } from '../../../src/io/xlsx/source.js';

const spoolFolders = (): string[] => readdirSync(tmpdir()).filter((n) => n.startsWith('kam-xlsx-'));

describe('spool', () => {
  const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 251));

  it('small input stays in memory; large input goes to a temporary file, removed on close', async () => {
    const before = spoolFolders();
    for (const limit of [1 << 20, 1000]) {
      const source = await spool(Readable.from([bytes.subarray(0, 1500), bytes.subarray(1500)]), limit);
      expect(source.size).toBe(bytes.length);
      expect(await source.read(4990, 100)).toEqual(bytes.subarray(4990));
      expect(await source.read(100, 10)).toEqual(bytes.subarray(100, 110));
      await source.close();
    }
    expect(spoolFolders()).toEqual(before);
  });

  it('a stream that fails half-way: the error is thrown and the temporary file removed', async () => {
    const before = spoolFolders();
    async function* failing(): AsyncGenerator<Buffer> {
      yield bytes;
      yield bytes;
      throw Object.assign(new Error('unexpected end of file'), { code: 'Z_BUF_ERROR' });
    }
    await expect(spool(Readable.from(failing()), 1000)).rejects.toMatchObject({ code: 'Z_BUF_ERROR' });
    expect(spoolFolders()).toEqual(before);
  });
});
