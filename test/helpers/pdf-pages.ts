// The pages of a PDF printed from a workbook, by sheet: poppler's `pdftotext -bbox` gives every
// word's box; the page footer kam writes ("kam — LEDGER — SHEET" on the left) names the sheet, and
// the height of the word boxes gives the printed text size.
import { spawnSync } from 'node:child_process';

/** LibreOffice's PDF word boxes are 1.3 × the font size (Carlito, measured: 11 pt text on a sheet printed at 100% gives 14.3 pt boxes). */
export const BOX_PER_POINT = 1.3;

export interface SheetPages {
  pages: number;
  /** The median word's printed size in points, over all the sheet's pages (footer left out). */
  medianPoints: number;
  /** The words printed, page after page (footer left out). */
  words: string[];
}

export const PDFTOTEXT = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;

export function pagesBySheet(pdf: string): Map<string, SheetPages> {
  const r = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  const heights = new Map<string, number[]>();
  const pages = new Map<string, number>();
  const texts = new Map<string, string[]>();
  for (const page of r.stdout.split('<page ').slice(1)) {
    const width = Number(/width="([\d.]+)"/.exec(page)![1]);
    const words = [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      x: Number(m[1]),
      y: Number(m[2]),
      height: Number(m[3]) - Number(m[2]),
      text: m[4]!,
    }));
    if (words.length === 0) continue;
    const footerY = Math.max(...words.map((w) => w.y));
    const footer = words.filter((w) => w.y > footerY - 1);
    const name = footer
      .filter((w) => w.x < width / 2)
      .map((w) => w.text)
      .join(' ')
      .split(' — ')
      .pop()!;
    pages.set(name, (pages.get(name) ?? 0) + 1);
    const list = heights.get(name) ?? [];
    const text = texts.get(name) ?? [];
    for (const w of words) {
      if (w.y > footerY - 1) continue;
      list.push(w.height);
      text.push(w.text);
    }
    heights.set(name, list);
    texts.set(name, text);
  }
  const out = new Map<string, SheetPages>();
  for (const [name, n] of pages) {
    const list = (heights.get(name) ?? []).sort((a, b) => a - b);
    out.set(name, { pages: n, medianPoints: (list[Math.floor(list.length / 2)] ?? 0) / BOX_PER_POINT, words: texts.get(name) ?? [] });
  }
  return out;
}
