// exceljs writes no charts. After it has written the package, this adds them the way Excel
// itself stores them: per sheet one drawing part (xl/drawings/drawingN.xml) anchoring chart parts
// (xl/charts/chartN.xml), linked by relationship files, declared in [Content_Types].xml, and a
// <drawing r:id> element in the sheet. The package is held once, in the chunks exceljs wrote it in
// (never joined into one buffer): every part that does not change (the big sheets among them) is
// copied through as its compressed bytes, views into those chunks; only the changed and new parts
// are new buffers.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import * as zlib from 'node:zlib';
import { crc32 as crc32Js } from '../../io/xlsx/crc32.js';

export interface CellAnchor {
  /** Zero-based column and row of the cell the corner sits in. */
  col: number;
  row: number;
}

export interface ChartPlacement {
  /** exceljs worksheet id: the sheet is xl/worksheets/sheet{id}.xml. */
  sheetId: number;
  /** A complete c:chartSpace document (see chart.ts). */
  chartXml: string;
  /** Shown in the selection pane and read by screen readers. */
  name: string;
  from: CellAnchor;
  to: CellAnchor;
}

const NS = {
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  drawingRel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
  chartRel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
  chartType: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  drawingType: 'application/vnd.openxmlformats-officedocument.drawing+xml',
};

export function xmlText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function anchorXml(chart: ChartPlacement, index: number, relId: string): string {
  const corner = (tag: string, a: CellAnchor): string =>
    `<xdr:${tag}><xdr:col>${a.col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${a.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    '<xdr:twoCellAnchor editAs="oneCell">' +
    corner('from', chart.from) +
    corner('to', chart.to) +
    '<xdr:graphicFrame macro="">' +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="${xmlText(chart.name)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">' +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${relId}"/>` +
    '</a:graphicData></a:graphic>' +
    '</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>'
  );
}

