// Workbooks written the ways real producers write them, from XML these tests spell out: a small
// zip writer (deflate or stored entries, Zip64 records on request) and a ledger written as a
// workbook in several producers' styles. Also: kam run in-process, for fast end-to-end checks.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { crc32, deflateRawSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { SAMPLE_CSV } from './kam.js';
import { runKam } from './run.js';

export interface ZipPart {
  name: string;
  data: string | Buffer;
  /** 0 stored, 8 deflate (the default). */
  method?: 0 | 8;
}

/** A zip archive of the parts, in order; `zip64` writes the Zip64 end records (as large archives have). */
export function zip(parts: readonly ZipPart[], options: { zip64?: boolean; comment?: string } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const data = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, 'utf8');
    const method = part.method ?? 8;
    const body = method === 8 ? deflateRawSync(data) : data;
    const name = Buffer.from(part.name, 'utf8');
    const crc = crc32(data) >>> 0;
    // The local and the central header share their fields from "version needed" on.
    const fields = (header: Buffer, signature: number, at: number): Buffer => {
      header.writeUInt32LE(signature, 0);
      header.writeUInt16LE(20, at);
      header.writeUInt16LE(0x800, at + 2);
      header.writeUInt16LE(method, at + 4);
      header.writeUInt32LE(crc, at + 10);
      header.writeUInt32LE(body.length, at + 14);
      header.writeUInt32LE(data.length, at + 18);
      header.writeUInt16LE(name.length, at + 22);
      return header;
    };
    const local = fields(Buffer.alloc(30), 0x04034b50, 4);
    locals.push(local, name, body);
    const central = fields(Buffer.alloc(46), 0x02014b50, 6);
    central.writeUInt16LE(20, 4);
    let extra = Buffer.alloc(0);
    if (options.zip64 === true) {
      // Sizes and offset in a Zip64 extra field, the 32-bit fields all ones.
      extra = Buffer.alloc(4 + 24);
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(data.length), 4);
      extra.writeBigUInt64LE(BigInt(body.length), 12);
      extra.writeBigUInt64LE(BigInt(offset), 20);
      central.writeUInt32LE(0xffffffff, 20);
      central.writeUInt32LE(0xffffffff, 24);
      central.writeUInt32LE(0xffffffff, 42);
    } else central.writeUInt32LE(offset, 42);
    central.writeUInt16LE(extra.length, 30);
    centrals.push(central, name, extra);
    offset += local.length + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const tail: Buffer[] = [];
  const comment = Buffer.from(options.comment ?? '', 'utf8');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  if (options.zip64 === true) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(parts.length), 24);
    record.writeBigUInt64LE(BigInt(parts.length), 32);
    record.writeBigUInt64LE(BigInt(cd.length), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    locator.writeUInt32LE(1, 16);
    tail.push(record, locator);
    end.writeUInt16LE(0xffff, 8);
    end.writeUInt16LE(0xffff, 10);
    end.writeUInt32LE(0xffffffff, 12);
    end.writeUInt32LE(0xffffffff, 16);
  } else {
    end.writeUInt16LE(parts.length, 8);
    end.writeUInt16LE(parts.length, 10);
    end.writeUInt32LE(cd.length, 12);
    end.writeUInt32LE(offset, 16);
  }
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([...locals, cd, ...tail, end, comment]);
}

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface BookSheet {
  name: string;
  /** The worksheet part's XML, whole. */
  xml: string;
  state?: 'hidden' | 'veryHidden';
}

export interface BookOptions {
  sheets: readonly BookSheet[];
  sharedStrings?: string;
  styles?: string;
  date1904?: boolean;
  /** A namespace prefix for the workbook part's tags (`x` as the OpenXML SDK writes). */
  prefix?: string;
  /** Absolute targets in the relationships (`/xl/worksheets/sheet1.xml`). */
  absolute?: boolean;
  method?: 0 | 8;
  /** Where the workbook part lives (`xl/workbook.xml`). */
  workbookPart?: string;
  zip64?: boolean;
}

