// Everything kam says about one ledger, assembled once (the shape of changesets'
// assembleReleasePlan): the finished ledger, the settings and the attributes in, one immutable
// Report out. Commands assemble it; reporters (terminal, CSV/JSON, workbook sheets, lost, alive,
// client outputs) only read it and never call a rule of the core again.
//
// Order: the window analysis (SPEC §2–6) → tags and the key share recomputed with them (SPEC §5,
// §7) → the earlier window and the migration, which needs the tags (--compare, SPEC §7) → the
// lost report, the win-back list and churn (SPEC §6), the key clients' cards (SPEC §8) and the
// expected revenue (SPEC §6), made on first read: a command that does not show them never pays for them.
import { analyzeLedger, type Analysis } from './analyze.js';
import { periodSeriesOf, type PeriodSeries } from './period-series.js';
import { compareWindows, type CompareSpec, type Migration } from './compare.js';
import { buildDossier, findClient, keyClientDossiers, type Dossier } from './dossier.js';
import { revenueAhead, valueOfLedger, type RevenueAhead, type ValueAssessment } from './expected-revenue.js';
import type { Ledger } from './ledger.js';
import { revenueBridge, type RevenueBridge } from './bridge.js';
import { portfolios, type Portfolios } from './portfolio.js';
import type { Problem } from './problems.js';
import { applySegments, type ClientAttributes, type SegmentSummary } from './segments.js';
import type { AnalysisSettings } from './settings.js';
import type { SpendFitting } from './spend.js';
import { lostKeyClients, lostReport, type LostReport } from './win-back.js';

export interface ReportInput {
  /** A finished ledger (finishLedger): reading ends with it. */
  ledger: Ledger;
  settings: AnalysisSettings;
  /** --clients FILE, read. */
  attributes?: ClientAttributes | undefined;
  /** --compare: the earlier window. */
  compare?: CompareSpec | undefined;
  /** Where the spend model's fit runs when not here (a worker thread, beside the analysis). */
  spend?: SpendFitting | undefined;
}

export interface Report {
  readonly ledger: Ledger;
  readonly settings: AnalysisSettings;
  /** The amounts' currency (ISO code): the ledger's marks or --currency; null when nothing names one. */
  readonly currency: string | null;
  /** The window's analysis with every client tagged and the key share counted with the tags. */
  readonly analysis: Analysis;
  /** Every client's metric per window period, in the order of analysis.clients (SPEC §4); made on first read. */
  readonly series: PeriodSeries;
  /** The tags' counts and thresholds (SPEC §7). */
  readonly segments: SegmentSummary;
  /** The earlier window and the migration (--compare); null without it. */
  readonly migration: Migration | null;
  /** Every note of the run's analysis: the window's, the attributes file's, the comparison's. */
  readonly notes: readonly Problem[];
  /** Key clients whose status is lost, in ranking order (`--fail-on lost-key`). */
  readonly lostKeys: readonly string[];
  /** The win-back list, churn per period and per direction (SPEC §6); made on first read. */
  readonly lost: LostReport;
  /** The card of every key client (SPEC §8, the Dossiers sheet); made on first read. */
  readonly keyDossiers: readonly Dossier[];
  /** The revenue bridge of the window, per direction value too when the ledger has a direction column (SPEC §11). Made on first read. */
  readonly bridge: RevenueBridge;
  /** Portfolios by the ledger's direction column (SPEC §11); null without one. Made on first read. */
  readonly portfolios: Portfolios | null;
  /** The card of one client; exits 1 with the nearest names when NAME is not a client. */
  dossier(name: string): Dossier;
  /** Expected purchases, spend and revenue of every client over the horizon (SPEC §6); made on first read. */
  readonly value: ValueAssessment;
  /** The revenue expected over the horizon from the key clients and the win-back list; made on first read. */
  readonly revenueAhead: RevenueAhead;
}

/** Memoises a pure computation of the report, so each part is made at most once. */
function once<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}

export function assembleReport(input: ReportInput): Report {
  const { ledger, settings } = input;
  const tagged = applySegments(analyzeLedger(ledger, settings, { spend: input.spend }), ledger, input.attributes);
  const analysis = tagged.analysis;
  const migration = input.compare === undefined ? null : compareWindows(ledger, analysis, input.compare);
  const notes = migration === null ? analysis.notes : [...analysis.notes, ...migration.notes];
  const value = once(() =>
    valueOfLedger(ledger, analysis.window.asOf, { horizonWeeks: settings.horizonWeeks, annualDiscount: settings.annualDiscount }, analysis.lost.alive, input.spend),
  );
  const source = { ledger, analysis, segments: tagged.segments, migration, expectedValue: value };
  const lost = once(() => lostReport(analysis));
  const ahead = once(() =>
    revenueAhead(
      value(),
      analysis.clients.filter((c) => c.tags.includes('key')).map((c) => c.client),
      lost().winBack,
    ),
  );
  const series = once(() => periodSeriesOf(ledger, analysis));
  const keyDossiers = once(() => keyClientDossiers(source));
  const bridge = once(() => revenueBridge(ledger, analysis.window, { byDirection: ledger.columns.direction }));
  const byDirection = once(() => (ledger.columns.direction ? portfolios(ledger, analysis, bridge()) : null));
  return Object.freeze({
    ledger,
    settings,
    currency: ledger.currency?.code ?? null,
    analysis,
    get series() {
      return series();
    },
    segments: tagged.segments,
    migration,
    notes,
    lostKeys: lostKeyClients(analysis),
    get lost() {
      return lost();
    },
    get keyDossiers() {
      return keyDossiers();
    },
    get bridge() {
      return bridge();
    },
    get portfolios() {
      return byDirection();
    },
    dossier: (name: string) => buildDossier(source, findClient(ledger, name)),
    get value() {
      return value();
    },
    get revenueAhead() {
      return ahead();
    },
  });
}
