#!/usr/bin/env node
// Generates the sample ledger used by the README, the tests and demos:
//   fixtures/sample-ledger.csv   — the ledger (UTF-8, comma-delimited)
//   fixtures/sample-ledger.xlsx  — the same rows in a workbook (sheet "Продажи",
//                                  two title rows above the header)
//   fixtures/sample-clients.csv  — a client attributes file (SPEC §7)
//
// Deterministic: a fixed seed drives a small PRNG (mulberry32); nothing reads
// the clock or Math.random, so re-running gives byte-identical files (the xlsx
// too: its zip entry timestamps and document dates are pinned).
//
//   node scripts/make-fixtures.mjs
//
// Plain Node ESM so it runs without a build. See fixtures/README.md for what
// each client in the sample is meant to show.

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'fixtures');
const SEED = 20261031;

// ---------------------------------------------------------------------------
// PRNG

function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = mulberry32(SEED);
const uniform = (lo, hi) => lo + (hi - lo) * rnd();
const randInt = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1)); // inclusive
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
function weightedPick(items, weights) {
  const total = weights.reduce((s, w) => s + w, 0);
  let u = rnd() * total;
  for (let i = 0; i < items.length; i++) {
    u -= weights[i];
    if (u < 0) return items[i];
  }
  return items[items.length - 1];
}

// ---------------------------------------------------------------------------
// Calendar: a date is a day number (days since 1970-01-01, UTC).

