// `kam sql`: prints the statement that turns a table of sale lines into a day ledger inside a
// database engine (SPEC §12). Nothing is read; the statement goes to standard output.
import type { CommandIo } from './context.js';
import { writeAll } from './context.js';
import { daySql, type SqlDialectName } from '../io/sql/index.js';
import type { SqlRoles } from '../io/sql/dialect.js';

export interface SqlRequest {
  dialect: SqlDialectName;
  from: string;
  roles: SqlRoles;
  /** --currency: the amounts' currency (ISO code). */
  currency?: string | undefined;
}

export async function runSql(request: SqlRequest, io: CommandIo): Promise<number> {
  await writeAll(io.stdout, [daySql(request.dialect, { from: request.from, roles: request.roles, currency: request.currency })]);
  return 0;
}
