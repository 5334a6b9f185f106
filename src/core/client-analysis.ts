// What the analysis says of one client (ClientAnalysis), and how a window's clients are kept: as
// columns. An object of 25 fields per client, ten of them doubles V8 boxes one by one, cost ~400
// bytes; a million clients, ~400 MB. Here each figure is one slot of a column (a typed array),
// the classes and status a few bits, and `analysis.clients` holds one small view per client (a
// table and a row) whose getters read the columns: readers see the same ClientAnalysis.
import type { AbcClass } from './abc.js';
import type { ClientStatus } from './lost.js';
import type { CellName } from './matrix.js';
import type { XyzClass, XyzGap } from './xyz.js';

export type ClientFlag = 'non-positive-total' | XyzGap;

export interface ClientAnalysis {
  readonly client: string;
  readonly abc: AbcClass;
  readonly xyz: XyzClass | null;
  readonly cell: CellName;
  /** The ABC metric summed over the window. */
  readonly total: number;
  readonly share: number | null;
  readonly cumShare: number | null;
  readonly rank: number | null;
  readonly cv: number | null;
  /** Window periods with at least one purchase. */
  readonly activePeriods: number;
  /** Purchases in the window: distinct documents, or distinct purchase days without a document column. */
  readonly purchases: number;
  readonly purchasesCv: number | null;
  readonly revenue: number;
  readonly profit: number | null;
  readonly quantity: number | null;
  /**
   * The window period where the XYZ series starts: the client's metric per period
   * (metricSeriesOf, zeros included) is judged from this index on. The series itself is not
   * kept: at a million clients it was a fifth of the analysis (Report.series has them all).
   */
  readonly seriesStart: number;
  // Recency over all history up to the as-of day (SPEC §6); null for a client with no purchase day.
  readonly firstPurchase: number | null;
  readonly lastPurchase: number | null;
  readonly recencyDays: number | null;
  readonly usualIntervalDays: number | null;
  readonly status: ClientStatus | null;
  readonly pAlive: number | null;
  /** Among the top clients making up --key-share of the metric (SPEC §5), bounded like class A. */
  readonly keyTop: boolean;
  readonly tags: readonly string[];
  readonly flags: readonly ClientFlag[];
}

// The numeric figures, in their column order; the first NULLABLE of them may be null.
const NUMBERS = [
  'share',
  'cumShare',
  'rank',
  'cv',
  'purchasesCv',
  'profit',
  'quantity',
  'firstPurchase',
  'lastPurchase',
  'recencyDays',
  'usualIntervalDays',
  'pAlive',
  'total',
  'activePeriods',
  'purchases',
  'revenue',
  'seriesStart',
] as const;
type NumberField = (typeof NUMBERS)[number];
const NULLABLE = 12;
const STRIDE = NUMBERS.length;
const AT = Object.fromEntries(NUMBERS.map((name, i) => [name, i])) as Record<NumberField, number>;

// Classes, status and flags as small codes, packed in one byte a client.
const ABC: readonly AbcClass[] = ['A', 'B', 'C'];
const XYZ: readonly (XyzClass | null)[] = [null, 'X', 'Y', 'Z'];
const STATUS: readonly (ClientStatus | null)[] = [null, 'active', 'at-risk', 'lost'];
const GAPS: readonly (XyzGap | null)[] = [null, 'too-new', 'no-net-purchases'];
const CELLS: readonly CellName[] = ABC.flatMap((abc) => XYZ.map((xyz) => `${abc}${xyz ?? '-'}` as CellName));
/** Every possible flag list, frozen and shared: [non-positive-total?][gap]. */
const FLAG_LISTS: readonly (readonly ClientFlag[])[] = [false, true].flatMap((nonPositive) =>
  GAPS.map((gap) => Object.freeze([...(nonPositive ? (['non-positive-total'] as const) : []), ...(gap === null ? [] : [gap])])),
);

function codeOf<T>(values: readonly T[], value: T, what: string): number {
  const code = values.indexOf(value);
  if (code < 0) throw new Error(`client analysis: unknown ${what} ${String(value)}`);
  return code;
}

/** The flags as [non-positive-total?, gap]: their only order (analyzeLedger's). */
function flagsCode(flags: readonly ClientFlag[]): number {
  const nonPositive = flags[0] === 'non-positive-total';
  const gap = (nonPositive ? flags[1] : flags[0]) ?? null;
  if (flags.length !== (nonPositive ? 1 : 0) + (gap === null ? 0 : 1)) throw new Error(`client analysis: flags out of order: ${flags.join(';')}`);
  return (nonPositive ? GAPS.length : 0) + codeOf(GAPS, gap as XyzGap | null, 'flag');
}

