// Words for problems. Every message is one line; the code is what scripts and tests rely on.
import type { Problem, ProblemCode } from '../core/problems.js';

type Render = (p: Problem) => string;

function list(value: unknown): string {
  return Array.isArray(value) ? value.map((v) => `"${String(v)}"`).join(', ') : String(value ?? '');
}

function where(p: Problem): string {
  const parts: string[] = [];
  if (p.file !== undefined) parts.push(p.file);
  if (p.line !== undefined) parts.push(`line ${p.line}`);
  return parts.length > 0 ? `${parts.join(', ')}: ` : '';
}

const ROLE_HINT: Record<string, string> = {
  client: '--map client=HEADER',
  date: '--map date=HEADER',
  amount: '--map amount=HEADER (or --map quantity=… and --map price=…)',
};

const MESSAGES: Record<ProblemCode, Render> = {
  'bad-option': (p) => `${p.value ?? ''}${p.details?.hint !== undefined ? ` (${String(p.details.hint)})` : ''}`,
  'file-not-found': (p) => `${p.file}: no such file`,
  'file-unreadable': (p) => `${p.file}: cannot read it${p.value !== undefined ? ` (${p.value})` : ''}`,
  'file-empty': (p) => `${p.file}: the file is empty`,
  'file-binary': (p) => `${p.file}: this is not a text ledger (binary data); give a CSV, .csv.gz or .xlsx file`,
  'file-truncated': (p) =>
    `${p.file}: the ${p.details?.reason === 'xlsx' ? 'workbook' : 'compressed file'} is truncated or damaged${p.value !== undefined ? ` (${p.value})` : ''}`,
  'sheet-not-found': (p) => `${p.file}: no sheet named "${p.value}"; sheets: ${list(p.details?.sheets)}`,
  'no-header': (p) =>
    `${p.file}: no header row with known column names (client, date, amount…) in the first rows; first row: ${list(p.details?.firstRow)}; name the columns with --map role=HEADER`,
  'no-rows': (p) => `${p.file !== undefined ? `${p.file}: ` : ''}the ledger has a header but no rows`,
  'missing-column': (p) => {
    const roles = (p.details?.roles as readonly string[] | undefined) ?? [];
    const hints = roles.map((r) => ROLE_HINT[r] ?? `--map ${r}=HEADER`).join(', ');
    return `${p.file !== undefined ? `${p.file}: ` : ''}no ${roles.join(', ')} column found; headers: ${list(p.details?.headers)}; use ${hints}`;
  },
  'unknown-mapped-column': (p) =>
    `${p.file !== undefined ? `${p.file}: ` : ''}--map ${p.value}="${p.column}": no such column; headers: ${list(p.details?.headers)}`,
  'ambiguous-dates': (p) =>
    `${p.file}: dates in "${p.column}" such as "${p.value}" read both as day/month and month/day; say which with --date-format dd/mm/yyyy or --date-format mm/dd/yyyy`,
  'unknown-date-format': (p) =>
    `${p.file}: cannot read the dates in "${p.column}" (e.g. "${p.value}"); use --date-format (dd.mm.yyyy, dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd, yyyymmdd, serial)`,
  'bad-row': (p) =>
    p.details?.kind === 'client'
      ? `${where(p)}no client in "${p.column}"`
      : `${where(p)}unreadable ${String(p.details?.kind ?? 'value')} in "${p.column}": "${p.value}"`,
  'no-profit-column': () => 'the ledger has no profit column, so --by profit cannot be used; map one with --map profit=HEADER',
  'no-quantity-column': () => 'the ledger has no quantity column, so --by quantity cannot be used; map one with --map quantity=HEADER',
  'empty-window': (p) =>
    `the ledger (${String(p.details?.from)} … ${String(p.details?.to)}) holds no complete ${String(p.details?.period)}; use --include-partial, a shorter --period, or --from/--to`,
  'output-unwritable': (p) => `${p.file}: cannot write the output${p.value !== undefined ? ` (${p.value})` : ''}`,
  'output-is-input': (p) => `${p.file}: that is an input ledger${p.value !== undefined && p.value !== p.file ? ` (${p.value})` : ''}; kam never writes over its input: choose another name for -o`,
  'rows-skipped': (p) =>
    `${String(p.details?.total)} rows skipped: ${String(p.details?.noClient)} without a client, ${String(p.details?.badDate)} with an unreadable date, ${String(p.details?.badNumber)} with an unreadable number`,
  'partial-period-dropped': (p) =>
    `${p.details?.edge === 'leading' ? 'first' : 'last'} period ${p.value} is only partly covered (${String(p.details?.from)} … ${String(p.details?.to)}) and is left out; --include-partial keeps it`,
  'partial-period-kept': (p) =>
    `${p.details?.edge === 'leading' ? 'first' : 'last'} period ${p.value} is only partly covered (${String(p.details?.from)} … ${String(p.details?.to)}) and is kept (--include-partial)`,
  'window-capped': (p) => `--to ${p.value} lies past the as-of date ${String(p.details?.asOf)}: the window stops at the as-of date's period (later periods hold no rows)`,
  'xyz-degenerate': (p) => {
    const tries = [
      p.details?.suggestedCutoffs !== undefined ? `--xyz ${String(p.details.suggestedCutoffs)}` : '',
      p.details?.suggestedPeriod !== undefined ? `--period ${String(p.details.suggestedPeriod)}` : '',
    ].filter((t) => t !== '');
    return `${String(p.details?.count)} of ${String(p.details?.classed)} clients are ${p.value}: the XYZ split says little${tries.length > 0 ? `; try ${tries.join(' or ')}` : ''}`;
  },
  'no-positive-clients': () => 'no client has a positive total in the window: every client is C',
  'rows-after-as-of': (p) => `${String(p.details?.days)} client-days after the as-of date are ignored`,
  'bgnbd-not-fitted': (p) =>
    p.value === 'no-convergence'
      ? `the BG/NBD fit over ${String(p.details?.clients)} clients stopped short of a maximum (the likelihood keeps rising towards a boundary, e.g. every client dropping out at the same rate): P(alive) uses the best parameters found`
      : p.value === 'no-fit'
        ? `the BG/NBD fit over ${String(p.details?.clients)} clients found no usable parameters: P(alive) is left empty`
      : p.value === 'no-repeat-purchases'
        ? `no client bought on more than one day: BG/NBD cannot be fitted and P(alive) is left empty`
        : `BG/NBD needs at least ${String(p.details?.needed)} clients with a purchase, the ledger has ${String(p.details?.clients)}: P(alive) is left empty`,
  'lost-key-clients': (p) => `${String(p.details?.count)} key client${p.details?.count === 1 ? ' is' : 's are'} lost: ${list(p.details?.clients)} (--fail-on lost-key)`,
  'client-not-found': (p) => {
    const near = (p.details?.suggestions as readonly string[] | undefined) ?? [];
    return `no client named "${p.value ?? ''}" in the ledger${near.length > 0 ? `; did you mean ${list(near)}?` : '; no client has a similar name'}`;
  },
  'attributes-no-client-column': (p) => `${p.file}: no client column in the attributes file; headers: ${list(p.details?.headers)}; name it "client"`,
  'attributes-unmatched': (p) => {
    const names = (p.details?.names as readonly string[] | undefined) ?? [];
    const shown = names.slice(0, 20);
    const more = names.length > shown.length ? ` and ${names.length - shown.length} more` : '';
    return `${p.file}: ${names.length} name${names.length === 1 ? ' matches' : 's match'} no client of the ledger (case and spaces ignored): ${list(shown)}${more}`;
  },
  'attributes-bad-value': (p) =>
    `${p.file}: ${String(p.details?.count)} value${p.details?.count === 1 ? '' : 's'} in need/can_pay/authority read as neither yes nor no, left empty (first: line ${String(p.line)}, ${p.column ?? ''} "${p.value ?? ''}")`,
  'attributes-computed-tag': (p) => `${p.file}: tags that kam computes from the ledger are ignored in the attributes file: ${list(p.details?.tags)}`,
  'compare-outside-ledger': (p) =>
    p.value === 'before'
      ? `the comparison window ${String(p.details?.from)} … ${String(p.details?.to)} lies before the ledger (first date ${String(p.details?.ledgerFrom)}): every client is new`
      : `the comparison window ${String(p.details?.from)} … ${String(p.details?.to)} starts before the ledger (first date ${String(p.details?.ledgerFrom)}): its classes rest on part of it`,
};

export function renderProblem(problem: Problem): string {
  return MESSAGES[problem.code](problem);
}