const DAY_MS = 86400000;
const dayOf = (y, m, d) => Date.UTC(y, m - 1, d) / DAY_MS;
function ymd(day) {
  const dt = new Date(day * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}
const pad = (n, w = 2) => String(n).padStart(w, '0');
function iso(day) {
  const { y, m, d } = ymd(day);
  return `${y}-${pad(m)}-${pad(d)}`;
}
const weekday = (day) => new Date(day * DAY_MS).getUTCDay(); // 0 = Sunday

const START = dayOf(2025, 1, 1);
const END = dayOf(2026, 10, 31);
const MONTHS = 22; // 2025-01 .. 2026-10
const monthYM = (i) => ({ y: 2025 + Math.floor(i / 12), m: (i % 12) + 1 });
const daysInMonth = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
/** Month index (0 = 2025-01) of a "YYYY-MM" string. */
const mi = (s) => (Number(s.slice(0, 4)) - 2025) * 12 + Number(s.slice(5, 7)) - 1;

/** A working day in month i between days lo..hi (clamped to the month); Sundays move. */
function dayInMonth(i, lo = 1, hi = 31) {
  const { y, m } = monthYM(i);
  const last = daysInMonth(y, m);
  const a = Math.min(lo, last);
  const b = Math.min(hi, last);
  let d = randInt(a, b);
  let day = dayOf(y, m, d);
  if (weekday(day) === 0) day += d < last ? 1 : -1;
  return day;
}

// ---------------------------------------------------------------------------
// Reference data

const MANAGERS = ['Ахметова Д.С.', 'Петров С.В.', 'Жумабеков Е.К.', 'Ким А.Л.'];

// Price list: KZT per unit, margin = profit / amount.
const PRODUCTS = [
  // group, name, list price, margin
  ['Сухие смеси', 'Цемент М400, 50 кг', 2650, 0.09],
  ['Сухие смеси', 'Штукатурка гипсовая, 30 кг', 3900, 0.16],
  ['Сухие смеси', 'Клей плиточный, 25 кг', 3250, 0.18],
  ['Сухие смеси', 'Наливной пол, 25 кг', 4800, 0.15],
  ['Лакокрасочные материалы', 'Краска ВД интерьерная белая, 15 кг', 14500, 0.24],
  ['Лакокрасочные материалы', 'Эмаль ПФ-115, 2,7 кг', 5200, 0.22],
  ['Лакокрасочные материалы', 'Грунтовка глубокого проникновения, 10 л', 6800, 0.27],
  ['Крепёж', 'Саморезы 3,5×35, 1000 шт', 4200, 0.3],
  ['Крепёж', 'Дюбель-гвоздь 6×40, 200 шт', 2900, 0.28],
  ['Крепёж', 'Анкер клиновой 10×100, 100 шт', 9800, 0.25],
  ['Электротовары', 'Кабель ВВГнг 3×2,5, 100 м', 38500, 0.12],
  ['Электротовары', 'Автоматический выключатель 1P 16А', 1900, 0.2],
  ['Электротовары', 'Розетка двойная с заземлением', 1450, 0.26],
  ['Сантехника', 'Труба ППР 20 мм, 4 м', 1350, 0.19],
  ['Сантехника', 'Смеситель для кухни', 18900, 0.21],
  ['Сантехника', 'Унитаз-компакт', 42000, 0.17],
].map(([group, name, price, margin]) => ({ group, name, priceCents: price * 100, margin }));
const GROUPS = [...new Set(PRODUCTS.map((p) => p.group))];

// ---------------------------------------------------------------------------
// Clients. `plan(c)` returns the client's invoices as { day, cents } (target
// amount); `name(k)` may vary how the name is written on the k-th invoice.

const KZT = 100; // cents per tenge
const M = 1e6 * KZT; // a million tenge, in cents

/** Steady buying: every month in [from, to], k invoices a month, total ≈ base ± noise. */
function steady(base, { from = 0, to = MONTHS - 1, k = 1, noise = 0.04, scale = () => 1 } = {}) {
  const inv = [];
  for (let i = from; i <= to; i++) {
    const month = base * scale(i) * (1 + noise * (2 * rnd() - 1));
    const slot = 28 / k;
    for (let j = 0; j < k; j++) {
      const lo = Math.floor(1 + j * slot);
      const hi = Math.floor((j + 1) * slot);
      inv.push({ day: dayInMonth(i, lo, hi), cents: month / k });
    }
  }
  return inv;
}

/** Irregular big purchases in `n` distinct months (one of them `lastMonth`, none later), sizes varying a lot. */
function irregular(avgMonthly, n, lastMonth) {
  const months = new Set([lastMonth]);
  while (months.size < n) months.add(randInt(0, lastMonth - 1));
  const sorted = [...months].sort((a, b) => a - b);
  const sizes = sorted.map(() => uniform(0.3, 2.2));
  const scale = (avgMonthly * MONTHS) / sizes.reduce((s, x) => s + x, 0);
  return sorted.map((i, j) => ({ day: dayInMonth(i, 1, 25), cents: sizes[j] * scale }));
}

/**
 * Occasional small purchases: the first in 2025, the last within the final
 * weeks, gaps under 170 days (so the client is neither new, nor silent for
 * longer than its lost threshold), at least `n` of them.
 */
function occasional(n, lo, hi) {
  const first = randInt(START + 5, START + 330);
  const last = randInt(END - 45, END - 2);
  const count = Math.max(n, Math.ceil((last - first) / 110) + 1);
  const step = (last - first) / (count - 1);
  const days = [];
  for (let j = 0; j < count; j++) {
    let day = j === 0 ? first : j === count - 1 ? last : Math.round(first + j * step + uniform(-0.25, 0.25) * step);
    if (weekday(day) === 0) day -= 1;
    days.push(day);
  }
  return days.map((day) => ({ day, cents: uniform(lo, hi) }));
}

/** Explicit dates with amounts in tenge. */
const explicit = (list) => list.map(([s, t]) => ({ day: dayOf(+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)), cents: t * KZT }));

const ASTANA_MARKET_VARIANTS = ['ТОО Астана-Маркет', 'ТОО  Астана-Маркет ', ' ТОО Астана-Маркет', 'ТОО Астана-Маркет'];

