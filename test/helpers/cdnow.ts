// The CDNOW sample (Fader & Hardie; ../shared/datasets/CDNOW_sample.txt) as a kam ledger:
// whitespace-separated master id, sample id, yyyymmdd, CDs, dollars; the sample id is the client.
import { readFileSync } from 'node:fs';
import { addLine, emptyLedger, finishLedger, type Ledger } from '../../src/core/ledger.js';
import { datasetPath, skipWithout } from './datasets.js';

export const CDNOW_SAMPLE = datasetPath('CDNOW_sample.txt');

/** True when the tests on CDNOW are to be skipped (the dataset is missing outside CI). */
export const NO_CDNOW: boolean = skipWithout('CDNOW_sample.txt');

export interface CdnowLine {
  client: string;
  day: number;
  cds: number;
  dollars: number;
}

/** yyyymmdd → days since 1970-01-01 (Date.UTC, independently of src/core/calendar.ts). */
export function cdnowDay(yyyymmdd: string): number {
  return Date.UTC(Number(yyyymmdd.slice(0, 4)), Number(yyyymmdd.slice(4, 6)) - 1, Number(yyyymmdd.slice(6, 8))) / 86_400_000;
}

export function readCdnowLines(): CdnowLine[] {
  return readFileSync(CDNOW_SAMPLE, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const [, sampleId, date, cds, dollars] = l.trim().split(/\s+/);
      return { client: String(sampleId), day: cdnowDay(String(date)), cds: Number(cds), dollars: Number(dollars) };
    });
}

/** Every CDNOW line folded into a ledger (amount = dollars, quantity = CDs). */
export function cdnowLedger(lines: readonly CdnowLine[] = readCdnowLines()): Ledger {
  const ledger = emptyLedger({ quantity: true, profit: false, document: false, product: false, direction: false });
  for (const l of lines) addLine(ledger, { client: l.client, day: l.day, amount: l.dollars, quantity: l.cds });
  return finishLedger(ledger);
}
