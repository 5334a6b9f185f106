// Embedded DuckDB, for Parquet and DuckDB files (SPEC §12): an optional dependency, loaded only
// when such an input is read, with a one-line install hint when it is absent. No extension is
// ever downloaded at run time (Parquet is built in); --memory caps it, with spilling to a temp
// folder that is always removed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KamError } from '../core/problems.js';

/** The exact version kam is tested with (its -r.N releases change the API): the install hint names it. */
export const DUCKDB_PACKAGE = '@duckdb/node-api@1.5.6-r.1';

type DuckDbModule = typeof import('@duckdb/node-api');
export type DuckDbConnection = import('@duckdb/node-api').DuckDBConnection;

export async function loadDuckDb(): Promise<DuckDbModule> {
  try {
    return await import('@duckdb/node-api');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND' || /Cannot find (module|package)/.test(String(error))) {
      throw new KamError({ code: 'duckdb-missing', value: DUCKDB_PACKAGE });
    }
    throw error;
  }
}

export interface DuckDbOptions {
  /** --memory: DuckDB's memory limit ("2GB", "500MB"); beyond it, it spills to a temp folder. */
  memory?: string | undefined;
  /** A database file to open read-only (undefined: an in-memory database). */
  database?: string | undefined;
}

/**
 * Runs `work` with a DuckDB connection and always closes it and removes its spill folder,
 * whether `work` succeeds or throws.
 */
export async function withDuckDb<T>(options: DuckDbOptions, work: (connection: DuckDbConnection) => Promise<T>): Promise<T> {
  const duckdb = await loadDuckDb();
  const spill = mkdtempSync(join(tmpdir(), 'kam-duckdb-'));
  let instance: import('@duckdb/node-api').DuckDBInstance | undefined;
  let connection: DuckDbConnection | undefined;
  try {
    const config: Record<string, string> = {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      temp_directory: spill,
    };
    if (options.memory !== undefined) config.memory_limit = options.memory;
    if (options.database !== undefined) config.access_mode = 'READ_ONLY';
    instance = await duckdb.DuckDBInstance.create(options.database ?? ':memory:', config);
    connection = await instance.connect();
    return await work(connection);
  } finally {
    connection?.closeSync();
    instance?.closeSync();
    rmSync(spill, { recursive: true, force: true });
  }
}

/** A text as a SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}