// role: the behaviour the client is meant to show (documented in fixtures/README.md).
const CLIENTS = [
  // --- the dominant client (breadwinner), steady -> A-X
  { name: 'ТОО «Алматы Строй Сервис»', role: 'breadwinner, A-X', region: 'Алматы', manager: 0, discount: 0.07,
    groups: ['Сухие смеси', 'Лакокрасочные материалы', 'Крепёж'],
    plan: () => steady(9.6 * M, { k: 2, noise: 0.035 }), returns: 1 },
  // --- big steady monthly buyers -> A-X
  { name: 'АО «КазМунайСнаб»', role: 'A-X', region: 'Актобе', manager: 2, discount: 0.05,
    groups: ['Электротовары', 'Крепёж', 'Лакокрасочные материалы'],
    plan: () => steady(2.2 * M, { k: 1, noise: 0.04 }) },
  { name: 'Magnum Cash&Carry', role: 'A-X, image-maker (attributes file)', region: ['Алматы', 'Астана', 'Алматы'], manager: 3, discount: 0.06,
    groups: ['Лакокрасочные материалы', 'Электротовары', 'Сантехника'],
    plan: () => steady(2.35 * M, { k: 2, noise: 0.05 }) },
  { name: 'ТОО «Караганда Металл Трейд»', role: 'A-X', region: 'Караганда', manager: 1, discount: 0.05,
    groups: ['Крепёж', 'Сухие смеси'],
    plan: () => steady(2.0 * M, { k: 1, noise: 0.05 }) },
  // --- big but irregular -> A-Z
  { name: 'ТОО «Шымкент Инвест Групп»', role: 'A-Z', region: 'Шымкент', manager: 2, discount: 0.04,
    groups: ['Сухие смеси', 'Сантехника', 'Электротовары'],
    plan: () => irregular(1.9 * M, 8, mi('2026-10')), returns: 1 },
  { name: 'ТОО «Актобе Нефтехим»', role: 'A-Z', region: 'Актобе', manager: 2, discount: 0.04,
    groups: ['Электротовары', 'Лакокрасочные материалы'],
    plan: () => irregular(1.6 * M, 7, mi('2026-09')), returns: 1 },
  // --- medium seasonal (building season peaks in summer) -> Y
  { name: 'ТОО «Агро-Сервис Юг»', role: 'seasonal, Y', region: 'Шымкент', manager: 2, discount: 0.03,
    groups: ['Сухие смеси', 'Лакокрасочные материалы', 'Сантехника'],
    plan: () => steady(0.6 * M, { noise: 0.03, scale: (i) => 1 + 0.27 * Math.sin((2 * Math.PI * ((i % 12) - 3)) / 12) }),
    returns: 1 },
  // --- steady medium, name written with stray spaces on some lines
  { name: ASTANA_MARKET_VARIANTS[0], role: 'name with stray spaces (folds to one client), X', region: 'Астана', manager: 3, discount: 0.03,
    groups: ['Электротовары', 'Сантехника', 'Крепёж'],
    nameAt: (k) => ASTANA_MARKET_VARIANTS[k % ASTANA_MARKET_VARIANTS.length],
    plan: () => steady(0.95 * M, { k: 1, noise: 0.07 }), returns: 1 },
  // --- bought regularly, then stopped 4–10 months before the end -> lost
  { name: 'ТОО «ЭнергоСтрой Астана»', role: 'lost (last purchase Jan 2026)', region: 'Астана', manager: 1, discount: 0.05,
    groups: ['Электротовары', 'Крепёж'],
    plan: () => [...steady(2.1 * M, { to: mi('2025-12'), noise: 0.06 }), ...explicit([['2026-01-20', 1_650_000]])] },
  { name: 'ТОО «Павлодар Химпром»', role: 'lost (last purchase Mar 2026; a return after it)', region: 'Караганда', manager: 1, discount: 0.03,
    groups: ['Лакокрасочные материалы', 'Сухие смеси'],
    plan: () => [...steady(0.8 * M, { from: mi('2025-03'), to: mi('2026-02'), noise: 0.1 }), ...explicit([['2026-03-18', 640_000]])],
    returnAfterLast: true },
  { name: 'ИП Ахметов Б.С.', role: 'lost (last purchase May 2026)', region: 'Алматы', manager: 0, discount: 0.02,
    groups: ['Крепёж', 'Сантехника'],
    plan: () => [...steady(0.45 * M, { to: mi('2026-04'), noise: 0.12 }), ...explicit([['2026-05-12', 380_000]])] },
  { name: 'ТОО «Тараз Опт»', role: 'lost (last purchase Jun 2026)', region: 'Шымкент', manager: 2, discount: 0.02,
    groups: ['Сухие смеси', 'Крепёж'],
    plan: () => [...steady(0.38 * M, { from: mi('2025-04'), to: mi('2026-05'), noise: 0.12 }), ...explicit([['2026-06-25', 300_000]])] },
  // --- slowed down recently -> at risk
  { name: 'ТОО «Караван Трейд»', role: 'at risk (monthly buyer, silent since late Aug 2026)', region: 'Алматы', manager: 0, discount: 0.03,
    groups: ['Сантехника', 'Электротовары'],
    plan: () => [
      ...steady(0.85 * M, { to: mi('2026-05'), noise: 0.08, k: 1 }),
      ...explicit([['2026-06-22', 720_000], ['2026-08-25', 430_000]]),
    ] },
  { name: 'ТОО «Семей Строй»', role: 'at risk (fortnightly buyer, slowing, silent since late Sep 2026)', region: 'Астана', manager: 3, discount: 0.02,
    groups: ['Сухие смеси', 'Крепёж', 'Лакокрасочные материалы'],
    plan: () => [
      ...steady(0.9 * M, { from: mi('2025-06'), to: mi('2026-07'), k: 2, noise: 0.08 }),
      ...explicit([['2026-08-06', 330_000], ['2026-08-21', 250_000], ['2026-09-05', 210_000], ['2026-09-26', 150_000]]),
    ] },
  // --- stopped (Aug 2025) and came back (Apr 2026)
  { name: 'ИП Сейткали Н.Б.', role: 'stopped Aug 2025, came back Apr 2026 (Z)', region: 'Караганда', manager: 1, discount: 0.02,
    groups: ['Сантехника', 'Сухие смеси'],
    plan: () => [...steady(1.2 * M, { to: mi('2025-08'), noise: 0.08 }), ...steady(1.3 * M, { from: mi('2026-04'), noise: 0.08 })] },
  // --- new and buying fast -> prospects
  { name: 'ТОО «Нур-Логистик»', role: 'prospect (from Jun 2026), qualified 3P', region: 'Астана', manager: 3, discount: 0.03,
    groups: ['Электротовары', 'Крепёж'],
    plan: () => explicit([
      ['2026-06-15', 1_100_000], ['2026-07-02', 1_300_000], ['2026-07-21', 1_250_000], ['2026-08-06', 1_400_000],
      ['2026-08-25', 1_500_000], ['2026-09-09', 1_450_000], ['2026-09-28', 1_600_000], ['2026-10-14', 1_550_000],
      ['2026-10-29', 1_700_000],
    ]) },
  { name: 'ТОО «Достык Агро»', role: 'prospect (from Jul 2026), not qualified (no authority)', region: 'Актобе', manager: 2, discount: 0.02,
    groups: ['Сухие смеси', 'Сантехника'],
    plan: () => explicit([
      ['2026-07-08', 900_000], ['2026-08-04', 1_400_000], ['2026-08-27', 1_100_000], ['2026-09-15', 1_500_000],
      ['2026-10-06', 1_350_000], ['2026-10-27', 1_200_000],
    ]) },
  { name: 'ТОО «Silk Way Trading»', role: 'prospect (from Aug 2026), not qualified (cannot pay)', region: 'Алматы', manager: 0, discount: 0.02,
    groups: ['Лакокрасочные материалы', 'Электротовары'],
    plan: () => explicit([['2026-08-12', 700_000], ['2026-09-03', 950_000], ['2026-09-24', 800_000], ['2026-10-20', 1_050_000]]) },
  // --- one single invoice
  { name: 'ИП Омаров Т.К.', role: 'single invoice (too new for XYZ, not a prospect)', region: 'Шымкент', manager: 2, discount: 0,
    groups: ['Сантехника'],
    plan: () => explicit([['2026-09-17', 148_000]]) },
  // --- a small occasional buyer that drifted away long ago -> lost by the absolute rule
  { name: 'ИП Нургалиев Р.М.', role: 'small occasional, silent since Sep 2025 (lost, C)', region: 'Караганда', manager: 1, discount: 0,
    groups: ['Крепёж', 'Электротовары'],
    plan: () => explicit([['2025-02-11', 210_000], ['2025-05-20', 185_000], ['2025-09-09', 240_000]]) },
];

