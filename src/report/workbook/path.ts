// The -o check, apart from the writer so that parsing options never loads exceljs.
import { usage } from '../../i18n/usage.js';

/**
 * --split-by: the workbook of each portfolio beside -o's name, "report-<value>.xlsx"; characters a
 * file name cannot hold become "_", and names that would collide get -2, -3….
 */
export function splitPaths(path: string, values: readonly string[]): string[] {
  const stem = path.replace(/\.xlsx$/i, '');
  const taken = new Set<string>();
  return values.map((value) => {
    // eslint-disable-next-line no-control-regex
    const clean = value.replace(/[\u0000-\u001f/\\:*?"<>|]/g, '_').replace(/\s+/g, ' ').trim().slice(0, 80) || '_';
    let name = `${stem}-${clean}.xlsx`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${clean}-${n}.xlsx`;
    taken.add(name.toLowerCase());
    return name;
  });
}

/** `-o` takes an .xlsx name: anything else is a usage error (exit 2), caught before reading. */
export function workbookPath(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const name = path.split(/[\\/]/).pop() ?? '';
  if (!/\.xlsx$/i.test(name) || /^\.xlsx$/i.test(name)) {
    throw usage('xlsxName', { flag: '--output', value: path });
  }
  return path;
}
