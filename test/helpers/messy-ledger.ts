// A generated ledger with what real exports hold and a day ledger must keep exactly: returns and
// credit notes, zero amounts (with and without a quantity), names with odd spaces (no-break,
// ideographic, thin, tabs, doubled, leading and trailing), several documents a day, documents
// spread over days, lines without a document, values with up to 6 decimals, profit and quantity
// left blank on some lines, directions and products. Deterministic (a seeded generator).
import { day, iso } from './ledger.js';
import { mulberry32 } from './seeded.js';

export interface MessyOptions {
  clients?: number;
  lines?: number;
  seed?: number;
  from?: string;
  days?: number;
}

const SPACES = [' ', '  ', '\u00a0', '\u3000', '\u2009', '\u202f', ' \t', '\u2007 '];
const REGIONS = ['Алматы', 'Астана', 'Шымкент', 'Karaganda', 'Ақтөбе'];
const PRODUCTS = ['Цемент М500', 'Plaster, 30 kg', 'Гвозди "100"', 'Краска', 'Sand'];

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface MessyLine {
  client: string;
  date: string;
  document: string;
  region: string;
  product: string;
  quantity: string;
  amount: string;
  profit: string;
}

export function messyLines(options: MessyOptions = {}): MessyLine[] {
  const random = mulberry32(options.seed ?? 18);
  const clients = options.clients ?? 60;
  const count = options.lines ?? 3000;
  const first = day(options.from ?? '2024-01-01');
  const span = options.days ?? 700;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const names = Array.from({ length: clients }, (_, i) => {
    const words = [i % 3 === 0 ? 'ТОО' : i % 3 === 1 ? 'LLP' : 'ИП', `Client${i}`, i % 4 === 0 ? 'Trade' : 'Сервис'];
    return words;
  });
  const out: MessyLine[] = [];
  let documentNo = 1000;
  while (out.length < count) {
    const c = Math.floor(random() ** 2 * clients);
    const words = names[c]!;
    // The same client written with different spaces on different lines.
    const name = (random() < 0.2 ? pick(SPACES) : '') + words.join(random() < 0.3 ? pick(SPACES) : ' ') + (random() < 0.2 ? pick(SPACES) : '');
    const date = iso(first + Math.floor(random() * span));
    const documents = 1 + Math.floor(random() * 3);
    for (let d = 0; d < documents; d++) {
      const document = random() < 0.1 ? '' : random() < 0.05 ? ` D-${documentNo - 1} ` : `D-${documentNo++}`;
      const lines = 1 + Math.floor(random() * 4);
      for (let l = 0; l < lines; l++) {
        const r = random();
        const quantity = r < 0.05 ? '' : String(Math.floor(random() * 20) - (r < 0.15 ? 10 : 0));
        const amount =
          r < 0.08 ? '0' : r < 0.15 ? (-(random() * 1000)).toFixed(2) : r < 0.2 ? (random() * 100).toFixed(6) : r < 0.22 ? '0.1' : (random() * 100000).toFixed(2);
        const profit = random() < 0.1 ? '' : (Number(amount) * 0.2 + (random() < 0.3 ? 0.0000015 : 0)).toFixed(6);
        out.push({ client: name, date, document, region: random() < 0.05 ? '' : pick(REGIONS), product: pick(PRODUCTS), quantity, amount, profit });
      }
    }
  }
  return out;
}

/** The lines as a CSV ledger (headers kam recognises; Region named with --direction). */
export function messyCsv(lines: readonly MessyLine[]): string {
  // The amount's header names the currency, which every source must carry through.
  const header = 'Date,Invoice,Client,Region,Product,Quantity,"Amount, тг",Profit\n';
  return header + lines.map((l) => [l.date, l.document, l.client, l.region, l.product, l.quantity, l.amount, l.profit].map(csvCell).join(',')).join('\n') + '\n';
}
