#!/usr/bin/env node
// Regenerates the pictures in docs/ from the bundled sample ledger (`npm run docs:pictures`, which
// builds first): the terminal at 80 columns (docs/terminal/*.png: kam analyze and kam lost, and kam analyze
// in Russian), run in a detached tmux pane and drawn from its capture; and the first printed page
// of each sheet of the workbook (docs/workbook/SHEET.png), as LibreOffice prints it. It writes the
// PNGs and nothing else: committing them is for whoever runs it.
//
// Needs tmux, soffice (LibreOffice) and pdftoppm (poppler), and the DejaVu fonts; a missing one
// ends the run with one line and exit 1. The output is fixed by the sample: COLUMNS=80, LANG=C.UTF-8,
// TZ=UTC, the ledger's own last date as the as-of date (as in the README), no config file, and a
// fixed "made" time in the workbook.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { terminalPdf } from './docs-pictures/ansi-pdf.mjs';
import { decodePng, paletteBytes } from './docs-pictures/png.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE = 'fixtures/sample-ledger.xlsx';
const KAM = join(ROOT, 'bin', 'kam.js');
const DOCS = join(ROOT, 'docs');
const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
const FONTS = {
  regular: join(FONT_DIR, 'DejaVuSansMono.ttf'),
  bold: join(FONT_DIR, 'DejaVuSansMono-Bold.ttf'),
  fallback: join(FONT_DIR, 'DejaVuSans.ttf'),
};
/**
 * The moment the workbook says it was made (Method sheet): fixed, so an unchanged workbook gives
 * the same picture. kam takes no clock from outside, so a module loaded before it sets Date.
 */
const MADE_AT = '2026-11-02T09:00:00Z';
const COLUMNS = 80;
const ROWS = 50;
const DPI = 70;
/** The terminal pictures: file name under docs/terminal, kam's arguments. */
const TERMINAL = [
  { name: 'analyze', args: ['analyze', SAMPLE] },
  { name: 'lost', args: ['lost', SAMPLE] },
  { name: 'analyze-ru', args: ['analyze', SAMPLE, '--lang', 'ru'] },
];
/** The environment every program runs in: nothing of the caller's locale, colour or kam settings. */
const ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', LANG: 'C.UTF-8', TZ: 'UTC', COLUMNS: String(COLUMNS) };

/** A failure the script reports as one line (thrown, so tmux and the temporary folder are cleaned up). */
class Failure extends Error {}

function fail(message) {
  throw new Failure(message);
}

/** Runs a program to its end; its failure ends the script with one line. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { env: ENV, encoding: options.encoding ?? 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  if (result.error !== undefined) fail(`${command}: ${result.error.message}`);
  if (result.status !== 0) {
    const said = String(result.stderr ?? '').trim().split('\n').pop() ?? '';
    fail(`${command} ${args.join(' ')} exited ${result.status ?? result.signal}${said === '' ? '' : `: ${said}`}`);
  }
  return result.stdout;
}

function checkTools() {
  for (const [tool, what] of [
    ['tmux', 'tmux'],
    ['soffice', 'LibreOffice (soffice)'],
    ['pdftoppm', 'poppler-utils (pdftoppm)'],
  ]) {
    const found = spawnSync('sh', ['-c', `command -v ${tool}`], { env: ENV }).status === 0;
    if (!found) fail(`${what} is not installed; it is needed to draw the pictures`);
  }
  for (const font of Object.values(FONTS)) if (!existsSync(font)) fail(`${font} is missing (the DejaVu fonts, fonts-dejavu-core)`);
  if (!existsSync(join(ROOT, 'dist'))) fail('dist/ is missing: build first (npm run build)');
}

/** Writes a PDF page's PNG, as a palette PNG. */
function pagePng(pdf, page, target, dpi) {
  const base = join(dirname(pdf), `page-${page}`);
  run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, base]);
  const png = readFileSync(`${base}.png`);
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, paletteBytes(decodePng(png)));
  unlinkSync(`${base}.png`);
  return target;
}

