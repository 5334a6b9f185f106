// assembleReport: one immutable Report, every part computed once, the ledger left as it was.
import { describe, expect, it } from 'vitest';
import { analyzeLedger } from '../../src/core/analyze.js';
import { addLine, emptyLedger, finishLedger } from '../../src/core/ledger.js';
import { assembleReport } from '../../src/core/report.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { day, ledgerOf } from '../helpers/ledger.js';

const lines = [
  ...['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].flatMap((m) => [
    { client: 'Steady', date: `2024-${m}-10`, amount: 1000 },
    { client: 'Small', date: `2024-${m}-12`, amount: 10 },
  ]),
  { client: 'Gone', date: '2024-01-05', amount: 5000 },
  { client: 'Gone', date: '2024-02-05', amount: 5000 },
  { client: 'Gone', date: '2024-03-05', amount: 5000 },
];
const settings = { ...DEFAULT_SETTINGS, asOf: day('2024-12-31'), from: day('2024-01-01'), includePartial: true };

describe('assembleReport', () => {
  it('is immutable and makes each lazy part once', () => {
    const report = assembleReport({ ledger: ledgerOf(lines), settings });
    expect(Object.isFrozen(report)).toBe(true);
    expect(report.lost).toBe(report.lost);
    expect(report.keyDossiers).toBe(report.keyDossiers);
    expect(report.migration).toBeNull();
  });

  it('holds the tags, the key share with them, the lost keys and the win-back list of one analysis', () => {
    const report = assembleReport({ ledger: ledgerOf(lines), settings });
    const gone = report.analysis.clients.find((c) => c.client === 'Gone')!;
    expect(gone.status).toBe('lost');
    expect(gone.tags).toContain('key');
    expect(report.lostKeys).toEqual(['Gone']);
    expect(report.lost.lostKeys).toEqual(['Gone']);
    expect(report.lost.winBack.map((e) => e.client)).toContain('Gone');
    expect(report.keyDossiers.map((d) => d.client)).toEqual(report.analysis.clients.filter((c) => c.tags.includes('key')).map((c) => c.client));
    expect(report.dossier('  Steady ').client).toBe('Steady');
  });

  it('adds the comparison and its notes after the analysis', () => {
    const report = assembleReport({ ledger: ledgerOf(lines), settings, compare: { kind: 'previous' } });
    expect(report.migration).not.toBeNull();
    expect(report.notes.slice(0, report.analysis.notes.length)).toEqual(report.analysis.notes);
    expect(report.notes.slice(report.analysis.notes.length)).toEqual(report.migration!.notes);
    expect(report.migration!.notes.map((n) => n.code)).toEqual(['compare-outside-ledger']);
  });

  it('leaves the ledger as it was: analysis needs a finished ledger and changes nothing in it', () => {
    const ledger = emptyLedger({ quantity: false, profit: false, document: false, product: false, direction: false });
    addLine(ledger, { client: 'B', day: day('2024-01-02'), amount: 1 });
    addLine(ledger, { client: 'A', day: day('2024-01-01'), amount: 1 });
    expect(() => analyzeLedger(ledger, settings)).toThrow(/not finished/);
    expect([...ledger.clients.keys()]).toEqual(['B', 'A']);
    finishLedger(ledger);
    const clients = ledger.clients;
    assembleReport({ ledger, settings, compare: { kind: 'previous' } });
    expect(ledger.clients).toBe(clients);
    expect([...ledger.clients.keys()]).toEqual(['A', 'B']);
  });
});