function relationshipsXml(rels: { id: string; type: string; target: string }[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}">` +
    rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`).join('') +
    '</Relationships>'
  );
}

// Elements that CT_Worksheet allows after <drawing>: the new element goes before the first of them.
const AFTER_DRAWING = ['<legacyDrawing', '<legacyDrawingHF', '<drawingHF', '<picture', '<oleObjects', '<controls', '<webPublishItems', '<tableParts', '<extLst', '</worksheet>'];


const crc32: (data: Uint8Array) => number =
  typeof (zlib as { crc32?: unknown }).crc32 === 'function' ? (zlib as unknown as { crc32: (d: Uint8Array) => number }).crc32 : crc32Js;

interface Part {
  name: string;
  /** The central directory record as written (its local offset is rewritten). */
  central: Buffer;
  /** The local header, data and data descriptor, as written: views into the package's chunks. */
  local: Buffer[];
  method: number;
  compressedSize: number;
  dataStart: number;
}

const SIG = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50 };

/** A package held as the chunks it was written in, read as one run of bytes without joining them. */
class Chunks {
  private readonly starts: number[] = [];
  readonly length: number;

  constructor(private readonly chunks: readonly Buffer[]) {
    let at = 0;
    for (const chunk of chunks) {
      this.starts.push(at);
      at += chunk.length;
    }
    this.length = at;
  }

  /** Views of bytes start..end (end exclusive), one per chunk they fall in. */
  views(start: number, end: number): Buffer[] {
    if (start < 0 || end > this.length || start > end) throw new Error('the workbook package is shorter than its directory says');
    const out: Buffer[] = [];
    // The last chunk that starts at or before `start` (binary search).
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= start) lo = mid;
      else hi = mid - 1;
    }
    for (let i = lo; i < this.chunks.length && start < end; i++) {
      const chunkStart = this.starts[i]!;
      const chunk = this.chunks[i]!;
      const from = start - chunkStart;
      const to = Math.min(chunk.length, end - chunkStart);
      if (to > from) out.push(chunk.subarray(from, to));
      start = chunkStart + to;
    }
    return out;
  }

  /** Bytes start..end as one buffer (a view when they lie in one chunk, else a copy: only small runs are read so). */
  bytes(start: number, end: number): Buffer {
    const views = this.views(start, end);
    return views.length === 1 ? views[0]! : Buffer.concat(views);
  }
}

/** The parts of a zip package as exceljs (archiver) writes it: no Zip64, no comment. */
function readParts(chunks: readonly Buffer[]): Part[] {
  const zip = new Chunks(chunks);
  // The end record is the last 22 bytes (no comment); a comment would be at most 65,535 bytes after it.
  const tailStart = Math.max(0, zip.length - 22 - 0xffff);
  const tail = zip.bytes(tailStart, zip.length);
  const endInTail = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endInTail < 0 || tail.readUInt32LE(endInTail) !== SIG.end) throw new Error('the workbook package has no end record');
  const count = tail.readUInt16LE(endInTail + 10);
  const cdSize = tail.readUInt32LE(endInTail + 12);
  const cdOffset = tail.readUInt32LE(endInTail + 16);
  const directory = zip.bytes(cdOffset, cdOffset + cdSize);
  const records: { name: string; central: Buffer; offset: number; method: number; compressedSize: number }[] = [];
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (directory.readUInt32LE(p) !== SIG.central) throw new Error('the workbook package has a damaged directory');
    const length = 46 + directory.readUInt16LE(p + 28) + directory.readUInt16LE(p + 30) + directory.readUInt16LE(p + 32);
    records.push({
      name: directory.toString('utf8', p + 46, p + 46 + directory.readUInt16LE(p + 28)),
      central: directory.subarray(p, p + length),
      offset: directory.readUInt32LE(p + 42),
      method: directory.readUInt16LE(p + 10),
      compressedSize: directory.readUInt32LE(p + 20),
    });
    p += length;
  }
  const starts = [...records.map((r) => r.offset), cdOffset].sort((a, b) => a - b);
  return records.map((r) => {
    const next = starts[starts.indexOf(r.offset) + 1]!;
    const header = zip.bytes(r.offset, r.offset + 30);
    if (header.readUInt32LE(0) !== SIG.local) throw new Error(`the workbook package has a damaged part ${r.name}`);
    const dataStart = 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    return { name: r.name, central: r.central, local: zip.views(r.offset, next), method: r.method, compressedSize: r.compressedSize, dataStart };
  });
}

function partText(part: Part): string {
  const data = (part.local.length === 1 ? part.local[0]! : Buffer.concat(part.local)).subarray(part.dataStart, part.dataStart + part.compressedSize);
  return (part.method === 8 ? inflateRawSync(data) : data).toString('utf8');
}

/** A new deflated part: its local record and central directory record (offset filled in later). */
function newPart(name: string, text: string): Part {
  const bytes = Buffer.from(text, 'utf8');
  const data = deflateRawSync(bytes, { level: 6 });
  const nameBytes = Buffer.from(name, 'utf8');
  const crc = crc32(bytes) >>> 0;
  const header = Buffer.alloc(30);
  header.writeUInt32LE(SIG.local, 0);
  header.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
  header.writeUInt16LE(0x0800, 6); // names in UTF-8
  header.writeUInt16LE(8, 8);
  header.writeUInt16LE(0, 10); // time
  header.writeUInt16LE(0x21, 12); // date: 1980-01-01
  header.writeUInt32LE(crc, 14);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(bytes.length, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  header.writeUInt16LE(0, 28);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(SIG.central, 0);
  central.writeUInt16LE(20, 4);
  header.copy(central, 6, 4, 30); // version needed … extra length, as in the local header
  // comment length, disk, internal and external attributes: 0; the offset is set when written.
  return {
    name,
    central: Buffer.concat([central, nameBytes]),
    local: [header, nameBytes, data],
    method: 8,
    compressedSize: data.length,
    dataStart: 30 + nameBytes.length,
  };
}

/** The package as buffers to write one after the other: `parts` in order, then the directory. */
function writeParts(parts: readonly Part[]): Buffer[] {
  const out: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const central = Buffer.from(part.central);
    central.writeUInt32LE(offset, 42);
    directory.push(central);
    for (const b of part.local) {
      out.push(b);
      offset += b.length;
    }
  }
  const size = directory.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(SIG.end, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return [...out, ...directory, end];
}

/**
 * Adds the charts to an xlsx package (the buffers it was written in, in order) and returns the new
 * package as buffers to write in order (views into `xlsx` for the parts that do not change): the
 * package is not copied.
 */
export function addCharts(xlsx: readonly Buffer[], charts: readonly ChartPlacement[]): Buffer[] {
  if (charts.length === 0) return [...xlsx];
  const parts = readParts(xlsx);
  const byName = new Map(parts.map((p, i) => [p.name.replace(/^\//, ''), i]));
  const replace = (name: string, text: string): void => {
    const i = byName.get(name);
    if (i === undefined) {
      byName.set(name, parts.length);
      parts.push(newPart(name, text));
    } else parts[i] = newPart(parts[i]!.name, text);
  };
  const text = (name: string): string | undefined => {
    const i = byName.get(name);
    return i === undefined ? undefined : partText(parts[i]!);
  };
  const types = text('[Content_Types].xml');
  if (types === undefined) throw new Error('the workbook package has no [Content_Types].xml');
  const overrides: string[] = [];

  const bySheet = new Map<number, ChartPlacement[]>();
  for (const chart of charts) bySheet.set(chart.sheetId, [...(bySheet.get(chart.sheetId) ?? []), chart]);

  let chartNumber = 0;
  let drawingNumber = 0;
  for (const [sheetId, sheetCharts] of bySheet) {
    drawingNumber++;
    const sheetName = `xl/worksheets/sheet${sheetId}.xml`;
    const sheetXml = text(sheetName);
    if (sheetXml === undefined) throw new Error(`the workbook package has no sheet${sheetId}.xml`);

    const drawingRels: { id: string; type: string; target: string }[] = [];
    const anchors: string[] = [];
    sheetCharts.forEach((chart, i) => {
      chartNumber++;
      replace(`xl/charts/chart${chartNumber}.xml`, chart.chartXml);
      overrides.push(`<Override PartName="/xl/charts/chart${chartNumber}.xml" ContentType="${NS.chartType}"/>`);
      const relId = `rId${i + 1}`;
      drawingRels.push({ id: relId, type: NS.chartRel, target: `../charts/chart${chartNumber}.xml` });
      anchors.push(anchorXml(chart, i, relId));
    });
    replace(
      `xl/drawings/drawing${drawingNumber}.xml`,
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
        anchors.join('') +
        '</xdr:wsDr>',
    );
    replace(`xl/drawings/_rels/drawing${drawingNumber}.xml.rels`, relationshipsXml(drawingRels));
    overrides.push(`<Override PartName="/xl/drawings/drawing${drawingNumber}.xml" ContentType="${NS.drawingType}"/>`);

    // The sheet's relationships: exceljs writes the file only when the sheet has hyperlinks.
    const relsName = `xl/worksheets/_rels/sheet${sheetId}.xml.rels`;
    const rels = text(relsName);
    const drawingRelId = 'rIdKamDrawing1';
    const drawingRel = { id: drawingRelId, type: NS.drawingRel, target: `../drawings/drawing${drawingNumber}.xml` };
    if (rels === undefined) replace(relsName, relationshipsXml([drawingRel]));
    else replace(relsName, rels.replace('</Relationships>', `<Relationship Id="${drawingRel.id}" Type="${drawingRel.type}" Target="${drawingRel.target}"/></Relationships>`));

    const at = Math.min(...AFTER_DRAWING.map((tag) => sheetXml.indexOf(tag)).filter((i) => i >= 0));
    if (!Number.isFinite(at)) throw new Error(`sheet${sheetId}.xml has no closing tag`);
    replace(sheetName, `${sheetXml.slice(0, at)}<drawing r:id="${drawingRelId}"/>${sheetXml.slice(at)}`);
  }

  replace('[Content_Types].xml', types.replace('</Types>', `${overrides.join('')}</Types>`));
  return writeParts(parts);
}
