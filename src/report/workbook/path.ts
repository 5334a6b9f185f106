// The -o check, apart from the writer so that parsing options never loads exceljs.
import { usage } from '../../i18n/usage.js';

/** `-o` takes an .xlsx name: anything else is a usage error (exit 2), caught before reading. */
export function workbookPath(path: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const name = path.split(/[\\/]/).pop() ?? '';
  if (!/\.xlsx$/i.test(name) || /^\.xlsx$/i.test(name)) {
    throw usage('xlsxName', { flag: '--output', value: path });
  }
  return path;
}
