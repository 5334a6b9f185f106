// Issue 15: every command with a table offers --format csv, json and ndjson; ndjson is the CSV's
// rows, one JSON object a line, with the CSV's column names.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { runKam } from '../helpers/run.js';
import { csvRecords } from '../helpers/kam.js';

const CSV = join(new URL('../..', import.meta.url).pathname, 'fixtures/sample-ledger.csv');

describe('--format csv|json|ndjson on every command', () => {
  it('each command with a table offers them (aggregate and sql write a file or a statement)', () => {
    const withTable = Object.entries(COMMANDS).filter(([, def]) => def.formats.length > 0);
    expect(withTable.map(([name]) => name)).toEqual(expect.arrayContaining(['analyze', 'lost', 'alive', 'client', 'bridge', 'portfolio', 'history']));
    for (const [name, def] of withTable) for (const f of ['table', 'csv', 'json', 'ndjson']) expect(def.formats, name).toContain(f);
  });
  const runs: string[][] = [
    ['analyze', CSV],
    ['lost', CSV],
    ['lost', CSV, '--table', 'churn', '--direction', 'Region'],
    ['alive', CSV],
    ['client', CSV, 'Magnum Cash&Carry'],
    ['bridge', CSV, '--direction', 'Region'],
    ['portfolio', CSV, '--by', 'Region'],
    ['history', CSV, '--every', 'quarter', '--window', '6'],
  ];
  for (const args of runs) {
    it(`kam ${args[0]} ${args.slice(2).join(' ')}: ndjson holds the CSV's rows`, async () => {
      const csv = await runKam([...args, '--format', 'csv']);
      const nd = await runKam([...args, '--format', 'ndjson']);
      expect(csv.status).toBe(0);
      expect(nd.status).toBe(0);
      const rows = csvRecords(csv.stdout).records;
      const lines = nd.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines).toHaveLength(rows.length);
      expect(rows.length).toBeGreaterThan(3);
      // Same names (the churn rows' direction is empty in CSV, null overall in ndjson).
      expect(Object.keys(lines[0]!).sort()).toEqual(expect.arrayContaining(Object.keys(rows[0]!).sort()));
      const first = rows[0]!;
      for (const [k, v] of Object.entries(first)) if (v !== '' && typeof lines[0]![k] === 'string') expect(lines[0]![k], k).toBe(v);
    });
  }
});
