// Issue 15: every command's --help shows its options in groups and 2–4 examples.
import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/cli/config.js';
import { runKam } from '../helpers/run.js';

describe('--help of every command', () => {
  for (const name of [...COMMAND_NAMES, 'config']) {
    it(`kam ${name} --help: option groups and an Examples section of 2–4 runs`, async () => {
      const r = await runKam([name, '--help']);
      expect(r.status).toBe(0);
      const [options, examples] = r.stdout.split('\nExamples:\n');
      expect(examples, 'an Examples section').toBeDefined();
      const runs = examples!.split('\n').filter((l) => l.startsWith(`  $ kam ${name}`));
      expect(runs.length).toBeGreaterThanOrEqual(2);
      expect(runs.length).toBeLessThanOrEqual(4);
      expect(options).toMatch(/^Output:$/m);
      if (name !== 'config') for (const group of ['Ledger:', 'Window:']) expect(options).toMatch(new RegExp(`^${group}$`, 'm'));
    });
  }
});