// --- the long tail of small occasional buyers -> C-Z
const TAIL = [
  ['ТОО «Алтын Дала»', 'Астана'],
  ['ИП Иванов А.А.', 'Караганда'],
  ['ТОО «КазНИИ Стройпроект»', 'Алматы'],
  ['ИП Бекова Г.Т.', 'Алматы'],
  ['ТОО «Жетысу Ремонт»', 'Алматы'],
  ['ИП Смирнова Е.В.', 'Астана'],
  ['ТОО «Оңтүстік Құрылыс»', 'Шымкент'],
  ['ИП Касымов Д.Ж.', 'Шымкент'],
  ['ТОО «Арман Девелопмент»', 'Астана'],
  ['ИП Ли О.Г.', 'Алматы'],
  ['ТОО «Сарыарка Сервис»', 'Караганда'],
  ['ИП Тулегенов А.М.', 'Актобе'],
  ['ТОО «Батыс Терминал»', 'Актобе'],
  ['ИП Кузнецов П.И.', 'Караганда'],
  ['ТОО «Мега Дом»', 'Астана'],
  ['ИП Абдрахманова С.К.', 'Шымкент'],
  ['ТОО «Евразия Климат»', 'Алматы'],
  ['ИП Попов В.Н.', 'Актобе'],
  ['ТОО «Байтерек Мебель»', 'Астана'],
  ['ИП Есенов Н.А.', 'Алматы'],
];
TAIL.forEach(([name, region], j) => {
  CLIENTS.push({
    name, region, role: 'small occasional, C-Z', manager: j % 4, discount: 0,
    groups: [GROUPS[j % 5], GROUPS[(j + 2) % 5]],
    plan: () => occasional(randInt(3, 6), 60_000 * KZT, 450_000 * KZT),
    returns: j === 1 || j === 6 || j === 13 ? 1 : 0,
  });
});