/** kam's output in a detached 80-column tmux pane, with its colours, from its first line to its last. */
let captures = 0;
const END = 'KAM-DOCS-PICTURES-END';
function captureInTmux(args, work) {
  // A server of its own for each capture: a new session on a server still shutting down would be
  // killed with it, and the capture cut short.
  captures += 1;
  const socket = `kam-docs-${process.pid}-${captures}`;
  const conf = join(work, 'tmux.conf');
  writeFileSync(conf, 'set -g history-limit 50000\nset -g default-terminal tmux-256color\nset -g status off\n');
  const tmux = (...a) => run('tmux', ['-L', socket, '-f', conf, ...a]);
  // tmux may mark a pane dead before it has read the last of its output: the pane's shell prints
  // an end line after kam (the terminal shows it only once all of kam's output is in) and stays.
  const script = `"$@"; status=$?; printf '\\033[0m\\n${END} %s\\n' "$status"; exec sleep 120`;
  try {
    tmux('new-session', '-d', '-x', String(COLUMNS), '-y', String(ROWS), '-c', ROOT, 'sh', '-c', script, 'sh', process.execPath, KAM, ...args);
    const started = Date.now();
    let lines = [];
    const plain = (l) => l.replace(/\u001b\[[0-9;:]*[A-Za-z]/g, '');
    for (;;) {
      lines = tmux('capture-pane', '-p', '-e', '-S', '-', '-E', '-').split('\n');
      if (lines.some((l) => plain(l).startsWith(`${END} `))) break;
      if (Date.now() - started > 60_000) fail(`kam ${args.join(' ')} did not finish in a minute`);
      spawnSync('sleep', ['0.2']);
    }
    const end = lines.findIndex((l) => plain(l).startsWith(`${END} `));
    const status = plain(lines[end]).slice(END.length + 1).trim();
    if (status !== '0') fail(`kam ${args.join(' ')} exited ${status}`);
    lines = lines.slice(0, end);
    while (lines.length > 0 && plain(lines.at(-1)).trim() === '') lines.pop();
    return lines.join('\n');
  } finally {
    spawnSync('tmux', ['-L', socket, 'kill-server'], { env: ENV });
  }
}

function terminalPictures(work) {
  const written = [];
  for (const { name, args } of TERMINAL) {
    const capture = captureInTmux(args, work);
    const pdf = join(work, `${name}.pdf`);
    writeFileSync(pdf, terminalPdf(capture, { fonts: FONTS, columns: COLUMNS, title: `kam ${args.join(' ')}` }));
    // The page is drawn at 1 pt a pixel; 72 dpi keeps the 13 pt font at 13 px.
    written.push(pagePng(pdf, 1, join(DOCS, 'terminal', `${name}.png`), 72));
  }
  return written;
}

/** The sheet names of a workbook, in tab order. */
async function sheetNames(zip) {
  const xml = await zip.file('xl/workbook.xml').async('string');
  return [...xml.matchAll(/<sheet\b[^>]*\bname="([^"]*)"/g)].map((m) => m[1]);
}

/** The workbook with every sheet but one hidden: LibreOffice prints only visible sheets. */
async function onlySheet(zip, keep) {
  const xml = await zip.file('xl/workbook.xml').async('string');
  let index = -1;
  const edited = xml.replace(/<sheet\b[^>]*\/>/g, (tag) => {
    index += 1;
    const state = index === keep ? 'visible' : 'hidden';
    return / state="[^"]*"/.test(tag) ? tag.replace(/ state="[^"]*"/, ` state="${state}"`) : tag.replace('<sheet', `<sheet state="${state}"`);
  });
  // A print area or print titles of another sheet make LibreOffice print that sheet, hidden or
  // not: only the kept sheet's defined names stay.
  const ownNames = edited.replace(
    /<definedName\b[^>]*\blocalSheetId="(\d+)"[^>]*>[\s\S]*?<\/definedName>/g,
    (tag, id) => (Number(id) === keep ? tag : ''),
  );
  // LibreOffice prints the active tab even when hidden: the kept sheet is made the active one.
  const view = `<workbookView activeTab="${keep}"/>`;
  const withView = /<bookViews>[\s\S]*?<\/bookViews>/.test(ownNames)
    ? ownNames.replace(/<bookViews>[\s\S]*?<\/bookViews>/, `<bookViews>${view}</bookViews>`)
    : ownNames.replace('<sheets>', `<bookViews>${view}</bookViews><sheets>`);
  const copy = await JSZip.loadAsync(await zip.generateAsync({ type: 'nodebuffer' }));
  copy.file('xl/workbook.xml', withView);
  for (const path of Object.keys(copy.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))) {
    const sheet = await copy.file(path).async('string');
    copy.file(path, sheet.replace(/ tabSelected="1"/g, ''));
  }
  return copy.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

