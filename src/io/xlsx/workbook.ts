// The workbook part and its relationships: the sheets in order with their names, visibility and
// parts, the 1900 or 1904 date system, and where the styles and shared strings are. Parts are
// found by relationship type, and targets may be relative or absolute.
import { xmlTags } from './xml.js';

export interface SheetInfo {
  name: string;
  /** false for `state="hidden"` and `"veryHidden"`. */
  visible: boolean;
  /** The sheet's part in the archive, e.g. `xl/worksheets/sheet1.xml`. */
  part: string;
}

export interface WorkbookInfo {
  sheets: SheetInfo[];
  date1904: boolean;
  styles: string | undefined;
  sharedStrings: string | undefined;
}

export interface Relationship {
  id: string;
  /** The last segment of the type URI: `officeDocument`, `worksheet`, `styles`, `sharedStrings`… */
  type: string;
  /** The part it points at, resolved against the source part's folder. */
  target: string;
  external: boolean;
}

/** `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`; `` (the package) → `_rels/.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A target against the folder of the part that names it: `worksheets/sheet1.xml`, `/xl/…`, `../…`. */
export function resolveTarget(sourcePart: string, target: string): string {
  const t = target.replace(/\\/g, '/');
  const base = t.startsWith('/') ? [] : sourcePart.split('/').slice(0, -1);
  for (const segment of t.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(segment);
  }
  return base.join('/');
}

export function parseRelationships(sourcePart: string, xml: string): Relationship[] {
  const out: Relationship[] = [];
  for (const tag of xmlTags(xml)) {
    if ((tag.kind !== 'empty' && tag.kind !== 'open') || tag.name !== 'Relationship') continue;
    const { Id: id, Type: type, Target: target, TargetMode: mode } = tag.attributes;
    if (id === undefined || type === undefined || target === undefined) continue;
    const external = mode === 'External';
    out.push({ id, type: type.slice(type.lastIndexOf('/') + 1), target: external ? target : resolveTarget(sourcePart, target), external });
  }
  return out;
}

/** The workbook part's name, from the package relationships (`xl/workbook.xml` when they say nothing). */
export function workbookPart(packageRels: string | undefined): string {
  if (packageRels !== undefined) {
    const office = parseRelationships('', packageRels).find((r) => r.type === 'officeDocument' && !r.external);
    if (office !== undefined) return office.target;
  }
  return 'xl/workbook.xml';
}

/** The sheets (worksheets only, in workbook order), the date system and the parts they need. */
export function parseWorkbook(part: string, xml: string, relsXml: string | undefined): WorkbookInfo {
  const rels = relsXml === undefined ? [] : parseRelationships(part, relsXml);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const folder = part.slice(0, part.lastIndexOf('/') + 1);
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  let sheetNumber = 0;
  for (const tag of xmlTags(xml)) {
    if (tag.kind !== 'empty' && tag.kind !== 'open') continue;
    if (tag.name === 'workbookPr') {
      const v = tag.attributes.date1904;
      date1904 = v === '1' || v === 'true';
    } else if (tag.name === 'sheet') {
      sheetNumber++;
      const { name, state, id } = tag.attributes;
      const rel = id === undefined ? undefined : byId.get(id);
      // Chart sheets, dialog and macro sheets hold no cells.
      if (rel !== undefined && rel.type !== 'worksheet') continue;
      const target = rel === undefined || rel.external ? `${folder}worksheets/sheet${sheetNumber}.xml` : rel.target;
      sheets.push({ name: name ?? `Sheet${sheetNumber}`, visible: state !== 'hidden' && state !== 'veryHidden', part: target });
    }
  }
  const find = (type: string): string | undefined => rels.find((r) => r.type === type && !r.external)?.target;
  return { sheets, date1904, styles: find('styles'), sharedStrings: find('sharedStrings') };
}
