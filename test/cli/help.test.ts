// Issue 15: every command's --help shows its options in groups and 2–4 examples.
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { runKam } from '../helpers/run.js';

describe('--help of every command', () => {
  for (const name of [...Object.keys(COMMANDS), 'config']) {
    it(`kam ${name} --help: option groups and an Examples section of 2–4 runs`, async () => {
      const r = await runKam([name, '--help']);
      expect(r.status).toBe(0);
      const [options, examples] = r.stdout.split('\nExamples:\n');
      expect(examples, 'an Examples section').toBeDefined();
      const runs = examples!.split('\n').filter((l) => l.startsWith(`  $ kam ${name}`));
      expect(runs.length).toBeGreaterThanOrEqual(2);
      expect(runs.length).toBeLessThanOrEqual(4);
      // Options in named groups (Ledger, Window, Classes, Lost, Segments, Output), not one flat list.
      expect(options).toMatch(/^(Ledger|Window|Classes|Lost|Segments|Output):$/m);
    });
  }
});