// ---------------------------------------------------------------------------
// Build invoices and lines

function roundCents(x) {
  return Math.round(x);
}

/** Split a target amount into 1–4 product lines of the client's groups. */
function makeLines(client, targetCents) {
  const nLines = weightedPick([1, 2, 3, 4], [45, 33, 15, 7]);
  const pool = PRODUCTS.filter((p) => client.groups.includes(p.group));
  const chosen = [];
  while (chosen.length < Math.min(nLines, pool.length)) {
    const p = pick(pool);
    if (!chosen.includes(p)) chosen.push(p);
  }
  const w = chosen.map(() => uniform(0.5, 1.5));
  const ws = w.reduce((s, x) => s + x, 0);
  return chosen.map((p, j) => {
    const priceCents = roundCents(p.priceCents * (1 - client.discount));
    const qty = Math.max(1, Math.round((targetCents * w[j]) / ws / priceCents));
    return { product: p, priceCents, qty };
  });
}

const invoices = []; // { day, client, nameAs, lines, kind: 'sale'|'return', ref? }
for (const c of CLIENTS) {
  const plan = c.plan().sort((a, b) => a.day - b.day);
  c.regions = Array.isArray(c.region) ? c.region : [c.region];
  plan.forEach((p, k) => {
    if (p.day < START || p.day > END) throw new Error(`${c.name}: ${iso(p.day)} outside the span`);
    invoices.push({
      day: p.day, client: c, kind: 'sale',
      nameAs: c.nameAt ? c.nameAt(k) : c.name,
      region: c.regions[k % c.regions.length],
      lines: makeLines(c, p.cents),
    });
  });
}