/** The columns of a window's clients, in ranking order. */
export class ClientTable {
  readonly size: number;
  readonly #names: string[];
  readonly #numbers: Float64Array;
  /** Bit k set: NUMBERS[k] is null. */
  readonly #nulls: Uint16Array;
  /** abc | xyz << 2 | status << 4 | keyTop << 6. */
  readonly #classes: Uint8Array;
  readonly #flags: Uint8Array;
  readonly #tags: (readonly string[])[];

  private constructor(size: number, parts?: ClientTable) {
    this.size = size;
    this.#names = parts === undefined ? new Array<string>(size) : parts.#names;
    this.#numbers = parts === undefined ? new Float64Array(size * STRIDE) : parts.#numbers;
    this.#nulls = parts === undefined ? new Uint16Array(size) : parts.#nulls;
    this.#classes = parts === undefined ? new Uint8Array(size) : parts.#classes;
    this.#flags = parts === undefined ? new Uint8Array(size) : parts.#flags;
    this.#tags = new Array<readonly string[]>(size);
  }

  /** A table of `size` clients, the i-th given by clientAt(i) (a plain object made for the call, or a view). */
  static of(size: number, clientAt: (i: number) => ClientAnalysis): ClientTable {
    const table = new ClientTable(size);
    for (let i = 0; i < size; i++) table.#set(i, clientAt(i));
    return table;
  }

  /**
   * A table of the clients `fill` adds, in order (at most `capacity`): a table made while a pass
   * over the ledger finds its clients one by one.
   */
  static build(capacity: number, fill: (add: (c: ClientAnalysis) => void) => void): ClientTable {
    const table = new ClientTable(capacity);
    let size = 0;
    fill((c) => {
      if (size === capacity) throw new Error(`client analysis: more than ${capacity} clients`);
      table.#set(size++, c);
    });
    if (size === capacity) return table;
    const exact = new ClientTable(size, table);
    for (let i = 0; i < size; i++) exact.#tags[i] = table.#tags[i]!;
    return exact;
  }

  /** Client i as a view (one made for the call). */
  row(i: number): ClientAnalysis {
    return new AnalysedClient(this, i);
  }

  /** The same clients with other tags (one list per client, in table order); lists alike are kept once. */
  withTags(tags: readonly (readonly string[])[]): ClientTable {
    if (tags.length !== this.size) throw new Error(`client analysis: ${tags.length} tag lists for ${this.size} clients`);
    const table = new ClientTable(this.size, this);
    const shared = new Map<string, readonly string[]>();
    tags.forEach((list, i) => {
      const key = list.join('\u0000');
      let kept = shared.get(key);
      if (kept === undefined) shared.set(key, (kept = Object.freeze([...list])));
      table.#tags[i] = kept;
    });
    return table;
  }

  /** One view per client, in table order: what `analysis.clients` holds. */
  clients(): ClientAnalysis[] {
    const out = new Array<ClientAnalysis>(this.size);
    for (let i = 0; i < this.size; i++) out[i] = new AnalysedClient(this, i);
    return out;
  }

