// exceljs writes no charts. After it has written the package, this adds them the way Excel
// itself stores them: per sheet one drawing part (xl/drawings/drawingN.xml) anchoring chart parts
// (xl/charts/chartN.xml), linked by relationship files, declared in [Content_Types].xml, and a
// <drawing r:id> element in the sheet. The big sheets are copied through still compressed.
import JSZip from 'jszip';

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

// Package parts only: folder entries ("xl/charts/") are not parts of an OPC package.
const PART = { createFolders: false } as const;

/** Finds a part by name whether or not the zip writer kept a leading slash. */
function partName(zip: JSZip, name: string): string | undefined {
  if (zip.file(name) !== null) return name;
  if (zip.file(`/${name}`) !== null) return `/${name}`;
  return undefined;
}

// Elements that CT_Worksheet allows after <drawing>: the new element goes before the first of them.
const AFTER_DRAWING = ['<legacyDrawing', '<legacyDrawingHF', '<drawingHF', '<picture', '<oleObjects', '<controls', '<webPublishItems', '<tableParts', '<extLst', '</worksheet>'];

/** Adds the charts to an xlsx package (a zip in memory) and returns the new package. */
export async function addCharts(xlsx: Buffer, charts: readonly ChartPlacement[]): Promise<Buffer> {
  if (charts.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const typesName = partName(zip, '[Content_Types].xml');
  if (typesName === undefined) throw new Error('the workbook package has no [Content_Types].xml');
  const overrides: string[] = [];

  const bySheet = new Map<number, ChartPlacement[]>();
  for (const chart of charts) bySheet.set(chart.sheetId, [...(bySheet.get(chart.sheetId) ?? []), chart]);

  let chartNumber = 0;
  let drawingNumber = 0;
  for (const [sheetId, sheetCharts] of bySheet) {
    drawingNumber++;
    const sheetName = partName(zip, `xl/worksheets/sheet${sheetId}.xml`);
    if (sheetName === undefined) throw new Error(`the workbook package has no sheet${sheetId}.xml`);

    const drawingRels: { id: string; type: string; target: string }[] = [];
    const anchors: string[] = [];
    sheetCharts.forEach((chart, i) => {
      chartNumber++;
      zip.file(`xl/charts/chart${chartNumber}.xml`, chart.chartXml, PART);
      overrides.push(`<Override PartName="/xl/charts/chart${chartNumber}.xml" ContentType="${NS.chartType}"/>`);
      const relId = `rId${i + 1}`;
      drawingRels.push({ id: relId, type: NS.chartRel, target: `../charts/chart${chartNumber}.xml` });
      anchors.push(anchorXml(chart, i, relId));
    });
    zip.file(
      `xl/drawings/drawing${drawingNumber}.xml`,
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
        anchors.join('') +
        '</xdr:wsDr>',
      PART,
    );
    zip.file(`xl/drawings/_rels/drawing${drawingNumber}.xml.rels`, relationshipsXml(drawingRels), PART);
    overrides.push(`<Override PartName="/xl/drawings/drawing${drawingNumber}.xml" ContentType="${NS.drawingType}"/>`);

    // The sheet's relationships: exceljs writes the file only when the sheet has hyperlinks.
    const relsName = partName(zip, `xl/worksheets/_rels/sheet${sheetId}.xml.rels`);
    const drawingRelId = 'rIdKamDrawing1';
    const drawingRel = `<Relationship Id="${drawingRelId}" Type="${NS.drawingRel}" Target="../drawings/drawing${drawingNumber}.xml"/>`;
    if (relsName === undefined) {
      zip.file(`xl/worksheets/_rels/sheet${sheetId}.xml.rels`, relationshipsXml([{ id: drawingRelId, type: NS.drawingRel, target: `../drawings/drawing${drawingNumber}.xml` }]), PART);
    } else {
      const rels = await zip.file(relsName)!.async('string');
      zip.file(relsName, rels.replace('</Relationships>', `${drawingRel}</Relationships>`), PART);
    }

    const sheetXml = await zip.file(sheetName)!.async('string');
    const at = Math.min(...AFTER_DRAWING.map((tag) => sheetXml.indexOf(tag)).filter((i) => i >= 0));
    if (!Number.isFinite(at)) throw new Error(`sheet${sheetId}.xml has no closing tag`);
    zip.file(sheetName, `${sheetXml.slice(0, at)}<drawing r:id="${drawingRelId}"/>${sheetXml.slice(at)}`, PART);
  }

  const types = await zip.file(typesName)!.async('string');
  zip.file(typesName, types.replace('</Types>', `${overrides.join('')}</Types>`), PART);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