// Pin the first and last day of the span to the dominant client's first and last invoice.
{
  const bw = invoices.filter((v) => v.client === CLIENTS[0]);
  bw[0].day = START;
  bw[bw.length - 1].day = END;
}

// Returns: part of one line of an earlier invoice, a few days later.
for (const c of CLIENTS) {
  const own = invoices.filter((v) => v.client === c && v.kind === 'sale');
  const make = (src, days, share) => {
    const line = pick(src.lines);
    const qty = Math.max(1, Math.round(line.qty * share));
    invoices.push({
      day: Math.min(END, src.day + days), client: c, kind: 'return', ref: src,
      nameAs: src.nameAs, region: src.region,
      lines: [{ product: line.product, priceCents: line.priceCents, qty: -qty }],
    });
  };
  for (let r = 0; r < (c.returns ?? 0); r++) {
    // never on the pinned first/last invoice, and not in the last weeks
    const candidates = own.filter((v) => v.day > START && v.day < END - 20);
    const src = pick(candidates);
    make(src, randInt(2, 6), c === CLIENTS[0] ? 0.08 : uniform(0.15, 0.5));
  }
  if (c.returnAfterLast) make(own[own.length - 1], 5, 0.25);
}

// Document numbers in date order.
const clientOrder = new Map(CLIENTS.map((c, i) => [c, i]));
invoices.sort((a, b) => a.day - b.day || clientOrder.get(a.client) - clientOrder.get(b.client) || (a.kind === 'sale' ? -1 : 1));
let nSale = 0;
let nRet = 0;
for (const v of invoices) {
  v.doc = v.kind === 'sale' ? `ВН-${pad(++nSale, 5)}` : `ВЗ-${pad(++nRet, 5)}`;
}

// Flatten to rows.
const rows = [];
for (const v of invoices) {
  for (const l of v.lines) {
    const amountCents = l.qty * l.priceCents; // exact: integer × integer cents
    const sign = amountCents < 0 ? -1 : 1;
    const profitCents = sign * Math.round(Math.abs(amountCents) * l.product.margin);
    rows.push({
      day: v.day,
      doc: v.doc,
      client: v.nameAs,
      region: v.region,
      manager: MANAGERS[v.client.manager],
      product: l.product.name,
      group: l.product.group,
      qty: l.qty,
      priceCents: l.priceCents,
      amountCents,
      profitCents,
    });
  }
}

// ---------------------------------------------------------------------------
// Writers

