// An .xlsx workbook opened for reading: the archive's directory, then the small parts (workbook,
// relationships, styles, shared strings), then any sheet on demand, scanned as it is inflated.
// Every problem of the archive or its XML becomes one KamError naming the file.
import { KamError } from '../../core/problems.js';
import { fileProblem, type OpenedInput } from '../input.js';
import { parseSharedStrings } from './shared-strings.js';
import { SheetScanner, type RowSink, type SheetContext } from './sheet.js';
import { fileSource, spool } from './source.js';
import { parseDateStyles } from './styles.js';
import { parseWorkbook, relsPartOf, workbookPart, type SheetInfo } from './workbook.js';
import { partText, XmlError } from './xml.js';
import { entryChunks, readDirectory, readEntry, ZipProblem, type ByteSource, type ZipEntry } from './zip.js';

export interface OpenedWorkbook {
  /** The worksheets in workbook order, hidden ones included. */
  readonly sheets: readonly SheetInfo[];
  /** Every row of a sheet, in order, into `onRow`; resolves once the part's CRC has been checked. */
  readSheet(sheet: SheetInfo, onRow: RowSink): Promise<void>;
  /** Bytes of the archive read so far, for progress. */
  bytesRead(): number;
  close(): Promise<void>;
}

const unreadable = (file: string, code: 'xlsb-workbook' | 'zip-encrypted' | 'zip-method' | 'zip-not-xlsx'): KamError =>
  new KamError({ code: 'file-unreadable', file, details: { reason: { code } } });
const damaged = (file: string, part: string | undefined): KamError => new KamError({ code: 'file-truncated', file, details: { format: 'xlsx', part } });

/** The KamError for a problem met while reading part `part` of the workbook `file`. */
export function workbookProblem(error: unknown, file: string, part?: string): KamError {
  if (error instanceof KamError) return error;
  if (error instanceof ZipProblem) {
    if (error.kind === 'encrypted') return unreadable(file, 'zip-encrypted');
    if (error.kind === 'method') return unreadable(file, 'zip-method');
    return damaged(file, error.entry ?? part);
  }
  if (error instanceof XmlError) return damaged(file, part);
  // The file itself could not be read (it went away, an I/O error).
  return fileProblem(error, file);
}

/** Opens the workbook of an input: the file itself, or the spooled bytes of a pipe or .xlsx.gz. */
export async function openWorkbook(input: OpenedInput): Promise<OpenedWorkbook> {
  const file = input.name;
  let source: ByteSource;
  try {
    if (input.path !== undefined) {
      input.close();
      source = await fileSource(input.path);
    } else source = await spool(input.stream);
  } catch (error) {
    input.close();
    throw fileProblem(error, file);
  }
  let consumed = 0;
  const raw = source;
  source = {
    size: raw.size,
    read: async (position, length) => {
      const bytes = await raw.read(position, length);
      consumed += bytes.length;
      return bytes;
    },
    close: () => raw.close(),
  };
  try {
    return await openFrom(source, file, () => consumed);
  } catch (error) {
    await source.close().catch(() => undefined);
    throw workbookProblem(error, file);
  }
}

async function openFrom(source: ByteSource, file: string, bytesRead: () => number): Promise<OpenedWorkbook> {
  const entries = await readDirectory(source);
  // Names as written, and as a lenient lookup (case, a leading slash, backslashes).
  const loose = new Map<string, ZipEntry>();
  for (const [name, entry] of entries) loose.set(name.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase(), entry);
  const entryOf = (part: string): ZipEntry | undefined => entries.get(part) ?? loose.get(part.replace(/^\/+/, '').toLowerCase());
  const text = async (part: string | undefined): Promise<string | undefined> => {
    if (part === undefined) return undefined;
    const entry = entryOf(part);
    if (entry === undefined) return undefined;
    try {
      return partText(await readEntry(source, entry));
    } catch (error) {
      throw workbookProblem(error, file, part);
    }
  };
  const main = workbookPart(await text('_rels/.rels'));
  const workbookXml = await text(main);
  if (workbookXml === undefined) {
    const binary = entryOf('xl/workbook.bin') !== undefined;
    throw unreadable(file, binary ? 'xlsb-workbook' : 'zip-not-xlsx');
  }
  const rels = await text(relsPartOf(main));
  const parsed = (() => {
    try {
      return parseWorkbook(main, workbookXml, rels);
    } catch (error) {
      throw workbookProblem(error, file, main);
    }
  })();
  if (parsed.sheets.length === 0) throw unreadable(file, 'zip-not-xlsx');
  const folder = main.slice(0, main.lastIndexOf('/') + 1);
  const stylesPart = parsed.styles ?? `${folder}styles.xml`;
  const sharedPart = parsed.sharedStrings ?? `${folder}sharedStrings.xml`;
  const parse = <T>(part: string, xml: string | undefined, f: (xml: string | undefined) => T): T => {
    try {
      return f(xml);
    } catch (error) {
      throw workbookProblem(error, file, part);
    }
  };
  const context: SheetContext = {
    dateStyles: parse(stylesPart, await text(stylesPart), parseDateStyles),
    shared: parse(sharedPart, await text(sharedPart), parseSharedStrings),
    date1904: parsed.date1904,
  };
  return {
    sheets: parsed.sheets,
    async readSheet(sheet, onRow) {
      const entry = entryOf(sheet.part);
      if (entry === undefined) throw damaged(file, sheet.part);
      const scanner = new SheetScanner(context, onRow);
      try {
        for await (const chunk of entryChunks(source, entry)) scanner.push(chunk);
        scanner.end();
      } catch (error) {
        throw workbookProblem(error, file, sheet.part);
      }
    },
    bytesRead,
    close: () => source.close(),
  };
}
