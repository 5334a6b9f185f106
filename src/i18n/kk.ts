// Қазақша каталог. Кілттерді ағылшын каталогы (en.ts) анықтайды: Messages типі бірде-бір кілтті
// өткізіп алуға жол бермейді. Терминдер: негізгі клиенттер, асыраушы, перспективалы, имидж
// жасаушы, сарапшы, жоғалған клиент, тәуекел аймағындағы клиент; ABC және XYZ топтары, вариация
// коэффициенті (ВК). Сандар — 1 234 567,89 (үзілмейтін бос орын), күндер — кк.аа.жжжж.
import type { CellName } from '../core/matrix.js';
import type { PeriodKind } from '../core/periods.js';
import type { FileReason, Problem, Severity, SheetSkipReason } from '../core/problems.js';
import type { AbcBoundary, AbcMetric, SdKind, XyzStart } from '../core/settings.js';
import type { WinBackAction } from '../core/win-back.js';
import { makeHuman } from './human.js';
import type { ColumnTextContext, Messages, RowCounts, UsageParams } from './en.js';
import { capitalise, filePrefix, parsePeriodLabel, wherePrefix, word, type Wording } from './helpers.js';

const h = makeHuman({ group: '\u00a0', decimal: ',', dates: 'dmy' });
const pct = (x: number): string => h.number(Math.round(x * 1000) / 10);
const n0 = (v: string): string => (/^-?\d+(\.\d+)?$/.test(v) ? h.number(Number(v)) : v);
const names = (value: unknown): string => (Array.isArray(value) ? value.map((v) => `«${String(v)}»`).join(', ') : String(value ?? ''));

// ABC көрсеткіші.
const METRIC = { revenue: 'түсім', profit: 'пайда', quantity: 'саны' } satisfies Record<AbcMetric, string>;
const METRIC_TITLE = { revenue: 'Түсім', profit: 'Пайда', quantity: 'Саны' } satisfies Record<AbcMetric, string>;
const METRIC_GEN = { revenue: 'түсімнің', profit: 'пайданың', quantity: 'санының' } satisfies Record<AbcMetric, string>;
const METRIC_BY = { revenue: 'түсім бойынша', profit: 'пайда бойынша', quantity: 'саны бойынша' } satisfies Record<AbcMetric, string>;
// Кезеңдер.
const PERIOD = { month: 'ай', quarter: 'тоқсан', week: 'апта' } satisfies Record<PeriodKind, string>;
const PERIOD_TITLE = { month: 'Ай', quarter: 'Тоқсан', week: 'Апта' } satisfies Record<PeriodKind, string>;
const PERIOD_PL = { month: 'айлар', quarter: 'тоқсандар', week: 'апталар' } satisfies Record<PeriodKind, string>;
const PERIOD_PL_TITLE = { month: 'Айлар', quarter: 'Тоқсандар', week: 'Апталар' } satisfies Record<PeriodKind, string>;
const PERIOD_BY = { month: 'айлар бойынша', quarter: 'тоқсандар бойынша', week: 'апталар бойынша' } satisfies Record<PeriodKind, string>;
const PERIOD_BY_TITLE = { month: 'Айлар бойынша', quarter: 'Тоқсандар бойынша', week: 'Апталар бойынша' } satisfies Record<PeriodKind, string>;
const PERIOD_ADJ = { month: 'айлық', quarter: 'тоқсандық', week: 'апталық' } satisfies Record<PeriodKind, string>;
const FIRST_PERIOD = { month: 'алғашқы айынан', quarter: 'алғашқы тоқсанынан', week: 'алғашқы аптасынан' } satisfies Record<PeriodKind, string>;
const EACH_PERIOD = { month: 'әр айға', quarter: 'әр тоқсанға', week: 'әр аптаға' } satisfies Record<PeriodKind, string>;
const IN_EACH_PERIOD = { month: 'әр айындағы', quarter: 'әр тоқсанындағы', week: 'әр аптасындағы' } satisfies Record<PeriodKind, string>;
const PERIOD_END = { month: 'Ай соңында', quarter: 'Тоқсан соңында', week: 'Апта соңында' } satisfies Record<PeriodKind, string>;

/** 2026-03 → 03.2026; 2026-Q1 → 1-тоқсан 2026; 2026-03-02 → 02.03.2026. */
function period(label: string): string {
  const p = parsePeriodLabel(label);
  if (p === null) return label;
  if (p.kind === 'month') return `${p.m}.${p.y}`;
  if (p.kind === 'quarter') return `${p.q}-тоқсан ${p.y}`;
  return `${p.d}.${p.m}.${p.y}`;
}

const DATE_FORMAT: Record<string, string> = {
  iso: 'ЖЖЖЖ-АА-КК',
  dmy: 'КК.АА.ЖЖЖЖ',
  mdy: 'АА/КК/ЖЖЖЖ',
  ymd: 'ЖЖЖЖ.АА.КК',
  yyyymmdd: 'ЖЖЖЖААКК',
  'excel-serial': 'Excel күн сандары',
};

const ROLE = {
  client: 'клиент',
  date: 'күні',
  amount: 'сома',
  quantity: 'саны',
  price: 'баға',
  profit: 'пайда',
  document: 'құжат',
  product: 'тауар',
  direction: 'бағыт',
} as Record<string, string>;

const ROLE_HINT: Record<string, string> = {
  client: '--map client=ТАҚЫРЫП',
  date: '--map date=ТАҚЫРЫП',
  amount: '--map amount=ТАҚЫРЫП (немесе --map quantity=… және --map price=…)',
};

/** Файлды неге оқу не жазу мүмкін емес. */
const fileReason = {
  'folder-not-file': () => 'бұл файл емес, қалта',
  'permission-denied': () => 'рұқсат жоқ',
  'path-not-folder': () => 'жолдың бір бөлігі қалта емес',
  'symlink-loop': () => 'символдық сілтемелер тым көп',
  'name-too-long': () => 'атауы тым ұзын',
  'io-error': () => 'енгізу-шығару қатесі',
  'too-many-open-files': () => 'ашық файлдар тым көп',
  'xls-workbook': () => 'Excel 97-2003 (.xls) кітабы немесе құпиясөзбен қорғалған кітап: оны құпиясөзсіз .xlsx немесе CSV ретінде сақтаңыз',
  'ods-file': () => 'OpenDocument файлы (.ods), .xlsx кітабы емес: оны .xlsx немесе CSV ретінде сақтаңыз',
  'zip-not-xlsx': () => 'zip мұрағаты, бірақ .xlsx кітабы емес: онда парақтар жоқ',
  'xlsb-workbook': () => 'Excel екілік кітабы (.xlsb), .xlsx кітабы емес: оны .xlsx немесе CSV ретінде сақтаңыз',
  'zip-encrypted': () => 'бөліктері шифрланған zip мұрағаты: кітапты құпиясөзсіз сақтаңыз',
  'zip-method': () => 'deflate әдісімен емес сығылған zip мұрағаты: кітапты .xlsx ретінде қайта сақтаңыз',
  'csv-quote-not-closed': (r) => `тырнақша жабылмаған: файл ${r.line}-жолда ашылған тырнақшадағы өрістің ішінде аяқталады`,
  'csv-syntax': (r) => `CSV синтаксис қатесі ${r.csvCode}: ${r.line}-жол${r.column !== undefined ? `, ${r.column}-өріс` : ''}`,
  'is-folder': () => 'бұл қалта',
  'not-regular-file': () => 'бұл кәдімгі файл емес',
  'read-only-file': () => 'файл тек оқуға арналған',
  'read-only-file-system': () => 'тек оқуға арналған файлдық жүйе',
  'no-space': () => 'құрылғыда орын жоқ',
  'quota-exceeded': () => 'диск квотасы асып кетті',
  'file-in-use': () => 'файл басқа бағдарламада ашық болуы мүмкін',
  'no-folder': (r) => `${r.folder} қалтасы жоқ`,
  'folder-path-not-folder': (r) => `${r.folder} жолының бір бөлігі қалта емес`,
  'not-a-folder': (r) => `${r.folder} — қалта емес`,
  system: (r) => r.text,
} satisfies Wording<FileReason>;

/** Парақ неге өткізілді. */
const sheetSkipReason = {
  'no-header': () => 'белгілі баған атаулары бар тақырып жолы жоқ',
  'no-rows': () => 'тақырып бар, жолдар жоқ',
  'missing-column': (r) => `баған жоқ: ${r.roles.map((role) => ROLE[role] ?? role).join(', ')}`,
  'unknown-mapped-column': (r) => `--map ${r.role} үшін «${r.column}» бағаны жоқ`,
} satisfies Wording<SheetSkipReason>;

const because = (reason: FileReason | undefined): string => (reason === undefined ? '' : ` (${word(fileReason, reason)})`);

/** "sales.xlsx, sheet \"Jan\"" → "sales.xlsx, «Jan» парағы". */
function place(file: string): string {
  const m = /^(.*), sheet "(.*)"$/.exec(file);
  return m === null ? file : `${m[1]}, «${m[2]}» парағы`;
}

const configTypes = {
  string: 'жол',
  number: 'сан',
  boolean: 'true немесе false',
  cutoffs: 'екі пайыз: "80,95" немесе [80, 95]',
  map: 'рөл: "Тақырып" нысаны, мысалы {"client": "Контрагент"}, немесе "рөл=Тақырып" тізімі',
  list: 'жол немесе жолдар тізімі',
  section: 'сол команданың баптаулары бар нысан',
};

const allowed = (p: UsageParams): string => (p.allowed ?? []).join(', ');

const usage = {
  memory: (p: UsageParams) => `--memory 500MB немесе 2GB сияқты өлшемді қабылдайды, «${p.value}» емес`,
  sqlRoles: (p: UsageParams) =>
    `kam sql үшін ${p.value} рөлдерінің бағаны керек: ${(p.allowed ?? []).map((r) => (r === 'amount' ? '--map amount=БАҒАН (немесе --map quantity=… және --map price=…)' : `--map ${r}=БАҒАН`)).join(', ')}`,
  aggregateOutput: (p: UsageParams) => `${p.flag} .csv немесе .parquet файлын қабылдайды, «${p.value}» емес`,
  tableOrQuery: (_p: UsageParams) => '--table немесе --query беріңіз, екеуін бірге емес',
  oneOf: (p: UsageParams) => `${p.flag}: ${allowed(p)} мәндерінің бірі болуы керек, «${p.value}» емес`,
  positiveNumber: (p: UsageParams) => `${p.flag} оң сан болуы керек, «${p.value}» емес`,
  wholeNumber: (p: UsageParams) => `${p.flag} бүтін сан болуы керек, «${p.value}» емес`,
  cutoffs: (p: UsageParams) => `${p.flag} өсетін екі пайызды қабылдайды, мысалы ${p.example}, «${p.value}» емес`,
  date: (p: UsageParams) => `${p.flag} күнді ЖЖЖЖ-АА-КК, КК.АА.ЖЖЖЖ немесе today түрінде қабылдайды, «${p.value}» емес`,
  toBeforeFrom: (_p: UsageParams) => '--to күні --from күнінен бұрын',
  percentMax: (p: UsageParams) => `${p.flag} — 100-ден аспайтын пайыз, «${p.value}» емес`,
  map: (p: UsageParams) => `--map рөл=Тақырып түрін қабылдайды, рөл — ${allowed(p)} бірі, «${p.value}» емес`,
  encoding: (p: UsageParams) => `--encoding: utf8 немесе windows-1251, «${p.value}» емес`,
  delimiter: (p: UsageParams) => `--delimiter: , ; tab | бірі, «${p.value}» емес`,
  decimal: (p: UsageParams) => `--decimal: «.» немесе «,», «${p.value}» емес`,
  currency: (p: UsageParams) => `--currency: үш әріпті код, мысалы KZT, RUB немесе USD (не ₸, тг, руб, $, €), «${p.value}» емес`,
  dateFormat: (p: UsageParams) => `--date-format: dd.mm.yyyy, dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd, yyyymmdd, serial бірі, «${p.value}» емес`,
  stdinOnce: (_p: UsageParams) => 'стандартты кірісті (-) тек бір рет оқуға болады',
  noLedger: (_p: UsageParams) => 'журнал берілмеген (ФАЙЛ… көрсетіңіз немесе оны құбыр арқылы беріңіз)',
  top: (p: UsageParams) => `--top 0-ден үлкен бүтін сан болуы керек, «${p.value}» емес`,
  failOn: (p: UsageParams) => `--fail-on ${allowed(p)} қабылдайды, «${p.value}» емес`,
  compare: (p: UsageParams) => `--compare previous немесе КҮН1..КҮН2 қабылдайды, мысалы 2024-01-01..2024-06-30, «${p.value}» емес`,
  compareOrder: (p: UsageParams) => `--compare ${p.value}: соңы басынан бұрын`,
  horizon: (p: UsageParams) => `--horizon 0-ден үлкен апталар санын қабылдайды (5200-ден аспайтын), «${p.value}» емес`,
  discount: (p: UsageParams) => `--discount 0-ден 1-ге дейінгі жылдық мөлшерлемені қабылдайды, мысалы жылына 10% үшін 0.1, «${p.value}» емес`,
  holdout: (p: UsageParams) => `--holdout ${p.value} тексеру кезеңін қалдырмайды: күн талдау күнінен (${p.example}) бұрын болуы керек`,
  emptyName: (_p: UsageParams) => 'клиенттің АТАУЫ бос (kam client ЖУРНАЛ... АТАУ)',
  splitByOutput: (_p: UsageParams) => '--split-by әр мәнге бір кітап жазады: олардың атауы басталатын -o ФАЙЛ.xlsx беріңіз',
  portfolioBy: (_p: UsageParams) => 'kam portfolio үшін клиенттерді бөлетін баған керек: --by БАҒАН (менеджер, аймақ немесе тауар тобы)',
  stdinBoth: (_p: UsageParams) => 'стандартты кірісте журнал немесе атрибуттар файлы (--clients -) болуы мүмкін, екеуі бірге емес',
  xlsxName: (p: UsageParams) => `-o Excel кітабын жазады: .xlsx деп аяқталатын файл атауын беріңіз, «${p.value}» емес`,
  lang: (p: UsageParams) => `--lang: ${allowed(p)} бірі, «${p.value}» емес`,
  configMissing: (p: UsageParams) => `${p.file}: баптаулар файлы табылмады`,
  configUnreadable: (p: UsageParams) => `${p.file}: баптаулар файлын оқу мүмкін емес (${p.reason ?? ''})`,
  configNotJson: (p: UsageParams) => `${p.file}: баптаулар файлы дұрыс JSON емес (${p.reason})`,
  configNotObject: (p: UsageParams) => `${p.file}: баптаулар файлында баптаулары бар бір JSON нысаны болуы керек, мысалы {"period": "quarter"}`,
  configUnknownKey: (p: UsageParams) =>
    `${p.file}: белгісіз баптау «${p.key}»${p.command === undefined ? '' : ` («${p.command}» бөлімінде)`}; баптаулар — опциялардың ұзын атаулары, мысалы «period», «lostAfter» немесе «lost-after»`,
  configWrongType: (p: UsageParams) => `${p.file}: «${p.key}» ${configTypes[p.expected as keyof typeof configTypes] ?? p.expected} болуы керек, ${p.value} емес`,
  configBadChoice: (p: UsageParams) => `${p.file}: «${p.key}» ${allowed(p)} бірі болуы керек, «${p.value}» емес`,
  configCommand: (p: UsageParams) => `kam config ${allowed(p)} командаларының бірін қабылдайды, «${p.value}» емес`,
  notForCommand: (p: UsageParams) => `${p.flag} — kam ${p.command} опциясы емес`,
  unknownOption: (p: UsageParams) => `белгісіз опция «${p.flag}»${p.example === undefined ? '' : `; ${p.example} болуы мүмкін`} (анықтама: kam --help)`,
  unknownCommand: (p: UsageParams) => `белгісіз команда «${p.value}»${p.example === undefined ? '' : `; ${p.example} болуы мүмкін`} (анықтама: kam --help)`,
  missingArgument: (p: UsageParams) => `міндетті «${p.value}» аргументі берілмеген (анықтама: kam --help)`,
  optionMissingArgument: (p: UsageParams) => `«${p.flag}» опциясының мәні берілмеген (анықтама: kam --help)`,
  excessArguments: (p: UsageParams) => `kam ${p.command} үшін аргументтер тым көп (анықтама: kam --help)`,
  commander: (p: UsageParams) => `${p.value} (анықтама: kam --help)`,
  fromConfig: (p: UsageParams) => ` (${p.file} ішінде «${p.key}» ретінде берілген)`,
};