  #set(i: number, c: ClientAnalysis): void {
    this.#names[i] = c.client;
    let nulls = 0;
    const base = i * STRIDE;
    for (let k = 0; k < STRIDE; k++) {
      const value = c[NUMBERS[k]!];
      if (value === null) {
        if (k >= NULLABLE) throw new Error(`client analysis: ${NUMBERS[k]} of ${c.client} is null`);
        nulls |= 1 << k;
      } else this.#numbers[base + k] = value;
    }
    this.#nulls[i] = nulls;
    this.#classes[i] = codeOf(ABC, c.abc, 'ABC class') | (codeOf(XYZ, c.xyz, 'XYZ class') << 2) | (codeOf(STATUS, c.status, 'status') << 4) | (c.keyTop ? 64 : 0);
    this.#flags[i] = flagsCode(c.flags);
    this.#tags[i] = c.tags.length === 0 ? NO_TAGS : c.tags;
  }

  name(i: number): string {
    return this.#names[i]!;
  }

  number(i: number, field: NumberField): number | null {
    const k = AT[field];
    return (this.#nulls[i]! & (1 << k)) !== 0 ? null : this.#numbers[i * STRIDE + k]!;
  }

  classes(i: number): number {
    return this.#classes[i]!;
  }

  flags(i: number): readonly ClientFlag[] {
    return FLAG_LISTS[this.#flags[i]!]!;
  }

  tags(i: number): readonly string[] {
    return this.#tags[i]!;
  }
}

/** Empty tags: one frozen list shared by every client without any. */
export const NO_TAGS: readonly string[] = Object.freeze([]);

/** One client of a ClientTable, read through getters (a table and a row: 40 bytes). */
class AnalysedClient implements ClientAnalysis {
  readonly #table: ClientTable;
  readonly #row: number;

  constructor(table: ClientTable, row: number) {
    this.#table = table;
    this.#row = row;
  }

  get client(): string {
    return this.#table.name(this.#row);
  }
  get abc(): AbcClass {
    return ABC[this.#table.classes(this.#row) & 3]!;
  }
  get xyz(): XyzClass | null {
    return XYZ[(this.#table.classes(this.#row) >> 2) & 3]!;
  }
  get cell(): CellName {
    const classes = this.#table.classes(this.#row);
    return CELLS[(classes & 3) * XYZ.length + ((classes >> 2) & 3)]!;
  }
  get status(): ClientStatus | null {
    return STATUS[(this.#table.classes(this.#row) >> 4) & 3]!;
  }
  get keyTop(): boolean {
    return (this.#table.classes(this.#row) & 64) !== 0;
  }
  get tags(): readonly string[] {
    return this.#table.tags(this.#row);
  }
  get flags(): readonly ClientFlag[] {
    return this.#table.flags(this.#row);
  }
  get total(): number {
    return this.#table.number(this.#row, 'total')!;
  }
  get share(): number | null {
    return this.#table.number(this.#row, 'share');
  }
  get cumShare(): number | null {
    return this.#table.number(this.#row, 'cumShare');
  }
  get rank(): number | null {
    return this.#table.number(this.#row, 'rank');
  }
  get cv(): number | null {
    return this.#table.number(this.#row, 'cv');
  }
  get activePeriods(): number {
    return this.#table.number(this.#row, 'activePeriods')!;
  }
  get purchases(): number {
    return this.#table.number(this.#row, 'purchases')!;
  }
  get purchasesCv(): number | null {
    return this.#table.number(this.#row, 'purchasesCv');
  }
  get revenue(): number {
    return this.#table.number(this.#row, 'revenue')!;
  }
  get profit(): number | null {
    return this.#table.number(this.#row, 'profit');
  }
  get quantity(): number | null {
    return this.#table.number(this.#row, 'quantity');
  }
  get seriesStart(): number {
    return this.#table.number(this.#row, 'seriesStart')!;
  }
  get firstPurchase(): number | null {
    return this.#table.number(this.#row, 'firstPurchase');
  }
  get lastPurchase(): number | null {
    return this.#table.number(this.#row, 'lastPurchase');
  }
  get recencyDays(): number | null {
    return this.#table.number(this.#row, 'recencyDays');
  }
  get usualIntervalDays(): number | null {
    return this.#table.number(this.#row, 'usualIntervalDays');
  }
  get pAlive(): number | null {
    return this.#table.number(this.#row, 'pAlive');
  }

  /** Plain data (JSON.stringify, test output): every field, in the interface's order. */
  toJSON(): ClientAnalysis {
    return plainClient(this);
  }

  /** The table `clients` are the rows of, in order, if they are; undefined otherwise. */
  static tableOf(clients: readonly ClientAnalysis[]): ClientTable | undefined {
    const first = clients[0];
    if (!(first instanceof AnalysedClient)) return undefined;
    const table = first.#table;
    return table.size === clients.length && clients.every((c, i) => c instanceof AnalysedClient && c.#table === table && c.#row === i) ? table : undefined;
  }
}

/** A client's analysis as a plain object (every field), whatever holds it. */
export function plainClient(c: ClientAnalysis): ClientAnalysis {
  return {
    client: c.client,
    abc: c.abc,
    xyz: c.xyz,
    cell: c.cell,
    total: c.total,
    share: c.share,
    cumShare: c.cumShare,
    rank: c.rank,
    cv: c.cv,
    activePeriods: c.activePeriods,
    purchases: c.purchases,
    purchasesCv: c.purchasesCv,
    revenue: c.revenue,
    profit: c.profit,
    quantity: c.quantity,
    seriesStart: c.seriesStart,
    firstPurchase: c.firstPurchase,
    lastPurchase: c.lastPurchase,
    recencyDays: c.recencyDays,
    usualIntervalDays: c.usualIntervalDays,
    status: c.status,
    pAlive: c.pAlive,
    keyTop: c.keyTop,
    tags: c.tags,
    flags: c.flags,
  };
}

/** The window's clients with new tags (one list per client, in order): views of a table again. */
export function withTags(clients: readonly ClientAnalysis[], tags: readonly (readonly string[])[]): ClientAnalysis[] {
  const table = AnalysedClient.tableOf(clients) ?? ClientTable.of(clients.length, (i) => clients[i]!);
  return table.withTags(tags).clients();
}