const slug = (name) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

async function workbookPictures(work) {
  const book = join(work, 'sample.xlsx');
  const clock = join(work, 'fixed-clock.mjs');
  writeFileSync(
    clock,
    `const fixed = Date.parse(${JSON.stringify(MADE_AT)});\nconst Real = Date;\n` +
      'globalThis.Date = class extends Real { constructor(...a) { super(...(a.length === 0 ? [fixed] : a)); } static now() { return fixed; } };\n',
  );
  run(process.execPath, ['--import', pathToFileURL(clock).href, KAM, 'analyze', SAMPLE, '-o', book, '--lang', 'en'], { cwd: ROOT });
  const zip = await JSZip.loadAsync(readFileSync(book));
  const names = await sheetNames(zip);
  const sheetsDir = join(work, 'sheets');
  mkdirSync(sheetsDir);
  const files = [];
  for (let i = 0; i < names.length; i++) {
    const file = join(sheetsDir, `${slug(names[i])}.xlsx`);
    writeFileSync(file, await onlySheet(zip, i));
    files.push(file);
  }
  // One LibreOffice start for every sheet; its own profile, so a running LibreOffice is left alone.
  run('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', sheetsDir, ...files], { cwd: work });
  // Pictures of sheets the workbook no longer has would mislead: the folder holds this run's only.
  const target = join(DOCS, 'workbook');
  if (existsSync(target)) for (const old of readdirSync(target).filter((f) => f.endsWith('.png'))) unlinkSync(join(target, old));
  const written = [];
  for (const name of names) {
    const pdf = join(sheetsDir, `${slug(name)}.pdf`);
    if (!existsSync(pdf)) fail(`LibreOffice wrote no PDF for the ${name} sheet`);
    written.push(pagePng(pdf, 1, join(target, `${slug(name)}.png`), DPI));
  }
  // Two sheets drawn alike means LibreOffice printed another sheet than the one kept visible.
  const seen = new Map();
  for (const name of names) {
    const bytes = readFileSync(join(target, `${slug(name)}.png`)).toString('base64');
    if (seen.has(bytes)) fail(`the ${seen.get(bytes)} and ${name} pictures are the same page: LibreOffice printed the wrong sheet`);
    seen.set(bytes, name);
  }
  return written;
}

const work = mkdtempSync(join(tmpdir(), 'kam-docs-'));
try {
  checkTools();
  const written = [...terminalPictures(work), ...(await workbookPictures(work))];
  for (const file of written) {
    const kb = Math.round(readFileSync(file).length / 1024);
    // The README loads these on its first screen: a picture past 150 KB is worth a look.
    process.stdout.write(`${relative(ROOT, file)}  ${kb} KB${kb > 150 ? '  (over 150 KB)' : ''}\n`);
  }
} catch (error) {
  if (!(error instanceof Failure)) throw error;
  process.stderr.write(`docs-pictures: ${error.message}\n`);
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