function money(cents) {
  const sign = cents < 0 ? '-' : '';
  const a = Math.abs(cents);
  return `${sign}${Math.floor(a / 100)}.${pad(a % 100)}`;
}
function csvField(s) {
  s = String(s);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const csvLine = (fields) => fields.map(csvField).join(',') + '\n';

const HEADER = ['Date', 'Invoice', 'Client', 'Region', 'Manager', 'Product', 'Product group', 'Quantity', 'Price', 'Amount', 'Profit'];

mkdirSync(OUT, { recursive: true });

let csv = csvLine(HEADER);
for (const r of rows) {
  csv += csvLine([iso(r.day), r.doc, r.client, r.region, r.manager, r.product, r.group, r.qty, money(r.priceCents), money(r.amountCents), money(r.profitCents)]);
}
writeFileSync(join(OUT, 'sample-ledger.csv'), csv);

// Attributes file (SPEC §7).
const ATTRS = [
  ['client', 'tags', 'industry', 'need', 'can_pay', 'authority'],
  ['  Magnum   Cash&Carry ', 'image-maker', 'Розничная сеть', '', '', ''], // spacing differs from the ledger
  ['ТОО «КазНИИ Стройпроект»', 'expert', 'Проектный институт', '', '', ''],
  ['ТОО «Нур-Логистик»', '', 'Логистика', 'yes', 'yes', 'yes'],
  ['ТОО «Достык Агро»', '', 'Сельское хозяйство', 'yes', 'yes', 'no'],
  ['ТОО «Silk Way Trading»', '', 'Торговля', 'yes', 'no', 'yes'],
  ['ТОО «Алматы Строй Сервис»', '', 'Строительство', '', '', ''],
  ['АО «КазМунайСнаб»', '', 'Нефтегаз', '', '', ''],
  ['тоо «алтын дала»', '', 'Ремонт и отделка', '', '', ''], // case differs from the ledger
  ['ТОО «Восток Снаб»', 'expert', 'Снабжение', '', '', ''], // not in the ledger
];
writeFileSync(join(OUT, 'sample-clients.csv'), ATTRS.map(csvLine).join(''));

// Workbook: same rows, two title rows above the header.
const FIXED_TIME = new Date(Date.UTC(2026, 10, 1, 9, 0, 0));
const wb = new ExcelJS.Workbook();
wb.creator = 'kam make-fixtures';
wb.lastModifiedBy = 'kam make-fixtures';
wb.created = FIXED_TIME;
wb.modified = FIXED_TIME;
wb.lastPrinted = FIXED_TIME;
const ws = wb.addWorksheet('Продажи');
ws.addRow(['Отчет по продажам за 2025–2026 гг.']).font = { bold: true, size: 14 };
ws.addRow([]);
ws.addRow(HEADER).font = { bold: true };
for (const r of rows) {
  const { y, m, d } = ymd(r.day);
  ws.addRow([
    new Date(Date.UTC(y, m - 1, d)), r.doc, r.client, r.region, r.manager, r.product, r.group,
    r.qty, r.priceCents / 100, r.amountCents / 100, r.profitCents / 100,
  ]);
}
ws.getColumn(1).numFmt = 'dd.mm.yyyy';
for (const c of [9, 10, 11]) ws.getColumn(c).numFmt = '#,##0.00';
[12, 11, 34, 12, 16, 40, 24, 10, 12, 14, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
const xbuf = pinZipTimestamps(Buffer.from(await wb.xlsx.writeBuffer()));
writeFileSync(join(OUT, 'sample-ledger.xlsx'), xbuf);

/**
 * exceljs zips with JSZip, which stamps every entry with the current time.
 * Overwrite the DOS time/date of every entry (central directory and local
 * headers) with a fixed one so the bytes do not depend on when the script ran.
 */
function pinZipTimestamps(buf) {
  const DOS_TIME = (9 << 11) | (0 << 5); // 09:00:00
  const DOS_DATE = ((2026 - 1980) << 9) | (11 << 5) | 1; // 2026-11-01
  let eocd = -1;
  for (let i = buf.length - 22; i >= 0; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  if (eocd < 0) throw new Error('xlsx: no end-of-central-directory record');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error('xlsx: bad central directory');
    buf.writeUInt16LE(DOS_TIME, p + 12);
    buf.writeUInt16LE(DOS_DATE, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) !== 0x04034b50) throw new Error('xlsx: bad local header');
    buf.writeUInt16LE(DOS_TIME, local + 10);
    buf.writeUInt16LE(DOS_DATE, local + 12);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

const nClients = new Set(rows.map((r) => r.client.trim().replace(/\s+/g, ' '))).size;
console.error(`fixtures: ${rows.length} lines, ${nSale} invoices, ${nRet} returns, ${nClients} clients, ${iso(rows[0].day)} .. ${iso(rows[rows.length - 1].day)}`);
