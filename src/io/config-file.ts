// The config file kam reads its settings from: --config FILE, else kam.config.json in the working
// directory, else none. Read and parsed here; checked against the options in src/cli/config.ts.
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { usage } from '../i18n/usage.js';

export const CONFIG_FILE_NAME = 'kam.config.json';

export interface ConfigFile {
  /** The path as shown to the user. */
  path: string;
  /** The parsed JSON. */
  data: unknown;
}

/** The config file: --config FILE, else kam.config.json in the working directory, else none. */
export function loadConfig(explicit: string | undefined, cwd: string): ConfigFile | null {
  const path = explicit ?? CONFIG_FILE_NAME;
  let text: string;
  try {
    text = readFileSync(isAbsolute(path) ? path : join(cwd, path), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && explicit === undefined) return null;
    if (code === 'ENOENT') throw usage('configMissing', { file: path });
    throw usage('configUnreadable', { file: path, reason: code ?? String(error) });
  }
  try {
    return { path, data: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch (error) {
    throw usage('configNotJson', { file: path, reason: (error as Error).message });
  }
}