/** An .xlsx package around the given parts. */
export function book(options: BookOptions): Buffer {
  const x = options.prefix === undefined ? '' : `${options.prefix}:`;
  const ns = options.prefix === undefined ? `xmlns="${MAIN_NS}"` : `xmlns:${options.prefix}="${MAIN_NS}"`;
  const wbPart = options.workbookPart ?? 'xl/workbook.xml';
  const folder = wbPart.slice(0, wbPart.lastIndexOf('/') + 1);
  const target = (path: string): string => (options.absolute === true ? `/${folder}${path}` : path);
  const sheets = options.sheets
    .map((s, i) => `<${x}sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state === undefined ? '' : ` state="${s.state}"`} r:id="rId${i + 1}"/>`)
    .join('');
  const workbook = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${x}workbook ${ns} xmlns:r="${REL_NS}"><${x}workbookPr${options.date1904 === true ? ' date1904="1"' : ''}/><${x}sheets>${sheets}</${x}sheets></${x}workbook>`;
  const rels = [
    ...options.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${TYPE}/worksheet" Target="${target(`worksheets/sheet${i + 1}.xml`)}"/>`),
    options.styles === undefined ? '' : `<Relationship Id="rIdS" Type="${TYPE}/styles" Target="${target('styles.xml')}"/>`,
    options.sharedStrings === undefined ? '' : `<Relationship Id="rIdT" Type="${TYPE}/sharedStrings" Target="${target('sharedStrings.xml')}"/>`,
  ].join('');
  const method = options.method ?? 8;
  const parts: ZipPart[] = [
    { name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>', method },
    { name: '_rels/.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${TYPE}/officeDocument" Target="${wbPart}"/></Relationships>`, method },
    { name: wbPart, data: workbook, method },
    { name: `${folder}_rels/workbook.xml.rels`, data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG_REL_NS}">${rels}</Relationships>`, method },
    ...options.sheets.map((s, i) => ({ name: `${folder}worksheets/sheet${i + 1}.xml`, data: s.xml, method })),
  ];
  if (options.styles !== undefined) parts.push({ name: `${folder}styles.xml`, data: options.styles, method });
  if (options.sharedStrings !== undefined) parts.push({ name: `${folder}sharedStrings.xml`, data: options.sharedStrings, method });
  return zip(parts, { zip64: options.zip64 === true });
}

/** A styles part whose cell formats are, in order, the given number formats (ids or custom codes). */
export function stylesXml(formats: readonly (number | string)[], prefix?: string): string {
  const x = prefix === undefined ? '' : `${prefix}:`;
  const ns = prefix === undefined ? `xmlns="${MAIN_NS}"` : `xmlns:${prefix}="${MAIN_NS}"`;
  const custom = formats.filter((f): f is string => typeof f === 'string');
  const numFmts = custom.map((code, i) => `<${x}numFmt numFmtId="${164 + i}" formatCode="${escapeXml(code)}"/>`).join('');
  const xfs = formats.map((f) => `<${x}xf numFmtId="${typeof f === 'number' ? f : 164 + custom.indexOf(f)}" fontId="0" fillId="0" borderId="0" xfId="0"/>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?><${x}styleSheet ${ns}>${custom.length > 0 ? `<${x}numFmts count="${custom.length}">${numFmts}</${x}numFmts>` : ''}<${x}cellStyleXfs count="1"><${x}xf numFmtId="22"/></${x}cellStyleXfs><${x}cellXfs count="${formats.length}">${xfs}</${x}cellXfs></${x}styleSheet>`;
}

/** The sample ledger's header and rows, as text. */
export function sampleRecords(rows?: number): { header: string[]; rows: string[][] } {
  const records = parse(readFileSync(SAMPLE_CSV), { bom: true }) as string[][];
  const [header, ...rest] = records;
  return { header: header!, rows: rows === undefined ? rest : rest.slice(0, rows) };
}

/** The same records as CSV text (for the reference output). */
export function csvOf(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const field = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\n') + '\n';
}

/** Column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Excel's serial day of an ISO date (1900 system, or 1904). */
export function serialOf(iso: string, date1904 = false): number {
  const days = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
  return days + 25569 - (date1904 ? 1462 : 0);
}

export interface KamResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs kam in this process (fast): argv as on the command line, standard input from `input`. */
export function kamIn(argv: string[], input?: Buffer | Readable): Promise<KamResult> {
  return runKam(argv, input === undefined || Buffer.isBuffer(input) ? { input } : { stdin: input });
}

/** Standard input that hands `bytes` over in chunks of the given sizes (cycled). */
export function chunkedInput(bytes: Buffer, sizes: readonly number[]): Readable {
  let i = 0;
  let at = 0;
  return new Readable({
    read() {
      if (at >= bytes.length) {
        this.push(null);
        return;
      }
      const n = Math.max(1, sizes[i++ % sizes.length]!);
      this.push(bytes.subarray(at, at + n));
      at += n;
    },
  });
}