const date = (day: string): string => h.isoDay(day);
const count = (n: number): string => n0(String(n));

/** Сатып алу моделі шекарада тоқтады: тура айтылады және kam оның орнына не қолданатыны. */
const NOT_SOUND = (params: string): string =>
  `сатып алу моделі бұл журналға сәйкес келмейді: оның бағалауы тұрақтамай, шекараға қарай кетті (${params}), сондықтан kam одан белсенді болу ықтималдығын да, күтілетін сатып алулар мен түсімді де бермейді; оның орнына клиенттерді үнсіздігін әдеттегі аралығымен салыстырып бағалайды (белсенді, тәуекел аймағында, жоғалған: kam lost қараңыз)`;

const problems = {
  'bad-option': (p) => `${p.value ?? ''}${p.details?.hint !== undefined ? ` (${String(p.details.hint)})` : ''}`,
  'input-twice': (p) =>
    `${p.file}: файл екі рет берілген${p.value !== undefined && p.value !== p.file ? ` (${p.value} ретінде де)` : ''}; әр сома екі рет есептелер еді: әр файлды бір рет көрсетіңіз`,
  'duplicate-header': (p) => `${filePrefix(p)}екі бағанның тақырыбы «${p.column}», kam қайсысы керек екенін ажырата алмайды: біреуінің атын өзгертіңіз`,
  'column-two-roles': (p) => `«${p.column}» бағаны екі рөлге берілген (${p.details.roles.join(', ')}): әр рөлге өз бағаны керек`,
  'file-not-found': (p) => `${p.file}: файл табылмады`,
  'file-unreadable': (p) => `${p.file}: оқу мүмкін емес${because(p.details?.reason)}`,
  'file-empty': (p) => `${p.file}: файл бос`,
  'file-binary': (p) => `${p.file}: бұл мәтіндік журнал емес (екілік деректер); CSV, .csv.gz немесе .xlsx файлын беріңіз`,
  'file-truncated': (p) =>
    `${p.file}: ${p.details.format === 'xlsx' ? 'кітап қиылған немесе бүлінген' : 'сығылған файл қиылған немесе бүлінген'}${p.details.part !== undefined ? ` (${p.details.part})` : ''}`,
  'sheet-not-found': (p) => `${p.file}: «${p.value}» парағы жоқ; парақтар: ${names(p.details?.sheets)}`,
  'sheet-read': (p) => `${p.file}: «${p.value}» парағы оқылды`,
  'sheet-skipped': (p) => `${p.file}: «${p.value}» парағы өткізілді: ${word(sheetSkipReason, p.details.reason)}; оқылатын парақтарды --sheet АТАУ арқылы көрсетіңіз`,
  'no-header': (p) =>
    `${p.file}: алғашқы жолдарда белгілі баған атаулары (клиент, күні, сома…) бар тақырып жолы жоқ; бірінші жол: ${names(p.details?.firstRow)}; бағандарды --map рөл=ТАҚЫРЫП арқылы атаңыз`,
  'no-rows': (p) =>
    p.details === undefined
      ? `${filePrefix(p)}журналда тақырып бар, бірақ жолдар жоқ`
      : `${filePrefix(p)}жолдардың (${count(p.details.skipped)}) ешқайсысын оқу мүмкін болмады${p.line !== undefined ? ` (біріншісі: ${p.line}-жол, ${p.details.first === 'client' ? 'клиент жоқ' : p.details.first === 'fields' ? 'өрістері тақырыпқа сәйкес емес' : `«${p.column}»: «${p.value}»`})` : ''}`,
  'missing-column': (p) => {
    const roles = p.details.roles;
    const hints = roles.map((r) => ROLE_HINT[r] ?? `--map ${r}=ТАҚЫРЫП`).join(', ');
    return `${filePrefix(p)}баған табылмады: ${roles.map((r) => ROLE[r] ?? r).join(', ')}; тақырыптар: ${names(p.details?.headers)}; ${hints} қолданыңыз`;
  },
  'unknown-mapped-column': (p) => `${filePrefix(p)}--map ${p.value}="${p.column}": мұндай баған жоқ; тақырыптар: ${names(p.details?.headers)}`,
  'ambiguous-dates': (p) =>
    `${p.file}: «${p.column}» ішіндегі «${p.value}» сияқты күндер күн/ай ретінде де, ай/күн ретінде де оқылады; нақтылаңыз: --date-format dd/mm/yyyy немесе --date-format mm/dd/yyyy`,
  'ambiguous-numbers': (p) =>
    `${p.file}: «${p.column}» ішіндегі «${p.value}» сияқты сандарда «${p.details.point}» ондық белгі ретінде де, мыңдық бөлгіш ретінде де оқылады; нақтылаңыз: --decimal . немесе --decimal ,`,
  'unknown-date-format': (p) =>
    `${p.file}: «${p.column}» ішіндегі күндерді оқу мүмкін емес (мысалы, «${p.value}»); --date-format көрсетіңіз (dd.mm.yyyy, dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd, yyyymmdd, serial)`,
  'bad-row': (p) =>
    p.details?.kind === 'client'
      ? `${wherePrefix(p, 'жол')}«${p.column}» ішінде клиент жоқ`
      : p.details.kind === 'fields'
        ? `${wherePrefix(p, 'жол')}өрістер саны ${p.value}, ал тақырыпта ${p.details.header}; мәндер өз бағандарында емес (артық тырнақша немесе тырнақшасыз атаудың ішіндегі бөлгіш пе?)`
        : p.details.kind === 'far-date'
          ? `${wherePrefix(p, 'жол')}«${p.column}» ішіндегі күн рұқсат етілген аралықтан тыс: «${p.value}» (1900 жылдан бұрын немесе бүгіннен бір жылдан астам кейін)`
          : p.details.kind === 'huge-number'
            ? `${wherePrefix(p, 'жол')}«${p.column}» ішіндегі сан тым үлкен: «${p.value}» (kam сомаларды ±10^13 дейін дәл қосады)`
            : `${wherePrefix(p, 'жол')}«${p.column}» ішінде ${p.details.kind === 'date' ? 'оқылмайтын күн' : p.details.kind === 'value' ? 'оқылмайтын мән' : 'оқылмайтын сан'}: «${p.value}»`,
  'no-profit-column': (_p) => 'журналда пайда бағаны жоқ, сондықтан --by profit қолдануға болмайды; бағанды --map profit=ТАҚЫРЫП арқылы көрсетіңіз',
  'no-quantity-column': (_p) => 'журналда сан бағаны жоқ, сондықтан --by quantity қолдануға болмайды; бағанды --map quantity=ТАҚЫРЫП арқылы көрсетіңіз',
  'empty-window': (p) =>
    `журналда (${date(p.details.from)} … ${date(p.details.to)}) бірде-бір толық ${PERIOD[p.details.period as PeriodKind] ?? p.details.period} жоқ; --include-partial, қысқарақ --period немесе --from/--to қолданыңыз`,
  'history-too-short': (p) =>
    `журналда (${date(p.details.from)} … ${date(p.details.to)}) алдында ${p.details.months} толық ай болатын ${PERIOD[p.details.every]} соңы жоқ; --window мәнін азайтыңыз немесе суреттер қысқарақ аралықтарды алуы үшін --from беріңіз`,
  'output-unwritable': (p) => `${p.file}: нәтижені жазу мүмкін емес${because(p.details.reason)}`,
  'output-is-input': (p) =>
    `${p.file}: бұл кіріс журналы${p.value !== undefined && p.value !== p.file ? ` (${p.value})` : ''}; kam кіріс файлдарын ешқашан қайта жазбайды: -o үшін басқа атау таңдаңыз`,
  'output-failed': (p) => `стандартты шығысқа жазу мүмкін емес${because(p.details.reason)}`,
  'stray-quote': (p) =>
    `${wherePrefix(p, 'жол')}тырнақша өрісті ашып, одан кейінгі жолдарды (${count(p.details.lines)}) қамтып кетеді; артық тырнақша ма? Оны өшіріңіз немесе жабыңыз`,
  'line-too-long': (p) => `${wherePrefix(p, 'жол')}жазба ${p.details.limit} млн таңбадан ұзын: жол ауысуы түсіп қалған ба, әлде тырнақша жабылмаған ба?`,
  'bad-encoding': (p) =>
    `${wherePrefix(p, 'жол')}${p.value} байты ${p.details.encoding} кодтамасында жарамсыз (әртүрлі кодтамадағы экспорттар біріктірілген бе?); файлды бір кодтамада сақтаңыз немесе оны --encoding арқылы көрсетіңіз`,
  'mixed-numbers': (p) =>
    `${p.file}: «${p.column}» ішіндегі сандар «${p.value}» түрінде де, «${p.details.other}» түрінде де жазылған: файлда бір ғана ондық белгі болуы керек; файлды түзетіңіз немесе нақтылаңыз: --decimal . немесе --decimal ,`,
  'mixed-currency': (p) =>
    `${wherePrefix(p, 'жол')}«${p.column}» ішіндегі «${p.value}» — ${p.details.other} валютасында, ал журналдың сомалары — ${p.details.first} валютасында (${p.details.byOption ? `--currency ${p.details.first}` : `${p.details.firstFile ?? ''}${p.details.firstFile !== null && p.details.firstLine !== null ? ', ' : ''}${p.details.firstLine === null ? '' : `жол ${p.details.firstLine}`}`}): екі валютадағы сомаларды қосуға болмайды; журналды валюта бойынша бөліңіз немесе алдымен қайта есептеңіз`,
  'rows-skipped': (p) =>
    `өткізілген жолдар: ${count(p.details.total)} (клиенті жоқ: ${count(p.details.noClient)}, оқылмайтын күн: ${count(p.details.badDate)}, оқылмайтын сан: ${count(p.details.badNumber)}${p.details.badFields ? `, өрістері тақырыпқа сәйкес келмейтін: ${count(p.details.badFields)}` : ''})`,
  'partial-period-dropped': (p) =>
    `${p.details?.edge === 'leading' ? 'бірінші' : 'соңғы'} ${period(p.value ?? '')} кезеңі ішінара ғана қамтылған (${date(p.details.from)} … ${date(p.details.to)}) және алынып тасталды; --include-partial оны қалдырады`,
  'partial-period-kept': (p) =>
    `${p.details?.edge === 'leading' ? 'бірінші' : 'соңғы'} ${period(p.value ?? '')} кезеңі ішінара ғана қамтылған (${date(p.details.from)} … ${date(p.details.to)}) және қалдырылды (--include-partial)`,
  'window-capped': (p) =>
    `--to ${h.isoDay(p.value ?? '')} талдау күнінен (${date(p.details.asOf)}) кейін: аралық талдау күнінің кезеңімен аяқталады (кейінгі кезеңдерде жолдар жоқ)`,
  'xyz-degenerate': (p) => {
    const tries = [
      p.details?.suggestedCutoffs !== undefined ? `--xyz ${String(p.details.suggestedCutoffs)}` : '',
      p.details?.suggestedPeriod !== undefined ? `--period ${String(p.details.suggestedPeriod)}` : '',
    ].filter((t) => t !== '');
    return `${p.value} тобындағы клиенттер: ${count(p.details.count)} / ${count(p.details.classed)}, XYZ бөлінісі аз мәлімет береді${tries.length > 0 ? `; ${tries.join(' немесе ')} байқап көріңіз` : ''}`;
  },
  'no-positive-clients': (_p) => 'аралықта бірде-бір клиенттің оң жиыны жоқ: барлық клиенттер C тобында',
  'rows-after-as-of': (p) => `талдау күнінен кейінгі клиент-күндер есепке алынбайды: ${count(p.details.days)}`,
  'bgnbd-not-fitted': (p) =>
    p.value === 'no-convergence'
      ? `${count(p.details.clients)} клиент бойынша BG/NBD бағалауы максимумға жетпей тоқтады (ұқсастық шекараға қарай өсе береді, мысалы барлық клиенттер бірдей жылдамдықпен кетсе): P(белсенді) көрсетілмейді, клиенттер әдеттегі аралығына қатысты үнсіздігімен бағаланады (белсенді, қауіпте, жоғалған)`
      : p.value === 'no-fit'
        ? `${count(p.details.clients)} клиент бойынша BG/NBD бағалауы жарамды параметрлер таппады: P(белсенді) бос қалды`
        : p.value === 'no-repeat-purchases'
          ? 'бірде-бір клиент бір күннен артық сатып алған жоқ: BG/NBD моделін құру мүмкін емес, P(белсенді) бос қалды'
          : `BG/NBD үшін сатып алуы бар кемінде ${count(p.details.needed)} клиент қажет, журналда ${count(p.details.clients)}: P(белсенді) бос қалды`,
  'bgnbd-not-sound': (p) => NOT_SOUND(p.details.params),
  'lost-key-clients': (p) => `жоғалған негізгі клиенттер (${count(p.details.count)}): ${names(p.details?.clients)} (--fail-on lost-key)`,
  'client-not-found': (p) => {
    const near = p.details.suggestions;
    return `журналда «${p.value ?? ''}» атты клиент жоқ${near.length > 0 ? `; мүмкін, ${names(near)}?` : '; ұқсас атаулар жоқ'}`;
  },
  'attributes-no-client-column': (p) => `${p.file}: атрибуттар файлында клиент бағаны жоқ; тақырыптар: ${names(p.details?.headers)}; оны «клиент» деп атаңыз`,
  'attributes-unmatched': (p) => {
    const list = p.details.names;
    const shown = list.slice(0, 20);
    const more = list.length > shown.length ? ` және тағы ${list.length - shown.length}` : '';
    return `${p.file}: журналдағы бірде-бір клиентке сәйкес келмеген атаулар (регистр мен бос орындар ескерілмейді) — ${list.length}: ${names(shown)}${more}`;
  },
  'attributes-bad-value': (p) =>
    `${p.file}: need/can_pay/authority ішінде «иә» деп те, «жоқ» деп те оқылмаған мәндер бос қалдырылды: ${count(p.details.count)} (біріншісі: жол ${String(p.line)}, ${p.column ?? ''} «${p.value ?? ''}»)`,
  'attributes-computed-tag': (p) => `${p.file}: kam журнал бойынша есептейтін белгілер атрибуттар файлында ескерілмейді: ${names(p.details?.tags)}`,
  'compare-outside-ledger': (p) =>
    p.value === 'before'
      ? `салыстыру аралығы ${date(p.details.from)} … ${date(p.details.to)} журнал басталғанға дейін жатыр (алғашқы күні ${date(p.details.ledgerFrom)}): барлық клиенттер жаңа`
      : `салыстыру аралығы ${date(p.details.from)} … ${date(p.details.to)} журналдан бұрын басталады (алғашқы күні ${date(p.details.ledgerFrom)}): оның топтары аралықтың бір бөлігіне ғана негізделген`,
  'day-ledger-missing': (p) =>
    `${p.file}: күндік журналда («kam_day_ledger» тақырыбы) ${names(p.details?.columns)} бағандары болуы керек; тақырыптар: ${names(p.details?.headers)}`,
  'day-ledger-no-direction': (p) =>
    `${p.file}: бұл күндік журнал бағыт бағанынсыз жинақталған, сондықтан --direction қолданылмайды; оны бағытпен қайта жинаңыз (kam aggregate --direction АТАУЫ немесе kam sql --map direction=БАҒАН)`,
  'duckdb-missing': (p) => `Parquet және DuckDB файлдарын оқу үшін DuckDB керек: npm install ${p.value ?? '@duckdb/node-api'}`,
  'out-of-memory': (p) =>
    p.details.engine === 'workbook'
      ? `${filePrefix(p)}${count(p.details.clients)} клиенттің кітабын жазу кезінде жад жетпеді (үйме шегі ${count(p.details.limitMb)} МБ): Node-қа көбірек жад беріңіз (NODE_OPTIONS=--max-old-space-size=МБ) немесе кестені кітапсыз алыңыз (--format csv)`
      : p.details.engine === 'duckdb'
      ? `${filePrefix(p)}${count(p.details.clients)} клиенттен кейін DuckDB-ге жад жетпеді (шегі ${count(p.details.limitMb)} МБ): оған --memory кілтімен көбірек жад беріңіз (мысалы, --memory 4GB) немесе алдымен журналды сақталған жерінде жинаңыз (kam sql) және kam-ға күндік журналды беріңіз`
      : `${filePrefix(p)}${count(p.details.clients)} клиенттен кейін жад жетпеді (үйме шегі ${count(p.details.limitMb)} МБ): Node-қа көбірек жад беріңіз (NODE_OPTIONS=--max-old-space-size=МБ) немесе алдымен журналды күндік журналға жинаңыз (kam aggregate немесе дерекқордағы kam sql), ал Parquet үшін DuckDB-ні --memory кілтімен шектеңіз`,
  'source-failed': (p) => {
    const table = String(p.details?.table ?? '');
    switch (p.details?.reason) {
      case 'no-source':
        return `${p.file}: кестені (--table АТАУЫ) немесе сұрауды (--query "SELECT …") көрсетіңіз`;
      case 'auth':
        return `${p.file}: сервер кіруге рұқсат бермеді (пайдаланушы не құпиясөз қате); оларды URL-де, PGUSER мен PGPASSWORD-та немесе ~/.pgpass файлында беріңіз`;
      case 'no-database':
        return `${p.file}: серверде мұндай дерекқор жоқ`;
      case 'no-table':
        return `${p.file}: «${table}» кестесі немесе көрінісі жоқ`;
      case 'unreachable':
        return `${p.file}: серверге қосылу мүмкін емес (${p.value ?? ''})`;
      case 'no-space':
        return `${p.file}: уақытша ${p.value ?? ''} қалтасында орын жоқ (DuckDB деректерді сонда сұрыптап, дискіге шығарады); орын босатыңыз немесе TMPDIR-де үлкенірек дискідегі қалтаны көрсетіңіз`;
      default:
        return `${p.file}: дерекқор сұрауды қабылдамады: ${p.value ?? ''}`;
    }
  },
} satisfies Wording<Problem>;

export const kk: Messages = {
  lang: 'kk',
  locale: 'kk-KZ',
  languageName: 'қазақша',
  human: h,
  // Формат кодтары файлда ағылшынша жазылады; [$-43F] — форматтың қазақ тілі: LibreOffice пен Excel
  // санды қазақша бөлгіштермен 1 234 567,89, күнді кк.аа.жжжж түрінде көрсетеді.
  numFmt: {
    money: '[$-43F]#,##0.00;[Red]-#,##0.00',
    moneyRound: '[$-43F]#,##0;[Red]-#,##0',
    integer: '[$-43F]#,##0',
    decimal: '[$-43F]#,##0.0#',
    percent: '[$-43F]0.0%',
    ratio: '[$-43F]0.00',
    date: '[$-43F]dd.mm.yyyy',
    dateTime: '[$-43F]dd.mm.yyyy hh:mm',
    countDash: '[$-43F]#,##0;-#,##0;"–"',
    moneyDash: '[$-43F]#,##0;[Red]-#,##0;"–"',
    percentDash: '[$-43F]0.0%;[Red]-0.0%;"–"',
    seriesValue: '[$-43F]#,##0;[Red]-#,##0;"·"',
    axisInteger: '[$-43F]#,##0',
    axisPercent: '[$-43F]0%',
    general: '[$-43F]General',
  },
  period,

  severity: { error: 'қате', warning: 'ескерту', note: 'ескертпе' } satisfies Record<Severity, string>,
  severityTitle: { error: 'Қате', warning: 'Ескерту', note: 'Ескертпе' } satisfies Record<Severity, string>,
  status: { active: 'белсенді', 'at-risk': 'тәуекел аймағында', lost: 'жоғалған' },
  statusWords: { active: 'белсенді', atRisk: 'тәуекел аймағында', lost: 'жоғалған' },
  statusTitle: { active: 'Белсенді', 'at-risk': 'Тәуекел аймағында', lost: 'Жоғалған' },
  tags: {
    key: 'негізгі',
    breadwinner: 'асыраушы',
    'image-maker': 'имидж жасаушы',
    expert: 'сарапшы',
    prospect: 'перспективалы',
    qualified: 'расталған',
    'at-risk': 'тәуекел аймағында',
    lost: 'жоғалған',
  },
  flags: { 'non-positive-total': 'оң емес жиынтық', 'too-new': 'тым жаңа', 'no-net-purchases': 'таза сатып алу жоқ' },
  metric: METRIC,
  metricTitle: METRIC_TITLE,
  periodKind: PERIOD,
  periodTitle: PERIOD_TITLE,
  periodCount: (kind: PeriodKind, n: number): string => `${h.integer(n)} ${PERIOD[kind]}`,
  boundary: { include: 'қоса алғанда', exclude: 'қоспағанда' } satisfies Record<AbcBoundary, string>,
  sd: { population: 'бас жиынтық', sample: 'іріктеме' } satisfies Record<SdKind, string>,
  xyzStart: { first: 'алғашқы сатып алудан', window: 'аралық басынан' } satisfies Record<XyzStart, string>,
  migrationNew: 'жаңа',
  migrationGone: 'кетті',
  noDirection: '(жоқ)',
  total: 'Барлығы',
  cv: 'ВК',
  daysShort: (n: string): string => `${n} күн`,

  strategy: {
    AX: 'Кез келген жолмен ұстап қалу: жеке менеджер, ұзақ мерзімді келісімшарттар, басым қызмет көрсету және олар үшін сақталған қор.',
    AY: 'Адалдықты арттыру: жеке менеджер, икемді шарттар, жеткізуді олардың маусымдылығына қарай жоспарлау.',
    AZ: 'Құнды, бірақ болжанбайтын: сатып алу циклін зерттеу, болжамдарды келісу, тұрақты көлемге көшіру.',
    BX: 'Клиенттің сатып алуындағы үлесті арттыру: кросс-сату және қосымша сату, көлемдік жеңілдіктер; олар қазірдің өзінде тұрақты сатып алады.',
    BY: 'Дамыту: тұрақты байланыс, олардың шарықтау кезеңдеріне арналған акциялар, A тобына қарай жылжыту.',
    BZ: 'Тұрақтандыру: сатып алу неге құбылатынын анықтау, оны теңестіретін келісімшарттар немесе жазылым ұсыну.',
    CX: 'Тиімді қызмет көрсету: стандартты шарттар, автоматты қайта тапсырыс; орташа чекті көтеру үшін жиынтықтар ұсыну.',
    CY: 'Стандартты қызмет: топтық акциялар мен таратылымдар, жеке күш жұмсамай.',
    CZ: 'Ең аз күш: өзіне-өзі қызмет көрсету, алдын ала төлем, оларға қызмет көрсету өзін ақтай ма — қайта қарау.',
    'A-': 'Тым жаңа немесе таза сатып алу жоқ, тұрақтылықты бағалау мүмкін емес: ірі клиент, мұқият бақылау қажет.',
    'B-': 'Тым жаңа немесе таза сатып алу жоқ, тұрақтылықты бағалау мүмкін емес: байланысты сақтап, сатып алу ырғағын қалыптастыру.',
    'C-': 'Тым жаңа немесе таза сатып алу жоқ, тұрақтылықты бағалау мүмкін емес: стандартты қызмет.',
  } satisfies Record<CellName, string>,

  action: {
    'A-lost': 'A тобының клиенті жоғалды: клиент менеджері мен директор осы аптада қоңырау шалып, себебін анықтайды және оны қайтару үшін жеке ұсыныс жасайды.',
    'A-at-risk': 'A тобының клиенті кетіп барады: клиент менеджері қазір қоңырау шалып, қанағаттануын және алдағы қажеттіліктерін тексереді, келесі тапсырысты рәсімдейді.',
    'B-lost': 'Менеджер қайтару ұсынысымен (баға, шарттар немесе жеткізу) қоңырау шалып, не дұрыс болмағанын сұрайды.',
    'B-at-risk': 'Менеджер әдеттегі тапсырысты еске салып, дәл қазір сатып алуға себеп ұсынады (акция, қор, шарттар).',
    'C-lost': 'Ұсынысы бар автоматты қайтару таратылымы; клиент жауап бермейінше жеке күш жұмсалмайды.',
    'C-at-risk': 'Автоматты еске салу (хат, СМС); стандартты қызмет.',
  } satisfies Record<WinBackAction, string>,

  problems,
  usage,
  configTypes,
  place,

  cli: {
    workbookWritten: (path: string): string => `кітап жазылды: ${path}`,
    reading: (input: string, mb: string, size: string, rows: string): string => `${input} оқылуда: ${mb} МБ${size}, жолдар: ${rows}`,
    readingOf: (mb: string, percent: string): string => ` / ${mb} МБ (${percent}%)`,
    internalError: (message: string): string => `ішкі қате: ${message} (шақырулар стегін көру үшін KAM_DEBUG=1)`,
  },

  input: {
    sheet: (name: string): string => `«${name}» парағы`,
    delimiter: (d: string): string => `бөлгіш ${d}`,
    tab: 'табуляция',
    dates: (format: string): string => `күндер ${DATE_FORMAT[format] ?? format}`,
    decimal: (d: string): string => `ондық белгі «${d}»`,
    gzip: ' (gzip)',
    engine: { parquet: 'Parquet, DuckDB-де жинақталған', duckdb: 'DuckDB кестесі, DuckDB-де жинақталған', postgres: 'PostgreSQL, серверде жинақталған' },
    dayLedger: 'күндік журнал',
  },

  windowLine: (from: string, to: string, count: string, start: string, end: string, asOf: string): string =>
    `${from} … ${to} (${count}, ${start} … ${end}), ${asOf} жағдайы бойынша`,
  notes: 'Ескертпелер',
  more: (n: number, hint: string): string => `… тағы ${h.integer(n)} (${hint})`,
  columnsNotShown: (names: string): string => `көрсетілмеген бағандар: ${names}; терминалды кеңейтіңіз немесе --format csv қолданыңыз`,
  andMore: (names: string, n: number): string => `${names}, … тағы ${h.integer(n)}`,
  moreHint: { top: '--top N', topOrCsv: '--top N немесе барлығы үшін --format csv', topOrLostCsv: '--top N немесе барлығы үшін kam lost --format csv' },

  bridge: {
    title: (kind: PeriodKind, column: string | null): string => `${PERIOD_BY_TITLE[kind]} түсім көпірі${column === null ? '' : ` — ${column}`}`,
    subtitle: '(таза түсім алдыңғы кезеңнен қалай өзгерді: жаңа клиенттер, қайтып келгендер, қалғандардың өсуі мен кемуі, кеткендер)',
    headers: ['Басы', 'Жаңа', 'Қайтып келген', 'Өсім', 'Кему', 'Кеткен', 'Соңы', 'Жаңа клиенттер', 'Қайтты', 'Кетті'],
    steps: { revenueStart: 'басы', new: 'жаңа', reactivated: 'қайтып келген', expansion: 'өсім', contraction: 'кему', churned: 'кеткен', revenueEnd: 'соңы' },
    waterfall: (period: string): string => `Сарқырама, ${period}`,
    none: 'көрсететін кезең жоқ',
  },

  portfolio: {
    title: (column: string): string => `«${column}» бойынша портфельдер`,
    subtitle: '(клиенттің портфелі — ол ең көп сатып алған мән; A/B/C топтары портфель ішінде есептеледі)',
    headers: ['Клиенттер', 'Түсім', 'Үлес', 'Негізгі', 'A', 'B', 'C', 'Белсенді', 'Тәуекел аймағында', 'Жоғалған', 'Қатерде', 'Кеткен'],
    churnedNote: (period: string): string =>
      `Кеткен: ${period} кезеңінде бірде-бір жолы жоқ клиенттердің алдыңғы кезеңдегі түсімі; қатерде: жоғалған және тәуекел аймағындағы клиенттердің соңғы сатып алуына дейінгі 12 айдағы түсімі`,
  },

  history: {
    title: (n: number, every: PeriodKind, months: number): string => `Топтар тарихы: әр ${PERIOD[every]} соңындағы ${h.integer(n)} сурет, әрқайсысы алдыңғы ${months} ай бойынша`,
    labels: { snapshots: 'Суреттер', clients: 'Клиенттер', marks: 'Динамика', stayedA: 'A-да қалғандар' },
    span: (first: string, last: string): string => `${first} … ${last}`,
    clients: (n: string): string => `${n} — кемінде бір суретте`,
    marks: { stable: 'тұрақты', rising: 'өсуші', falling: 'төмендеуші', new: 'жаңа', gone: 'кеткен' },
    stayedA: (stayed: string, were: string, first: string, last: string): string => `${first} күнгі A тобының ${were} клиентінің ${stayed} клиенті ${last} күні де A тобында`,
    perennial: (n: string): string => `Тұрақты A клиенттері (әр суретте A): ${n}`,
    oneOff: (n: string): string => `Бір реттік A клиенттері (тек бір суретте A): ${n}`,
    headers: ['№', 'Клиент', 'Топтар', 'Динамика'],
    none: 'жоқ',
    markRule: 'динамика: бірінші сурет соңғысымен салыстырылады — тұрақты (сол топ), өсуші, төмендеуші, жаңа (біріншісінде жоқ), кеткен (соңғысында жоқ)',
  },

  analyze: {
    labels: {
      ledger: 'Сату журналы',
      window: 'Талдау аралығы',
      rows: 'Жолдар',
      clients: 'Клиенттер',
      totals: 'Жиындар',
      key: 'Негізгі клиенттер',
      tags: 'Белгілер',
      status: 'Күйлер',
      atStake: 'Қатерде',
      settings: 'Баптаулар',
    },
    rows: (c: RowCounts): string =>
      `${h.integer(c.rows)} оқылды, ${h.integer(c.accepted)} қолданылды, ${h.integer(c.skipped)} өткізілді` +
      (c.skipped > 0 ? ` (клиенті жоқ: ${h.integer(c.noClient)}, оқылмайтын күн: ${h.integer(c.badDate)}, оқылмайтын сан: ${h.integer(c.badNumber)})` : ''),
    clients: (inWindow: number, inLedger: number): string => `талдау аралығында ${h.integer(inWindow)}, журналда ${h.integer(inLedger)}`,
    totals: { revenue: (x: string) => `түсім ${x}`, profit: (x: string) => `пайда ${x}`, quantity: (x: string) => `саны ${x}` },
    keyShares: { revenue: (x: string) => `түсімнің ${x}`, profit: (x: string) => `пайданың ${x}` },
    band: (from: number, to: number): string => `${from}–${to}%`,
    position: {
      within: (band: string) => `${band} аралығында`,
      below: (band: string) => `${band} аралығынан төмен`,
      above: (band: string) => `${band} аралығынан жоғары`,
    },
    key: (n: number, rule: string, shares: string, position: string): string => `${h.integer(n)} (${rule}): ${shares} — ${position}`,
    keyRule: (share: string, by: AbcMetric): string => `${METRIC_GEN[by]} ${share} құрайтын ірілер + асыраушылар, имидж жасаушылар`,
    keyPushed: (tags: string, upper: string): string => `; ${upper} шегінен асырған белгілер: ${tags}`,
    settingsAbc: (by: AbcMetric, a: number, b: number, boundary: AbcBoundary): string =>
      `ABC ${METRIC_BY[by]}, шектер ${pct(a)}/${pct(b)}% (шекаралық клиент ${boundary === 'include' ? 'жоғары' : 'төмен'} топта)`,
    settingsXyz: (period: PeriodKind, x: number, y: number, sd: SdKind, start: XyzStart, minPeriods: number): string =>
      `XYZ ${PERIOD_ADJ[period]} ВК бойынша, шектер ${pct(x)}/${pct(y)}% (${sd === 'population' ? 'бас жиынтықтың' : 'іріктеменің'} стандартты ауытқуы, қатар ${start === 'first' ? 'алғашқы сатып алудан' : 'аралық басынан'}, кемінде ${minPeriods} кезең)`,
    matrixTitle: 'ABC-XYZ матрицасы',
    matrixSubtitle: '(клиенттер және түсім үлесі)',
    strategyHeaders: ['Ұяшық', 'Клиенттер', 'Түсім', 'Үлес', 'Стратегия'],
    topTitle: (n: number): string => `Ірі клиенттер (${h.integer(n)})`,
    topHeaders: (metric: string): string[] => ['№', 'Клиент', 'ABC', 'XYZ', metric, 'Үлес', 'Жинақ.', 'ВК', 'Белсенді', 'Сатып ал.', 'Соңғы сатып алу', 'Күйі', 'Белгілер'],
    tagCount: (tag: string, n: string): string => `${tag}: ${n}`,
    tagExplain: {
      breadwinner: (share: string, basis: AbcMetric) => `≥ ${METRIC_GEN[basis]} ${share}`,
      prospect: (since: string) => `алғашқы сатып алу ${since} бастап, қарқыны A/B деңгейінде`,
    },
    noBreadwinner: (share: string, basis: AbcMetric): string => `асыраушы жоқ (≥ ${METRIC_GEN[basis]} ${share})`,
    noTags: 'жоқ',
  },

  lost: {
    statusCounts: (n: { active: string; atRisk: string; lost: string; clients: string }, w: { active: string; atRisk: string; lost: string }): string =>
      `${w.active}: ${n.active}, ${w.atRisk}: ${n.atRisk}, ${w.lost}: ${n.lost} — сатып алуы бар клиенттер барлығы: ${n.clients}`,
    atStake: (total: string, lost: string, atRisk: string): string => `${total} (жоғалғандар ${lost}, тәуекел аймағындағылар ${atRisk}): олардың соңғы сатып алуға дейінгі 12 айдағы түсімі`,
    rules: (lostFactor: string, riskFactor: string, lostAfter: string, riskAfter: string, lostFloor: string, riskFloor: string): string =>
      `үнсіздігі әдеттегі аралықтан ${lostFactor} есе ұзақ болса — жоғалған (кемінде ${lostFloor} күн), ${riskFactor} есе ұзақ болса — тәуекел аймағында (кемінде ${riskFloor} күн); кез келген клиент ${lostAfter} күннен кейін жоғалған, ${riskAfter} күннен кейін тәуекел аймағында`,
    notFitted: 'модель құрылмады (ескертпелерді қараңыз)',
    fit: (clientCount: string, params: string, ll: string): string => `BG/NBD (клиенттер: ${clientCount}): ${params}, логарифмдік ұқсастық ${ll}`,
    labels: { asOf: 'Талдау күні', clients: 'Клиенттер', atStake: 'Қатерде', keyLost: 'Жоғалған негізгі', rules: 'Ережелер', pAlive: 'P(белсенді)' },
    winBackTitle: 'Қайтару тізімі',
    winBackNone: 'жоғалған және тәуекел аймағындағы клиенттер жоқ',
    winBackSubtitle: (n: number): string => `(жоғалған және тәуекел аймағындағы: ${h.integer(n)}; ең құндылары бірінші; ★ — негізгі клиент)`,
    winBackHeaders: ['№', 'Клиент', 'ABC', 'Күйі', 'Соңғы сатып алу', 'Өткен уақыт', 'Әдетт. аралық', 'Түсім 12 ай', 'P(белсенді)', 'Әрекет'],
    churnTitle: (kind: PeriodKind): string => `Клиенттердің кетуі ${PERIOD_BY[kind]}`,
    churnNone: 'әзірге бірде-бір клиент жоғалған жоқ',
    churnSubtitle: '(үнсіздігі жоғалу шегінен асқан күні клиент жоғалған болып саналады; қайтты — одан кейін қайта сатып алды)',
    churnHeaders: ['Жоғалды', 'Олардың түсімі 12 ай', 'Қайтты', 'Әлі жоғалған'],
    churnPartial: '* кезең ішінара ғана қамтылған (оған талдау күні немесе алғашқы сатып алу түседі)',
    directionTitle: 'Бағыт',
    directionHeaders: ['Клиенттер', 'Белсенді', 'Тәуекел аймағында', 'Қазір жоғалған', 'Қатерде', 'Жоғалды', 'Қайтты'],
    churnByDirection: (column: string | null): string => (column === null ? 'Бағыттар бойынша кету' : `«${column}» бойынша кету`),
    churnByDirectionSubtitle: '(клиенттің бағыты — ол ең көп сатып алған мән)',
    periodHeader: 'Кезең',
    gridNote: 'кезеңдер бойынша жоғалды / қайтты',
    gridOther: 'басқалар',
    gridOtherNote: (values: string, shown: number): string => `«басқалар» — кетуі ең көп ${shown} мәннен тыс қалған ${values} мәннің қосындысы`,
  },

  alive: {
    labels: { asOf: 'Талдау күні', clients: 'Клиенттер', model: 'BG/NBD', logLikelihood: 'Лог. ұқсастық', expected: 'Күтілетін' },
    clients: (n: string, repeat: string): string => `сатып алуы барлар: ${n} (әртүрлі күндері сатып алғандар: ${repeat})`,
    converged: (ok: boolean, iterations: number): string => `${iterations} итерациядан кейін ${ok ? 'жинақталды' : 'жинақталмады'}`,
    expected: (x: string, weeks: string): string => `келесі ${weeks} аптада барлық клиенттерден күтілетін сатып алу күндері: ${x}`,
    headers: (weeks: string): string[] => ['№', 'Клиент', 'Сатып алу күндері', 'Өткен уақыт (апта)', 'Жасы (апта)', 'P(белсенді)', `${weeks} аптада күтіледі`],
    title: 'Күтілетін сатып алу күндері бойынша клиенттер',
  },

  model: {
    labels: { spend: 'Чек', spendMean: 'Орташа чек', holdout: 'Тексеру', totals: 'Барлығы', error: 'Қате', expected: 'Күтілетін', model: 'Модель' },
    clientsTitle: 'Сатып алу күндерінің саны бойынша клиенттер',
    horizon: (weeks: number, n: string): string => (weeks === 52 ? 'келесі 12 ай' : `келесі ${n} апта`),
    discounted: (rate: string): string => `, жылына ${rate} дисконттаумен`,
    spendParams: (p: string, q: string, gamma: string, ll: string): string => `Gamma-Gamma p = ${p}, q = ${q}, γ = ${gamma}, лог. ұқсастық ${ll}`,
    spendClients: (fitted: string, leftOut: number, leftOutText: string): string =>
      `қайталама сатып алу күні бар ${fitted} клиент бойынша бағаланды${leftOut === 0 ? '' : `; ${leftOutText} клиент есепке алынбады (олардың қайталама сатып алу күніне шаққандағы орташа таза сомасы нөл не одан аз)`}`,
    spendMean: (mean: string): string => `модель баға бере алмайтын клиент үшін сатып алу күніне ${mean} (барлығы бойынша орташа)`,
    spendNotConverged: 'чек моделінің бағалауы шекарада тоқтады (клиенттер бір-бірінен ажырату мүмкін болмайтындай бірдей жұмсайды): күтілетін чек ол жақындаған шектен алынды',
    spendNotFitted: (status: 'too-few-clients' | 'no-mean', clients: string, needed: string): string =>
      status === 'too-few-clients'
        ? `бағаланбады: қайталама сатып алу күні мен оң орташа таза сомасы бар кемінде ${needed} клиент қажет, журналда ${clients}; күтілетін түсім жоқ`
        : 'бағаланбады: клиенттер арасындағы чек шашырауы соншалық үлкен, оның орташасы жоқ; күтілетін түсім жоқ',
    notSound: (params: string): string => `${capitalise(NOT_SOUND(params))}.`,
    notSoundShort: 'бағаланбайды: сатып алу моделі бұл журналға сәйкес келмейді (себебін kam alive көрсетеді)',
    notFittedShort: 'бағаланбайды: бұл журнал бойынша модельдерді құру мүмкін болмады (себебін kam alive көрсетеді)',
    revenueLine: (key: string, winBack: string, horizon: string, discount: string): string => `${horizon}${discount}: негізгі клиенттер ${key}, қайтару тізімі ${winBack}`,
    winBackLine: (total: string, lost: string, atRisk: string, horizon: string, discount: string): string =>
      `${total} (жоғалғандар ${lost}, тәуекел аймағындағылар ${atRisk}): қайтару тізімінен күтілетін түсім, ${horizon}${discount}`,
    clientLine: (revenue: string, purchases: string, spend: string, horizon: string, discount: string): string =>
      `${revenue}, ${horizon}${discount}: ${purchases} сатып алу күні × ${spend}`,
    holdoutTitle: (calibrationEnd: string, end: string, weeks: string): string =>
      `Тексеру: модельдер ${calibrationEnd} дейінгі сатып алу күндері бойынша бағаланды, одан кейінгі ${weeks} аптада, ${end} дейін тексерілді`,
    holdoutHeaders: ['Калибрлеу соңына дейінгі қайталама сатып алу күндері', 'Клиенттер', 'Бір клиентке нақты', 'Бір клиентке күтілген'],
    total: 'Барлығы',
    holdoutTotals: (actual: string, expected: string): string => `тексеру кезеңіндегі қайталама сатып алу күндері: ${actual}, күтілгені ${expected}`,
    holdoutError: (mae: string, correlation: string): string => `клиенттер бойынша: орташа абсолют қате ${mae}, нақты мен күтілгеннің корреляциясы ${correlation}`,
    holdoutNew: (n: string): string => `калибрлеу соңынан кейін алғаш сатып алған клиенттер: ${n}; модельдер олар туралы ештеңе білмейді, олар тексерілмейді`,
    holdoutNoFit: 'күтілетін мән жоқ: калибрлеу кезеңі бойынша сатып алу моделін құру мүмкін болмады',
    chartTitle: 'Тексеру кезеңіндегі қайталама сатып алу күндері, жинақталған, апта бойынша',
    actual: 'нақты',
    expected: 'күтілген',
    week: 'Апта',
    sheet: {
      title: 'Модель',
      subtitle: (asOf: string): string => `${asOf} күнге бағаланған сатып алу моделі (BG/NBD) және чек моделі (Gamma-Gamma)`,
      purchaseTitle: 'Сатып алу моделі: BG/NBD (Фейдер, Харди және Ли, 2005)',
      spendTitle: 'Чек моделі: Gamma-Gamma (Фейдер, Харди және Ли, 2005)',
      revenueTitle: 'Күтілетін түсім',
      parameter: 'Параметр',
      value: 'Мәні',
      meaning: 'Мағынасы',
      r: 'клиенттер арасындағы сатып алу қарқынының таралу пішіні',
      alpha: 'сатып алу қарқынының масштабы (апталар)',
      a: 'сатып алудан кейін кету: бета-үлестірімнің a параметрі',
      b: 'сатып алудан кейін кету: бета-үлестірімнің b параметрі',
      p: 'клиенттің бір сатып алу күніндегі сомасының пішіні',
      q: 'клиенттер арасындағы орташа чек шашырауының пішіні',
      gamma: 'орташа чек шашырауының масштабы (ақша)',
      logLikelihood: 'Лог. ұқсастық',
      clients: 'Клиенттер',
      converged: 'Жинақталды',
      yes: 'иә',
      no: 'жоқ',
      populationMean: 'Сатып алу күніне орташа чек',
      leftOut: 'Есепке алынбағандар (орташа таза сома нөл не одан аз)',
      horizon: 'Көкжиек (апталар)',
      discount: 'Жылдық дисконттау мөлшерлемесі',
      none: 'жоқ',
      expectedTotal: 'Күтілетін түсім, барлық клиенттер',
      holdoutNone: 'Тексеру жоқ: kam alive ЖУРНАЛ --holdout КҮН -o ФАЙЛ.xlsx модельдерді КҮНге дейінгі күндер бойынша бағалап, одан кейінгі күндерде тексереді.',
      chartName: 'Тексеру графигі',
      chartAxis: 'Қайталама сатып алу күндері (жинақталған)',
      mae: 'Бір клиентке орташа абсолют қате',
      correlation: 'Нақты мен күтілгеннің корреляциясы',
      calibrationEnd: 'Калибрлеу соңы',
      end: 'Тексеру соңы',
    },
  },

  dossier: {
    labels: {
      window: 'Талдау аралығы',
      classes: 'Топтар',
      before: 'Бұрын',
      revenue: 'Түсім',
      profit: 'Пайда',
      quantity: 'Саны',
      purchases: 'Сатып алулар',
      firstLast: 'Алғашқы / соңғы',
      rhythm: 'Ырғақ',
      breadwinner: 'Асыраушы',
      prospect: 'Перспективалы',
      series: 'Динамика',
    },
    noClass: 'талдау аралығында жолдар жоқ: тобы жоқ',
    notReached: 'журнал ол уақытты қамтымайды',
    newThen: 'жаңа (ол кезде жолдар болмаған)',
    beforeTotal: (cell: string, by: AbcMetric, total: string): string => `${cell}, ${METRIC[by]} ${total}`,
    partly: ' (журнал оны ішінара ғана қамтиды)',
    rank: (rank: number, cum: string): string => `; орны ${rank}, жинақталған үлес ${cum}`,
    ofAll: (value: string, share: string, rank: string): string => `${value} (барлығының ${share}${rank})`,
    ofRevenue: (value: string, share: string): string => `${value} (түсімнің ${share})`,
    ofProfit: (value: string, share: string): string => `${value} (пайданың ${share})`,
    purchases: (n: string, active: number, periods: number, days: string): string =>
      `талдау аралығында ${n}; сатып алу болған кезеңдер: ${periods} ішінен ${active}; талдау күніне дейінгі сатып алу күндері: ${days}`,
    daysAgo: (n: string): string => ` (${n} күн бұрын)`,
    rhythm: (interval: string | null, status: string, pAlive: string | null): string =>
      `әдеттегі аралық ${interval === null ? '-' : `${interval} күн`}; күйі ${status}${pAlive === null ? '' : `; P(белсенді) ${pAlive}`}`,
    breadwinner: (share: string, basis: AbcMetric): string => `барлық ${METRIC_GEN[basis]} ${share}`,
    breadwinnerFrom: (threshold: string): string => `(асыраушы — ${threshold} бастап)`,
    prospect: (since: string, metric: string, days: string, pace: string, projected: string, months: string, cls: string): string =>
      `${since} бастап жаңа: ${days} күнде ${metric} = айына ${pace} → аралықтың ${months} айында ${projected}: ${cls} тобы`,
    prospectRule: (a: string, b: string): string => `(A — ${a} бастап, B — ${b} бастап: аралықтағы A және B топтарының ең кіші жиындары)`,
    perPeriod: (by: AbcMetric): string => `(кезеңдер бойынша ${METRIC[by]})`,
    seriesHeaders: (metric: string): string[] => ['Кезең', metric, 'Сатып алулар', ''],
    amountHeaders: ['Таза сома', 'Үлес'],
    productsTitle: 'Негізгі тауарлар',
    productsSubtitle: (n: string): string => `(бүкіл журнал бойынша таза сома; барлық тауарлар: ${n})`,
    product: 'Тауар',
    directionSubtitle: '(ең көп сатып алған мәні; бүкіл журнал бойынша таза сома)',
    attributesTitle: 'Атрибуттар файлынан',
    attributesSubtitle: (line: number, name: string, tags: string): string => `(жол ${line}, «${name}»)${tags === '' ? '' : `, белгілер: ${tags}`}`,
    attributeHeaders: ['Атрибут', 'Мәні'],
  },

  migration: {
    previousWindow: (w: string): string => `алдыңғы ${w} аралығынан`,
    window: (w: string): string => `${w} аралығынан`,
    corner: (title: string): string => `${title}: бұрын ↓ қазір →`,
    title: 'Топтардың ауысуы',
    subtitle: (compared: string, now: string): string => `${compared} ағымдағы ${now} аралығына (клиенттер)`,
    slippedTitle: 'Төмендеген негізгі клиенттер',
    slippedNone: 'жоқ (бірде-бір A клиенті B, C тобына түспеді және кетпеді, бірде-бір негізгі X клиенті Y немесе Z тобына ауыспады)',
    slippedCount: (n: number): string => `Төмендеген негізгі клиенттер (${h.integer(n)})`,
    slippedRule: 'A → B, C немесе кетті; X → Y немесе Z',
    slippedHeaders: ['Клиент', 'ABC', 'XYZ', 'Бұрынғы жиын', 'Қазіргі жиын', 'Қазір негізгі'],
  },

  config: {
    title: (command: string): string => `kam ${command} баптаулары`,
    file: (path: string | null): string => (path === null ? 'баптаулар файлы жоқ (көрсетілмеген, мұнда kam.config.json жоқ)' : `баптаулар файлы: ${path}`),
    headers: ['Параметр', 'Мәні', 'Көзі'],
    source: { default: 'әдепкі', environment: 'орта', config: 'баптаулар файлы', 'command-line': 'командалық жол' },
    section: (command: string): string => `«${command}» бөлімі`,
    unset: '(берілмеген)',
    yes: 'иә',
    no: 'жоқ',
  },

  workbook: {
    title: (inputs: string): string => `Негізгі клиенттерді талдау — ${inputs}`,
    pageFooter: 'Бет &P / &N',
    sheets: {
      summary: 'Жиынтық',
      clients: 'Клиенттер',
      matrix: 'Матрица',
      pareto: 'Парето',
      series: 'Динамика',
      lost: 'Жоғалғандар',
      churn: 'Кету',
      migration: 'Ауысу',
      dossiers: 'Досьелер',
      model: 'Модель',
      method: 'Әдістеме',
      bridge: 'Түсім көпірі',
      portfolios: 'Портфельдер',
      history: 'Топтар тарихы',
    },
    descriptions: {
      summary: 'сату журналы, талдау аралығы, жиындар, 30–55% аралығына қатысты негізгі клиенттер, ескертпелер мен ескертулер',
      clients: 'әр клиентке бір жол: топтар, жиындар, үлестер, ырғақ және күйі (--format csv бағандары), содан кейін кезеңдер бойынша көрсеткіш',
      matrix: 'ABC-XYZ матрицасы: ұяшықтар бойынша клиенттер, түсім және үлес, әр ұяшықтың стратегиясы',
      pareto: 'Парето қисығы: ABC көрсеткіші бойынша реттелген клиенттер, жинақталған үлес және A/B, B/C шектері — диаграмма түрінде',
      series: 'клиенттер × кезеңдер: кезеңдер бойынша ABC көрсеткіші жылу түсімен, матрица ұяшығы және ВК',
      lost: 'қайтару тізімі: жоғалған және тәуекел аймағындағы клиенттер, ең құндылары бірінші, P(белсенді) және әрқайсысына арналған әрекет',
      churn: 'кезеңдер бойынша жоғалған және қайтқан клиенттер (диаграмма мен кесте), бағыттар бойынша да',
      migration: 'алдыңғы аралықтың топтары → ағымдағы аралықтың топтары (ABC және XYZ, жаңа және кеткен клиенттермен), төмендеген негізгі клиенттер',
      dossiers: 'әр негізгі клиенттің картасы: қазіргі және бұрынғы топтар, жиындар, ырғақ, кезеңдер бойынша динамика, тауарлар, бағыттар, атрибуттар',
      model: 'бағаланған сатып алу және чек модельдері, күтілетін түсім және графигі бар тексеру (kam alive --holdout)',
      method: 'қолданылған барлық баптаулар, kam нұсқасы мен талдау күні, әр бағанның мағынасы',
      bridge: 'кезеңдер бойынша түсім көпірі: басы, жаңа, қайтып келген, өсім, кему, кеткен, соңы (және бағыттар бойынша), сарқырама диаграммасымен',
      portfolios: 'әр бағыт мәніне бір жол: клиенттер, түсім мен үлес, негізгі клиенттер, портфель ішіндегі A/B/C, мәртебелер, қатердегі түсім',
      history: 'топтар тарихы: клиенттің әр суреттегі тобы, динамикасы және неше рет A болғаны',
    },
    csv: 'CSV',

    summary: {
      title: 'Негізгі клиенттерді талдау',
      subtitle: (inputs: string, from: string, to: string, asOf: string): string => `${inputs} — ${from} … ${to}, ${asOf} жағдайы бойынша`,
      sections: {
        ledger: 'Сату журналы',
        window: 'Талдау аралығы',
        totals: 'Клиенттер және жиындар',
        key: 'Негізгі клиенттер',
        classes: 'Топтар',
        notes: 'Ескертпелер мен ескертулер',
        contents: 'Бұл кітапта',
      },
      file: 'Файл',
      rowsRead: 'Оқылған жолдар',
      rowsComment: (c: RowCounts): string =>
        `${h.integer(c.accepted)} қолданылды, ${h.integer(c.skipped)} өткізілді${c.skipped > 0 ? ` (клиенті жоқ: ${h.integer(c.noClient)}, оқылмайтын күн: ${h.integer(c.badDate)}, оқылмайтын сан: ${h.integer(c.badNumber)})` : ''}`,
      periods: 'Кезеңдер',
      periodsComment: (kind: PeriodKind, _n: number, from: string, to: string): string => `толық ${PERIOD_PL[kind]}, ${from} … ${to}`,
      from: 'Басы',
      fromComment: 'аралықтың бірінші күні',
      to: 'Соңы',
      toComment: 'аралықтың соңғы күні',
      asOf: 'Талдау күні',
      asOfComment: 'сатып алудан бергі уақыт пен жоғалған клиенттер осы күннен бағаланады',
      clients: 'Клиенттер',
      clientsComment: (inLedger: string): string => `талдау аралығында жолы барлар; талдау күніне дейін журналда: ${inLedger}`,
      revenue: 'Таза түсім',
      revenueComment: 'қайтарымдар шегерілген сатылым, талдау аралығында',
      profit: 'Пайда',
      quantity: 'Саны',
      inWindow: 'талдау аралығында',
      keyClients: 'Негізгі клиенттер',
      verdictNone: 'үлесті есептеуге оң түсім жоқ',
      verdict: {
        within: (band: string) => `${band} эталондық аралығында`,
        below: (band: string) => `${band} эталондық аралығынан төмен`,
        above: (band: string) => `${band} эталондық аралығынан жоғары`,
      },
      revenueShare: 'Түсім үлесі',
      profitShare: 'Пайда үлесі',
      profitShareComment: (share: string): string => `негізгі клиенттердің пайдасы: жалпының ${share}`,
      band: 'Эталондық аралық',
      bandComment: 'негізгі клиенттердің сатылымдағы әдеттегі үлесі',
      classRow: (abc: string): string => `${abc} тобы`,
      ofRevenue: (share: string): string => `түсімнің ${share}`,
      topClients: (cut: number, by: AbcMetric): string => ` — ${METRIC_GEN[by]} ${cut}% беретін ірі клиенттер`,
      xRow: (kind: PeriodKind, cut: number): string => `тұрақты: ${PERIOD_ADJ[kind]} ВК ${cut}% дейін`,
      yRow: (cut: number): string => `маусымдық немесе трендті: ВК ${cut}% дейін`,
      zRow: 'тұрақсыз',
      noXyz: 'XYZ тобы жоқ',
      noXyzRow: (n: number, _kind: PeriodKind): string => `тарихы ${n} кезеңнен қысқа немесе таза сатып алу жоқ`,
      none: 'Жоқ',
      noneComment: 'журналды оқу және талдау кезінде ерекше ештеңе табылмады',
    },

    columns: {
      client: {
        header: (_c: ColumnTextContext) => 'Клиент',
        meaning: (_c: ColumnTextContext) => 'Журналдағы атауы бойынша клиент (шеттегі бос орындар алынып, қайталанғандары біріктірілген).',
      },
      abc: { header: (_c: ColumnTextContext) => 'ABC', meaning: (c: ColumnTextContext) => `${METRIC_BY[c.by]} ABC тобы: A, B немесе C (Парето шектері — «Әдістеме» парағында).` },
      xyz: {
        header: (_c: ColumnTextContext) => 'XYZ',
        meaning: (c: ColumnTextContext) =>
          `${PERIOD_BY[c.period]} сатып алу тұрақтылығы бойынша XYZ тобы: X — тұрақты, Y — маусымдық, Z — тұрақсыз; «-» — кезеңдер аз немесе таза сатып алу жоқ.`,
      },
      cell: { header: (_c: ColumnTextContext) => 'Ұяшық', meaning: (_c: ColumnTextContext) => 'ABC-XYZ матрицасының ұяшығы (стратегиясы — «Матрица» парағында).' },
      total: { header: (c: ColumnTextContext) => `Жиыны: ${METRIC[c.by]}`, meaning: (c: ColumnTextContext) => `Клиенттің талдау аралығындағы ${METRIC[c.by]} жиыны: ABC көрсеткіші.` },
      share: { header: (_c: ColumnTextContext) => 'Үлес', meaning: (c: ColumnTextContext) => `Оң жиыны бар барлық клиенттердің ${METRIC[c.by]} жиынындағы клиенттің үлесі.` },
      cum_share: { header: (_c: ColumnTextContext) => 'Жинақ. үлес', meaning: (_c: ColumnTextContext) => 'Рейтингте осы клиентті қоса алғандағы клиенттердің жинақталған үлесі.' },
      rank: { header: (_c: ColumnTextContext) => 'Орны', meaning: (_c: ColumnTextContext) => 'Рейтингтегі орны, ірілері бірінші (жиыны нөл немесе теріс болса — бос).' },
      cv: {
        header: (_c: ColumnTextContext) => 'ВК',
        meaning: (c: ColumnTextContext) => `${PERIOD_ADJ[c.period][0]!.toUpperCase()}${PERIOD_ADJ[c.period].slice(1)} қатардың вариация коэффициенті (стандартты ауытқу / орташа): XYZ өлшемі.`,
      },
      active_periods: {
        header: (c: ColumnTextContext) => `Белсенді ${PERIOD_PL[c.period]}`,
        meaning: (c: ColumnTextContext) => `Аралықтың кемінде бір сатып алуы бар ${PERIOD_PL[c.period]}.`,
      },
      purchases: {
        header: (_c: ColumnTextContext) => 'Сатып алулар',
        meaning: (c: ColumnTextContext) =>
          c.document ? 'Талдау аралығындағы әртүрлі құжаттар (жүкқұжаттар).' : 'Талдау аралығындағы әртүрлі сатып алу күндері (журналда құжат бағаны жоқ).',
      },
      first_purchase: { header: (_c: ColumnTextContext) => 'Алғашқы сатып алу', meaning: (_c: ColumnTextContext) => 'Талдау күніне дейінгі алғашқы сатып алу күні.' },
      last_purchase: { header: (_c: ColumnTextContext) => 'Соңғы сатып алу', meaning: (_c: ColumnTextContext) => 'Талдау күніне дейінгі соңғы сатып алу күні (тек қайтарым болған күн есептелмейді).' },
      recency_days: { header: (_c: ColumnTextContext) => 'Соңғы сатып алудан бергі күндер', meaning: (_c: ColumnTextContext) => 'Соңғы сатып алудан талдау күніне дейінгі күндер.' },
      usual_interval_days: {
        header: (_c: ColumnTextContext) => 'Әдеттегі аралық, күн',
        meaning: (_c: ColumnTextContext) => 'Қатар келген сатып алу күндерінің арасындағы күндердің медианасы.',
      },
      status: {
        header: (_c: ColumnTextContext) => 'Күйі',
        meaning: (_c: ColumnTextContext) => 'белсенді, тәуекел аймағында немесе жоғалған — соңғы сатып алудан бергі үнсіздікті әдеттегі аралықпен салыстыру бойынша («Әдістеме» парағы).',
      },
      p_alive: { header: (_c: ColumnTextContext) => 'P(белсенді)', meaning: (_c: ColumnTextContext) => 'Клиенттің әлі де сатып алатын ықтималдығы (BG/NBD моделі); есептелмеген жерде бос.' },
      tags: {
        header: (_c: ColumnTextContext) => 'Белгілер',
        meaning: (c: ColumnTextContext) =>
          `Сегмент белгілері: негізгі (бірге ${METRIC_GEN[c.by]} ${pct(c.keyShare)}% құрайтын ең ірі клиенттер, асыраушы немесе имидж жасаушы); асыраушы (барлық ${c.profit ? 'пайданың' : 'түсімнің'} кемінде ${pct(c.breadwinnerShare)}%); перспективалы (алғашқы сатып алу талдау күнінен бұрынғы ${c.newWithinMonths} ай ішінде және бүкіл аралықта B тобының ең кіші жиынына жететін сатып алу қарқыны); расталған (қажеттілігі, төлем қабілеті және шешім қабылдау өкілеттігі — бәрі «иә» перспективалы клиент); имидж жасаушы, сарапшы және басқалары — атрибуттар файлынан; жоғалған, тәуекел аймағында.`,
      },
      abc_prev: { header: (_c: ColumnTextContext) => 'Бұрынғы ABC', meaning: (_c: ColumnTextContext) => 'Алдыңғы аралықтағы ABC тобы (--compare); онсыз және жаңа клиенттер үшін бос.' },
      xyz_prev: { header: (_c: ColumnTextContext) => 'Бұрынғы XYZ', meaning: (_c: ColumnTextContext) => 'Алдыңғы аралықтағы XYZ тобы (--compare); онсыз және жаңа клиенттер үшін бос.' },
      purchases_cv: { header: (_c: ColumnTextContext) => 'Сатып алулар ВК', meaning: (c: ColumnTextContext) => `${PERIOD_BY[c.period]} сатып алулар санының вариация коэффициенті.` },
      revenue: { header: (_c: ColumnTextContext) => 'Таза түсім', meaning: (_c: ColumnTextContext) => 'Талдау аралығындағы таза сома: қайтарымдар шегерілген сатылым.' },
      profit: { header: (_c: ColumnTextContext) => 'Пайда', meaning: (_c: ColumnTextContext) => 'Талдау аралығындағы пайда (журналда пайда бағаны болса).' },
      quantity: { header: (_c: ColumnTextContext) => 'Саны', meaning: (_c: ColumnTextContext) => 'Талдау аралығындағы саны (журналда сан бағаны болса).' },
      flags: { header: (_c: ColumnTextContext) => 'Белгілеулер', meaning: (_c: ColumnTextContext) => 'Көрсеткіштің жоқ не ерекше болу себебі: оң емес жиынтық, тым жаңа, таза сатып алу жоқ.' },
      expected_purchases: {
        header: (_c: ColumnTextContext) => 'Күтілетін сатып алу күндері',
        meaning: (c: ColumnTextContext) => `BG/NBD моделі клиенттен талдау күнінен кейінгі ${h.number(c.horizonWeeks)} аптада күтетін сатып алу күндері (--horizon); модель сәйкес келмейтін жерде бос.`,
      },
      expected_revenue: {
        header: (_c: ColumnTextContext) => 'Күтілетін түсім',
        meaning: (c: ColumnTextContext) =>
          `Күтілетін сатып алу күндері × сатып алу күніне күтілетін чек (Gamma-Gamma; модель баға бере алмайтын клиентке барлығы бойынша орташа) талдау күнінен кейінгі ${h.number(c.horizonWeeks)} аптада, --discount берілсе дисконтталған; модель сәйкес келмейтін жерде бос.`,
      },
    },

    matrix: {
      title: 'ABC-XYZ матрицасы',
      subtitle: (by: AbcMetric, a: number, b: number, p: PeriodKind, x: number, y: number, clientCount: number, revenue: string): string =>
        `ABC ${METRIC_BY[by]} (шектер ${pct(a)}/${pct(b)}%), XYZ ${PERIOD_ADJ[p]} ВК бойынша (шектер ${pct(x)}/${pct(y)}%); клиенттер: ${clientCount}, таза түсім ${revenue}`,
      grids: { clients: 'Клиенттер', revenue: 'Таза түсім', share: 'Таза түсім үлесі' },
      corner: 'ABC \\ XYZ',
      noXyz: 'XYZ жоқ',
      colours:
        'Түстер: жасыл — құнды және тұрақты (AX, AY, BX); сары — AZ, BY, CX; қызыл — ұсақ немесе тұрақсыз (BZ, CY, CZ); сұр — әзірге XYZ тобы жоқ (тым жаңа немесе таза сатып алу жоқ).',
      strategyTitle: 'Ұяшықтар бойынша стратегия',
      strategyHeaders: ['Ұяшық', 'Клиенттер', 'Таза түсім', 'Үлес', 'Стратегия'],
    },

    pareto: {
      rank: 'Орны',
      ranks: 'Орындар',
      client: 'Клиент',
      clients: 'Клиенттер',
      class: 'Тобы',
      perClient: (metric: string): string => `Бір клиентке: ${metric} (топ бойынша орташа)`,
      cumShare: 'Жинақталған үлес',
      cutAB: (cut: string): string => `A/B шегі (${cut})`,
      cutBC: (cut: string): string => `B/C шегі (${cut})`,
      groupLabel: (n: number): string => `${h.integer(n)} клиент`,
      classLine: (abc: string, n: number, ofClients: string, share: string): string => `${abc}: ${h.integer(n)} клиент (клиенттердің ${ofClients}) — ${share}`,
      classLineEnd: (by: AbcMetric): string => ` (${METRIC[by]} үлесі).`,
      title: 'Парето қисығы',
      subtitle: (by: AbcMetric, grouped: boolean): string =>
        `Клиенттер ${METRIC_BY[by]} кему ретімен: ${grouped ? 'баған — орындар тобындағы бір клиентке орташа' : 'баған — әр клиент'}, түсі топқа сәйкес (A — жасыл, B — сары, C — қызыл); сызық — жинақталған үлес, үзік сызықтар — шектер.`,
      notOnCurve: (n: number, _by: AbcMetric): string => `Жиыны нөл немесе теріс ${h.integer(n)} клиент қисықта жоқ (C тобы, «Клиенттер» парағында белгіленген).`,
      noCurve: (by: AbcMetric): string => `Талдау аралығында бірде-бір клиенттің оң жиыны (${METRIC[by]}) жоқ: қисық салуға дерек жоқ.`,
      chartTitle: (by: AbcMetric): string => `Парето қисығы: клиенттер бойынша ${METRIC[by]}`,
      categoriesGrouped: 'Орындар бойынша клиенттер (топтар)',
      categories: 'Клиенттер, ірілері бірінші',
      leftAxisGrouped: (metric: string): string => `Бір клиентке: ${metric}`,
      chartName: 'Парето диаграммасы',
    },

    series: {
      client: 'Клиент',
      cell: 'Ұяшық',
      cv: 'ВК',
      total: (by: AbcMetric): string => `Жиыны: ${METRIC[by]}`,
    },

    lost: {
      headers: (direction: string | null): string[] => [
        '№',
        'Клиент',
        'ABC',
        'Күйі',
        'Негізгі клиент',
        'Соңғы сатып алу',
        'Соңғы сатып алудан бергі күндер',
        'Әдеттегі аралық, күн',
        'Жоғалған деп саналады, күн',
        'Соңғы сатып алуға дейінгі 12 айдағы түсім',
        'P(белсенді)',
        ...(direction === null ? [] : [direction]),
        'Әрекет',
        'Не істеу керек',
      ],
      direction: 'Бағыт',
      title: 'Қайтару тізімі',
      subtitle: (asOf: string, lost: string, atRisk: string, clientCount: string, atStake: string, rules: string): string =>
        `${asOf} жағдайы бойынша: жоғалған — ${lost}, тәуекел аймағында — ${atRisk}; сатып алуы бар клиенттер барлығы: ${clientCount}; қатерде ${atStake}. Ережелер: ${rules}.`,
      none: 'Жоғалған және тәуекел аймағындағы клиенттер жоқ.',
      key: 'негізгі',
      actionShort: {
        'A-lost': 'Директордың қоңырауы',
        'A-at-risk': 'Менеджердің қоңырауы',
        'B-lost': 'Қайтару ұсынысы',
        'B-at-risk': 'Еске салу және ұсыныс',
        'C-lost': 'Хат тарату',
        'C-at-risk': 'Еске салу',
      },
    },

    bridge: {
      title: (kind: PeriodKind): string => `${PERIOD_BY_TITLE[kind]} түсім көпірі`,
      subtitle: (window: string): string =>
        `${window}. Таза түсім алдыңғы кезеңнен қалай өзгерді: жаңа клиенттер (бұрын жолы болмаған), қайтып келгендер (жолы жоқ кезеңнен кейін), екі кезеңде де бар клиенттердің өсуі мен кемуі, кеткендер (бұрын болған, қазір жоқ). Әр жол сәйкес келеді: басы + қозғалыстар = соңы.`,
      headers: (kind: PeriodKind): string[] => [PERIOD_TITLE[kind], 'Басы', 'Жаңа', 'Қайтып келген', 'Өсім', 'Кему', 'Кеткен', 'Соңы', 'Жаңа клиенттер', 'Қайтып келген клиенттер', 'Кеткен клиенттер'],
      bySection: (direction: string): string => `«${direction}» бойынша`,
      byNote: (direction: string): string => `Клиент ең көп (нетто) сатып алған «${direction}» мәніне бүкіл түсімімен жатады: мәндердің жолдары жалпы жолдарға қосылады.`,
      windowSection: 'Бүкіл талдау аралығы',
      windowHeaders: ['Қадам', 'Сома', 'Негіз', 'Өсім', 'Кему', 'Жиыны'],
      windowNote: 'Бірінші кезеңнің басы, бүкіл аралықтағы әр қозғалыс, соңғы кезеңнің соңы. Диаграмма негіз, өсім, кему және жиын бойынша салынады.',
      chartTitle: (first: string, last: string): string => `Түсім көпірі, ${first} … ${last}`,
      axisTitle: 'Таза түсім',
      chartName: 'Түсім көпірінің диаграммасы',
    },
    portfolios: {
      title: (direction: string): string => `«${direction}» бойынша портфельдер`,
      subtitle: (window: string, direction: string): string =>
        `${window}. Клиенттің портфелі — ол ең көп (нетто) сатып алған «${direction}» мәні. A/B/C — портфель ішіндегі ABC (сол шектер). Мәртебелер мен қатердегі түсім — талдау күніне дейін сатып алуы бар портфельдің барлық клиенттері. Кеткен — соңғы кезеңде кеткендердің түсімі (түсім көпірі).`,
      headers: (direction: string): string[] => [direction, 'Клиенттер', 'Түсім', 'Үлес', 'Негізгі клиенттер', 'A', 'B', 'C', 'Белсенді', 'Тәуекел аймағында', 'Жоғалған', 'Қатердегі түсім', 'Соңғы кезеңде кеткен'],
    },
    history: {
      title: 'Топтар тарихы',
      subtitle: (n: string, every: PeriodKind, months: string): string =>
        `Суреттер: ${n}, әр ${PERIOD[every]} соңында; әрқайсысы — сол күнге дейінгі ${months} айдың талдауы. «-» — сурет аралығында клиенттің жолы жоқ. Динамика: бірінші сурет соңғысымен салыстырылады — тұрақты, өсуші, төмендеуші, жаңа (біріншісінде жоқ), кеткен (соңғысында жоқ).`,
      headers: (snapshots: readonly string[]): string[] => ['Клиент', ...snapshots, 'Динамика', 'A болған рет'],
      stayedA: (stayed: string, were: string): string => `Бірінші суреттегі A тобының ${were} клиентінің ${stayed} клиенті соңғысында да A тобында.`,
    },
    churn: {
      title: 'Клиенттердің кету динамикасы',
      subtitle: (asOf: string): string =>
        `${asOf} жағдайы бойынша. Үнсіздігі жоғалу шегінен асқан алғашқы күні клиент жоғалған болып саналады («Әдістеме» парағы); одан кейін қайта сатып алса — қайтты. Түсім — соңғы сатып алуға дейінгі 12 айдағы.`,
      totals: (became: string, back: string, now: string): string => `Клиенттің жоғалу жағдайлары: ${became}, қайтқандар: ${back}, қазір жоғалғандар: ${now}.`,
      headers: (kind: PeriodKind): string[] => [
        PERIOD_TITLE[kind],
        'Басы',
        'Соңы',
        'Жоғалды',
        'Олардың түсімі, 12 ай',
        'Қайтты',
        'Оның ішінде әлі жоғалған',
        `${PERIOD_END[kind]} жоғалғандар`,
      ],
      part: (p: string): string => `${p} (бөлігі)`,
      chartTitle: (kind: PeriodKind): string => `Жоғалған және қайтарылған клиенттер (${PERIOD_BY[kind]})`,
      leftTitle: (kind: PeriodKind): string => `${PERIOD_TITLE[kind]} ішіндегі клиенттер`,
      rightTitle: 'Жоғалған клиенттер',
      chartName: 'Кету диаграммасы',
      direction: 'Бағыт',
      bySection: (direction: string): string => `«${direction}» бойынша`,
      byNote: (direction: string): string => `Клиент ең көп (таза) сатып алған «${direction}» мәні бойынша есептеледі.`,
      byHeaders: (direction: string): string[] => [direction, 'Клиенттер', 'Белсенді', 'Тәуекел аймағында', 'Қатерде', 'Қазір жоғалған', 'Жоғалды', 'Қайтты'],
      perSection: (kind: PeriodKind, direction: string): string => `${PERIOD_PL_TITLE[kind]} және «${direction}»`,
      perNote: (kind: PeriodKind, direction: string): string => `Тек «${direction}» клиенті жоғалған немесе қайтқан ${PERIOD_PL[kind]}; мәнді сүзгімен таңдаңыз.`,
      perHeaders: (kind: PeriodKind, direction: string): string[] => [
        PERIOD_TITLE[kind],
        direction,
        'Басы',
        'Жоғалды',
        'Олардың түсімі, 12 ай',
        'Қайтты',
        'Оның ішінде әлі жоғалған',
        '',
      ],
    },

    migration: {
      corner: 'бұрын ↓   қазір →',
      slippedSection: (n: number): string => `Төмендеген негізгі клиенттер: A → B, C немесе кетті; X → Y немесе Z (${h.integer(n)})`,
      slippedNone: 'Жоқ: қазір негізгі немесе бұрын A тобында болған бірде-бір клиент A немесе X тобын жоғалтпады.',
      slippedHeaders: ['Клиент', 'Бұрынғы ABC', 'Қазіргі ABC', 'Бұрынғы XYZ', 'Қазіргі XYZ', 'Бұрынғы жиын', 'Қазіргі жиын', 'Өзгеріс', 'Қазір негізгі'],
      goneSection: (n: number): string => `Кеткен клиенттер: алдыңғы аралықта жолдары болған, ағымдағыда жоқ (${h.integer(n)})`,
      goneNone: 'Жоқ.',
      goneHeaders: ['Клиент', 'Бұрынғы ABC', 'Бұрынғы XYZ', 'Бұрынғы жиын'],
      title: 'Топтардың ауысуы',
      noCompare: 'Салыстыратын алдыңғы аралық жоқ: --compare previous (немесе --compare КҮН1..КҮН2) арқылы іске қосыңыз.',
      subtitle: (compared: string, now: string, by: AbcMetric, p: PeriodKind): string =>
        `${compared} ағымдағы ${now} аралығына, сол баптаулармен (ABC ${METRIC_BY[by]}, XYZ ${PERIOD_BY[p]}). Жаңа — алдыңғы аралықта жолы жоқ; кеткен — ағымдағыда жолы жоқ.`,
      grids: {
        abcClients: 'ABC: клиенттер',
        abcRevenue: 'ABC: ағымдағы аралықтағы таза түсім',
        abcPrevious: 'ABC: алдыңғы аралықтағы таза түсім',
        xyzClients: 'XYZ: клиенттер («-»: кезеңдер аз немесе таза сатып алу жоқ)',
      },
      totals: (before: number, beforeRevenue: string, now: number, nowRevenue: string): string =>
        `Алдыңғы аралық: клиенттер ${before}, таза түсім ${beforeRevenue}; ағымдағы аралық: клиенттер ${now}, таза түсім ${nowRevenue}.`,
    },

    dossiers: {
      title: 'Негізгі клиенттердің досьесі',
      subtitle: (n: number, from: string, to: string, rule: string): string =>
        `Негізгі клиенттер: ${n} (${rule}), рейтинг ретімен; аралық ${from} … ${to}. Тауарлар мен бағыттар — бүкіл журнал бойынша таза сомалар.`,
      noComparison: 'салыстыру жоқ',
      beforeLedger: 'журнал басталғанға дейін',
      new: 'жаңа',
      noLine: 'аралықта жолдар жоқ',
      classNow: 'Қазіргі тобы',
      classBefore: 'Бұрынғы тобы',
      earlierWindow: 'Алдыңғы аралық',
      revenue: 'Таза түсім',
      revenueShare: 'Түсім үлесі',
      total: (by: AbcMetric): string => `Жиыны: ${METRIC[by]}`,
      share: 'Үлес',
      profit: 'Пайда',
      profitShare: 'Пайда үлесі',
      rank: 'Орны',
      cumShare: 'Жинақталған үлес',
      cv: 'ВК',
      purchases: 'Аралықтағы сатып алулар',
      firstPurchase: 'Алғашқы сатып алу',
      lastPurchase: 'Соңғы сатып алу',
      interval: 'Әдеттегі аралық, күн',
      recency: 'Соңғы сатып алудан бергі күндер',
      status: 'Күйі',
      pAlive: 'P(белсенді)',
      direction: 'Бағыт',
      allValues: 'Барлық мәндер',
      products: 'Негізгі тауарлар',
      strategy: 'Стратегия',
      period: 'Кезең',
      metricRow: (by: AbcMetric): string => (by === 'revenue' ? 'Таза түсім' : METRIC_TITLE[by]),
      purchasesRow: 'Сатып алулар',
      sparkline: 'Спарклайн',
    },

    method: {
      title: 'Әдістеме',
      subtitle: 'Осы кітаптағы сандар қалай алынды: тексеруші оларды тексеріп, есептеуді қайталай алуы үшін қолданылған барлық баптаулар.',
      headers: ['Баптау', 'Мәні', 'Опция', 'Мағынасы'],
      sections: {
        run: 'Іске қосу',
        window: 'Талдау аралығы',
        abc: 'ABC: клиент қанша сатып алады',
        xyz: 'XYZ: клиент қаншалықты тұрақты сатып алады',
        lost: 'Жоғалған клиенттер',
        key: 'Негізгі клиенттер',
        reading: 'Парақтарды оқу',
        columns: '«Клиенттер» парағының бағандары',
      },
      version: ['kam нұсқасы', 'Осы кітапты жасаған бағдарлама.'],
      made: ['Жасалған', 'Кітап жазылған уақыт (UTC).'],
      ledger: 'Сату журналы',
      readAs: (how: string): string => `Оқылу тәсілі: ${how}.`,
      language: ['Тіл', 'Осы кітап пен терминалдың тілі; сандар кез келген тілде бірдей.'],
      command: 'Команда',
      commandLedger: 'ФАЙЛ',
      commandNote: 'Осы талдауды сол журналда қайталайды: барлық баптаулар, әдепкі мәндерімен қоса, анық жазылған.',
      asOf: ['Талдау күні', 'Талдау жүргізілетін күн. Әдепкі бойынша — журналдағы соңғы күн; одан кейінгі жолдар есепке алынбайды.'],
      period: 'Кезең',
      periodMeaning: (kind: PeriodKind): string => `Аралық пен XYZ қатарлары ${PERIOD_BY[kind]} есептеледі${kind === 'week' ? ' (апта дүйсенбіден басталады)' : ''}.`,
      window: 'Аралық',
      windowMeaning: (kind: PeriodKind, n: number, start: string, end: string): string =>
        `${n} толық ${PERIOD[kind]}, ${start} … ${end}. ABC және XYZ аралық ішіндегі жолдарды қолданады; сатып алудан бергі уақыт — талдау күніне дейінгі барлық жолдарды.`,
      partial: 'Толық емес кезеңдер',
      partialValue: (kept: boolean): string => (kept ? 'қалдырылды' : 'алынып тасталды'),
      partialMeaning: (kept: boolean): string =>
        kept
          ? 'Журнал ішінара ғана қамтыған бірінші немесе соңғы кезең аралықта қалдырылды.'
          : 'Журнал ішінара ғана қамтыған бірінші немесе соңғы кезең барлық кезеңдер салыстырмалы болуы үшін аралықтан алынып тасталды.',
      metric: 'Көрсеткіш',
      metricMeaning: (by: AbcMetric): string => `Клиенттер аралықтағы ${METRIC_BY[by]} реттеледі, ірілері бірінші (қайтарымдар шегерілген); тең жиындар бір топта.`,
      cutoffs: 'Шектер',
      abcMeaning: (a: string, b: string): string =>
        `A — бірге жиынның ${a}% беретін ірі клиенттер; B — келесілері, ${b}% дейін; C — қалғандары және жиыны нөл немесе теріс барлық клиенттер.`,
      boundary: 'Шекаралық клиент',
      boundaryMeaning: (boundary: AbcBoundary, a: string): string =>
        boundary === 'include'
          ? `Шекті кесіп өтетін клиент жоғары топқа жатады: A — ${a}% жететін ірі клиенттердің ең аз жиыны.`
          : 'Клиент жинақталған үлес онымен бірге шектен аспаса ғана жоғары топқа жатады (кестелік үлгілердің әдеттегі ережесі).',
      xyzMeaning: (kind: PeriodKind, by: AbcMetric, x: string, y: string): string =>
        `ВК — клиенттің ${PERIOD_ADJ[kind]} ${METRIC[by]} стандартты ауытқуының орташаға қатынасы. ВК ≤ ${x}% болса X, ≤ ${y}% болса Y, әйтпесе Z.`,
      seriesStart: 'Қатардың басы',
      seriesStartMeaning: (start: XyzStart, kind: PeriodKind): string =>
        start === 'first'
          ? `Әр клиенттің қатары аралықтағы ${FIRST_PERIOD[kind]} аралық соңына дейін жүреді, сатып алу болмаған ${PERIOD_PL[kind]} нөлмен.`
          : `Әр клиенттің қатары бүкіл аралықты қамтиды, сатып алу болмаған ${PERIOD_PL[kind]} нөлмен.`,
      sdLabel: 'Стандартты ауытқу',
      sdMeaning: (sd: SdKind): string => (sd === 'population' ? 'Бас жиынтықтың стандартты ауытқуы (n-ге бөлінеді).' : 'Іріктеменің стандартты ауытқуы (n − 1-ге бөлінеді).'),
      minPeriods: 'Ең аз кезең саны',
      minPeriodsMeaning: (kind: PeriodKind): string => `Қатарындағы ${PERIOD_PL[kind]} саны бұдан аз немесе таза сатып алуы жоқ клиент XYZ тобын («-») және ВК алмайды.`,
      lostAfter: 'Жоғалған деп саналады',
      lostAfterMeaning: (days: string, half: string, minDays: string): string =>
        `Ырғағына қарамастан, клиент ${days} күн сатып алмаса — жоғалған, ${half} күннен кейін — тәуекел аймағында. Сатып алу күндері ${minDays}-тен аз клиенттер тек осы ереже бойынша бағаланады.`,
      lostFactor: 'Жоғалу коэффициенті',
      lostFactorMeaning: (k: string, floor: string, minDays: string): string =>
        `Сатып алу күндері кемінде ${minDays} клиент үнсіздігі әдеттегі аралықтан (сатып алу күндері арасындағы медиана) ${k} есе асқанда жоғалған болып саналады, бірақ ${floor} күннен ерте емес.`,
      riskFactor: 'Тәуекел коэффициенті',
      riskFactorMeaning: (k: string, floor: string): string => `…ал үнсіздігі әдеттегі аралықтан ${k} есе асқанда — тәуекел аймағында, ${floor} күннен ерте емес.`,
      horizon: 'Көкжиек (апталар)',
      horizonMeaning: (weeks: string): string =>
        `Күтілетін сатып алу күндері (BG/NBD) мен күтілетін түсім (× Gamma-Gamma бойынша сатып алу күніне чек) талдау күнінен кейінгі ${weeks} аптаға есептеледі: күтілетін сатып алу күндері мен күтілетін түсім бағандары, «Күтілетін» жолдары, «Модель» парағы.`,
      discount: 'Дисконттау мөлшерлемесі',
      discountMeaning: (rate: string | null): string =>
        rate === null ? 'Күтілетін түсім дисконтталмайды.' : `Күтілетін түсім жылына ${rate} мөлшерлемемен апта сайын дисконтталады: әр аптаның күтілетін сатып алулары өз көбейткішімен.`,
      keyClients: ['Негізгі клиенттер', 'Бірге ABC көрсеткішінің осы үлесін құрайтын ең ірі клиенттер (A тобы сияқты сұрыпталып, шектеледі) және «асыраушы» немесе «имидж жасаушы» белгісі бар барлық клиенттер.'],
      breadwinner: 'Асыраушы үлесі',
      breadwinnerMeaning: (profit: boolean): string => `Асыраушы: аралықтағы барлық ${profit ? 'пайданың' : 'түсімнің (журналда пайда бағаны жоқ)'} кемінде осы үлесі.`,
      newWithin: 'Жаңа, ай ішінде',
      newWithinMeaning: (by: AbcMetric): string =>
        `Перспективалы: алғашқы сатып алу талдау күнінен осынша айдан аспайтын бұрын болған және бүкіл аралықта B тобының ең кіші жиынына жететін қарқын (алғашқы сатып алудан бергі айына ${METRIC[by]}, кемінде бір ай).`,
      compared: ['Салыстыру', '«Ауысу» парағының және «Бұрынғы ABC», «Бұрынғы XYZ» бағандарының алдыңғы аралығы, сол баптаулармен есептелген.'],
      band: ['Эталондық аралық', 'Негізгі клиенттердің сатылымдағы әдеттегі үлесі; бұл журналдың орны «Жиынтық» парағында көрсетілген.'],
      notes: {
        colours: [
          'Түстер',
          'Жасыл, сары және қызыл топтарға сәйкес: A, X және белсенді — жасыл; B, Y және тәуекел аймағындағы — сары; C, Z және жоғалған — қызыл. Матрица ұяшықтары: AX, AY, BX — жасыл; AZ, BY, CX — сары; BZ, CY, CZ — қызыл; XYZ тобы жоқ — сұр.',
        ],
        clients: [
          'Клиенттер',
          'Рейтинг ретімен әр клиентке бір жол; бағандар kam analyze --format csv бағандарымен бірдей ретпен және бірдей мәндермен (күйлер, белгілер мен белгілеулер — сөзбен), содан кейін кезеңдер бойынша ABC көрсеткіші. Сүзгілер тақырып жолында.',
        ],
        pareto: (bars: number): string[] => [
          'Парето',
          `Қасындағы кестеден салынған кірістірілген диаграмма. ${bars} клиентке дейін — әрқайсысына бір баған; көп болса, әр баған — орындар тобы (топтағы бір клиентке орташа; топтар ABC шекарасын кесіп өтпейді).`,
        ],
        series: [
          'Динамика',
          'Кезеңдердің барлық ұяшықтарына ортақ түс шкаласы: ақ — нөл, қанық жасыл — барлық ұяшықтардың 95-процентилінен жоғары. Нүкте — сатып алу болмаған кезең; қызыл сандар — таза қайтарымдар.',
        ],
        money: (revenue: string): string[] => ['Ақша', `Сомалар журналдағыдай (валюта қайта есептелмейді); аралықтағы таза түсім: ${revenue}.`],
      },
      columnHeaders: ['Тақырып', 'CSV бағаны', '', 'Мағынасы'],
      perPeriod: (kind: PeriodKind): string => `Содан кейін ${EACH_PERIOD[kind]} бір баған`,
      perPeriodMeaning: (by: AbcMetric, kind: PeriodKind): string => `Клиенттің аралықтың ${IN_EACH_PERIOD[kind]} ${METRIC[by]} көрсеткіші.`,
    },
  },
};
