// Русский каталог. Ключи задаёт английский (en.ts): тип Messages не даст пропустить ни одного.
// Термины — как в практике работы с ключевыми клиентами: ключевые клиенты, кормилец,
// перспективный, имиджевый, эксперт, потерянный клиент, в зоне риска; группы ABC и XYZ,
// коэффициент вариации (КВ). Числа — 1 234 567,89 (неразрывный пробел), даты — дд.мм.гггг.
import type { CellName } from '../core/matrix.js';
import type { PeriodKind } from '../core/periods.js';
import type { FileReason, Problem, Severity, SheetSkipReason } from '../core/problems.js';
import type { AbcBoundary, AbcMetric, SdKind, XyzStart } from '../core/settings.js';
import type { WinBackAction } from '../core/win-back.js';
import { makeHuman } from './human.js';
import type { ColumnTextContext, Messages, RowCounts, UsageParams } from './en.js';
import { capitalise, filePrefix, parsePeriodLabel, pluralRu as pl, wherePrefix, word, type Wording } from './helpers.js';

const h = makeHuman({ group: '\u00a0', decimal: ',', dates: 'dmy' });
const pct = (x: number): string => h.number(Math.round(x * 1000) / 10);
const n0 = (v: string): string => (/^-?\d+(\.\d+)?$/.test(v) ? h.number(Number(v)) : v);
/** A list of names in «ёлочках». */
const names = (value: unknown): string => (Array.isArray(value) ? value.map((v) => `«${String(v)}»`).join(', ') : String(value ?? ''));

// Показатель ABC в нужных падежах.
const METRIC = { revenue: 'выручка', profit: 'прибыль', quantity: 'количество' } satisfies Record<AbcMetric, string>;
const METRIC_GEN = { revenue: 'выручки', profit: 'прибыли', quantity: 'количества' } satisfies Record<AbcMetric, string>;
const METRIC_DAT = { revenue: 'выручке', profit: 'прибыли', quantity: 'количеству' } satisfies Record<AbcMetric, string>;
const METRIC_ALL = { revenue: 'всей выручки', profit: 'всей прибыли', quantity: 'всего количества' } satisfies Record<AbcMetric, string>;
const METRIC_TITLE = { revenue: 'Выручка', profit: 'Прибыль', quantity: 'Количество' } satisfies Record<AbcMetric, string>;
// Периоды.
const PERIOD = { month: 'месяц', quarter: 'квартал', week: 'неделя' } satisfies Record<PeriodKind, string>;
const PERIOD_TITLE = { month: 'Месяц', quarter: 'Квартал', week: 'Неделя' } satisfies Record<PeriodKind, string>;
const PERIOD_FORMS = { month: ['месяц', 'месяца', 'месяцев'], quarter: ['квартал', 'квартала', 'кварталов'], week: ['неделя', 'недели', 'недель'] } as const;
const FULL_FORMS = {
  month: ['полный месяц', 'полных месяца', 'полных месяцев'],
  quarter: ['полный квартал', 'полных квартала', 'полных кварталов'],
  week: ['полная неделя', 'полных недели', 'полных недель'],
} as const;
const PERIOD_GEN = { month: 'месяца', quarter: 'квартала', week: 'недели' } satisfies Record<PeriodKind, string>;
const PERIOD_GEN_PL = { month: 'месяцев', quarter: 'кварталов', week: 'недель' } satisfies Record<PeriodKind, string>;
const PERIOD_ACC = { month: 'месяц', quarter: 'квартал', week: 'неделю' } satisfies Record<PeriodKind, string>;
const PERIOD_PL = { month: 'месяцы', quarter: 'кварталы', week: 'недели' } satisfies Record<PeriodKind, string>;
const PERIOD_BY = { month: 'по месяцам', quarter: 'по кварталам', week: 'по неделям' } satisfies Record<PeriodKind, string>;
const FIRST_PERIOD = { month: 'первого месяца', quarter: 'первого квартала', week: 'первой недели' } satisfies Record<PeriodKind, string>;
const EACH_PERIOD = { month: 'за каждый месяц', quarter: 'за каждый квартал', week: 'за каждую неделю' } satisfies Record<PeriodKind, string>;
const forms = (n: number, f: readonly [string, string, string]): string => pl(n, f[0], f[1], f[2]);
const periodForm = (kind: PeriodKind, n: number): string => forms(n, PERIOD_FORMS[kind]);
const clients = (n: number): string => pl(n, 'клиент', 'клиента', 'клиентов');

/** 2026-03 → 03.2026; 2026-Q1 → 1 кв. 2026; 2026-03-02 → 02.03.2026. */
function period(label: string): string {
  const p = parsePeriodLabel(label);
  if (p === null) return label;
  if (p.kind === 'month') return `${p.m}.${p.y}`;
  if (p.kind === 'quarter') return `${p.q} кв. ${p.y}`;
  return `${p.d}.${p.m}.${p.y}`;
}

/** Date formats the readers detect, as masks a Russian reader knows. */
const DATE_FORMAT: Record<string, string> = {
  iso: 'ГГГГ-ММ-ДД',
  dmy: 'ДД.ММ.ГГГГ',
  mdy: 'ММ/ДД/ГГГГ',
  ymd: 'ГГГГ.ММ.ДД',
  yyyymmdd: 'ГГГГММДД',
  'excel-serial': 'числа дат Excel',
};

const ROLE = {
  client: 'клиент',
  date: 'дата',
  amount: 'сумма',
  quantity: 'количество',
  price: 'цена',
  profit: 'прибыль',
  document: 'документ',
  product: 'товар',
  direction: 'направление',
} as Record<string, string>;

const ROLE_HINT: Record<string, string> = {
  client: '--map client=ЗАГОЛОВОК',
  date: '--map date=ЗАГОЛОВОК',
  amount: '--map amount=ЗАГОЛОВОК (или --map quantity=… и --map price=…)',
};

/** Почему файл не прочитать или не записать. */
const fileReason = {
  'folder-not-file': () => 'это папка, а не файл',
  'permission-denied': () => 'нет доступа',
  'path-not-folder': () => 'часть пути — не папка',
  'symlink-loop': () => 'слишком много символических ссылок',
  'name-too-long': () => 'слишком длинное имя',
  'io-error': () => 'ошибка ввода-вывода',
  'too-many-open-files': () => 'слишком много открытых файлов',
  'xls-workbook': () => 'книга Excel 97-2003 (.xls) или защищённая паролем: сохраните её как .xlsx без пароля или как CSV',
  'ods-file': () => 'файл OpenDocument (.ods), а не книга .xlsx: сохраните его как .xlsx или CSV',
  'zip-not-xlsx': () => 'zip-архив, но не книга .xlsx: в нём нет листов',
  'xlsb-workbook': () => 'двоичная книга Excel (.xlsb), а не книга .xlsx: сохраните её как .xlsx или CSV',
  'zip-encrypted': () => 'zip-архив с зашифрованными частями: сохраните книгу без пароля',
  'zip-method': () => 'zip-архив, сжатый не методом deflate: пересохраните книгу как .xlsx',
  'csv-quote-not-closed': (r) => `кавычка не закрыта: файл кончается внутри поля в кавычках, открытого в строке ${r.line}`,
  'csv-syntax': (r) => `синтаксическая ошибка CSV ${r.csvCode} в строке ${r.line}${r.column !== undefined ? `, поле ${r.column}` : ''}`,
  'is-folder': () => 'это папка',
  'not-regular-file': () => 'это не обычный файл',
  'read-only-file': () => 'файл только для чтения',
  'read-only-file-system': () => 'файловая система только для чтения',
  'no-space': () => 'на устройстве нет места',
  'quota-exceeded': () => 'превышена дисковая квота',
  'file-in-use': () => 'файл занят; не открыт ли он в другой программе?',
  'no-folder': (r) => `нет папки ${r.folder}`,
  'folder-path-not-folder': (r) => `часть пути ${r.folder} — не папка`,
  'not-a-folder': (r) => `${r.folder} — не папка`,
  system: (r) => r.text,
} satisfies Wording<FileReason>;

/** Почему лист пропущен. */
const sheetSkipReason = {
  'no-header': () => 'нет строки заголовка с известными названиями столбцов',
  'no-rows': () => 'заголовок есть, строк нет',
  'missing-column': (r) => `нет столбца: ${r.roles.map((role) => ROLE[role] ?? role).join(', ')}`,
  'unknown-mapped-column': (r) => `нет столбца «${r.column}» для --map ${r.role}`,
} satisfies Wording<SheetSkipReason>;

const because = (reason: FileReason | undefined): string => (reason === undefined ? '' : ` (${word(fileReason, reason)})`);

/** "sales.xlsx, sheet \"Jan\"" → "sales.xlsx, лист «Jan»". */
function place(file: string): string {
  const m = /^(.*), sheet "(.*)"$/.exec(file);
  return m === null ? file : `${m[1]}, лист «${m[2]}»`;
}

const configTypes = {
  string: 'строкой',
  number: 'числом',
  boolean: 'true или false',
  cutoffs: 'двумя процентами: "80,95" или [80, 95]',
  map: 'объектом роль: "Заголовок", например {"client": "Контрагент"}, или списком "роль=Заголовок"',
  list: 'строкой или списком строк',
  section: 'объектом с параметрами этой команды',
};

const allowed = (p: UsageParams): string => (p.allowed ?? []).join(', ');

const usage = {
  memory: (p: UsageParams) => `--memory принимает размер вроде 500MB или 2GB, а не «${p.value}»`,
  sqlRoles: (p: UsageParams) =>
    `kam sql нужен столбец для ролей ${p.value}: ${(p.allowed ?? []).map((r) => (r === 'amount' ? '--map amount=СТОЛБЕЦ (или --map quantity=… и --map price=…)' : `--map ${r}=СТОЛБЕЦ`)).join(', ')}`,
  aggregateOutput: (p: UsageParams) => `${p.flag} принимает файл .csv или .parquet, а не «${p.value}»`,
  tableOrQuery: (_p: UsageParams) => 'укажите --table или --query, но не оба сразу',
  oneOf: (p: UsageParams) => `${p.flag}: допустимо одно из ${allowed(p)}, а не «${p.value}»`,
  positiveNumber: (p: UsageParams) => `${p.flag} должен быть положительным числом, а не «${p.value}»`,
  wholeNumber: (p: UsageParams) => `${p.flag} должен быть целым числом, а не «${p.value}»`,
  cutoffs: (p: UsageParams) => `${p.flag} принимает два возрастающих процента, например ${p.example}, а не «${p.value}»`,
  date: (p: UsageParams) => `${p.flag} принимает дату в виде ГГГГ-ММ-ДД, ДД.ММ.ГГГГ или today, а не «${p.value}»`,
  toBeforeFrom: (_p: UsageParams) => 'дата --to раньше даты --from',
  percentMax: (p: UsageParams) => `${p.flag} — процент не больше 100, а не «${p.value}»`,
  map: (p: UsageParams) => `--map принимает роль=Заголовок, где роль — одна из ${allowed(p)}, а не «${p.value}»`,
  encoding: (p: UsageParams) => `--encoding: utf8 или windows-1251, а не «${p.value}»`,
  delimiter: (p: UsageParams) => `--delimiter: один из , ; tab |, а не «${p.value}»`,
  decimal: (p: UsageParams) => `--decimal: «.» или «,», а не «${p.value}»`,
  currency: (p: UsageParams) => `--currency: трёхбуквенный код, например KZT, RUB или USD (или ₸, тг, руб, $, €), а не «${p.value}»`,
  dateFormat: (p: UsageParams) => `--date-format: одно из dd.mm.yyyy, dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd, yyyymmdd, serial, а не «${p.value}»`,
  stdinOnce: (_p: UsageParams) => 'стандартный ввод (-) можно прочитать только один раз',
  noLedger: (_p: UsageParams) => 'журнал не указан (укажите ФАЙЛ… или передайте его через конвейер)',
  top: (p: UsageParams) => `--top должен быть целым числом больше 0, а не «${p.value}»`,
  failOn: (p: UsageParams) => `--fail-on принимает ${allowed(p)}, а не «${p.value}»`,
  compare: (p: UsageParams) => `--compare принимает previous или ДАТА1..ДАТА2, например 2024-01-01..2024-06-30, а не «${p.value}»`,
  compareOrder: (p: UsageParams) => `--compare ${p.value}: конец раньше начала`,
  horizon: (p: UsageParams) => `--horizon принимает число недель больше 0 (не более 5200), а не «${p.value}»`,
  discount: (p: UsageParams) => `--discount принимает годовую ставку от 0 до 1, например 0.1 для 10% в год, а не «${p.value}»`,
  holdout: (p: UsageParams) => `--holdout ${p.value} не оставляет отложенного периода: дата должна быть раньше даты анализа ${p.example}`,
  emptyName: (_p: UsageParams) => 'ИМЯ клиента пустое (kam client ЖУРНАЛ... ИМЯ)',
  splitByOutput: (_p: UsageParams) => '--split-by пишет по книге на каждое значение: укажите -o ФАЙЛ.xlsx — от этого имени они и будут названы',
  portfolioBy: (_p: UsageParams) => 'kam portfolio нужен столбец, по которому делить клиентов: --by СТОЛБЕЦ (менеджер, регион или товарная группа)',
  stdinBoth: (_p: UsageParams) => 'стандартный ввод может содержать журнал или файл атрибутов (--clients -), но не оба сразу',
  xlsxName: (p: UsageParams) => `-o записывает книгу Excel: укажите имя файла с окончанием .xlsx, а не «${p.value}»`,
  lang: (p: UsageParams) => `--lang: одно из ${allowed(p)}, а не «${p.value}»`,
  configMissing: (p: UsageParams) => `${p.file}: файл настроек не найден`,
  configUnreadable: (p: UsageParams) => `${p.file}: не удаётся прочитать файл настроек (${p.reason ?? ''})`,
  configNotJson: (p: UsageParams) => `${p.file}: файл настроек — не корректный JSON (${p.reason})`,
  configNotObject: (p: UsageParams) => `${p.file}: файл настроек должен содержать один объект JSON с параметрами, например {"period": "quarter"}`,
  configUnknownKey: (p: UsageParams) =>
    `${p.file}: неизвестный параметр «${p.key}»${p.command === undefined ? '' : ` в разделе «${p.command}»`}; параметры — это длинные имена опций, например «period», «lostAfter» или «lost-after»`,
  configWrongType: (p: UsageParams) => `${p.file}: «${p.key}» должен быть ${configTypes[p.expected as keyof typeof configTypes] ?? p.expected}, а не ${p.value}`,
  configBadChoice: (p: UsageParams) => `${p.file}: «${p.key}» — одно из ${allowed(p)}, а не «${p.value}»`,
  configCommand: (p: UsageParams) => `kam config принимает одну из команд ${allowed(p)}, а не «${p.value}»`,
  notForCommand: (p: UsageParams) => `${p.flag} — не опция kam ${p.command}`,
  unknownOption: (p: UsageParams) => `неизвестная опция «${p.flag}»${p.example === undefined ? '' : `; возможно, имелась в виду ${p.example}`} (справка: kam --help)`,
  unknownCommand: (p: UsageParams) => `неизвестная команда «${p.value}»${p.example === undefined ? '' : `; возможно, имелась в виду ${p.example}`} (справка: kam --help)`,
  missingArgument: (p: UsageParams) => `не хватает обязательного аргумента «${p.value}» (справка: kam --help)`,
  optionMissingArgument: (p: UsageParams) => `у опции «${p.flag}» нет значения (справка: kam --help)`,
  excessArguments: (p: UsageParams) => `слишком много аргументов для kam ${p.command} (справка: kam --help)`,
  commander: (p: UsageParams) => `${p.value} (справка: kam --help)`,
  fromConfig: (p: UsageParams) => ` (задано в ${p.file} как «${p.key}»)`,
};

const date = (day: string): string => h.isoDay(day);
const count = (n: number): string => n0(String(n));

/** Модель покупок остановилась на границе: сказано прямо, и что kam использует вместо неё. */
const NOT_SOUND = (params: string): string =>
  `модель покупок не подходит к этому журналу: её оценка ушла к границе (${params}) и не установилась, поэтому kam не даёт по ней ни вероятности активности, ни ожидаемых покупок и выручки; вместо этого он судит о клиентах по их молчанию в сравнении с обычным интервалом (активен, в зоне риска, потерян: см. kam lost)`;

const problems = {
  'bad-option': (p) => `${p.value ?? ''}${p.details?.hint !== undefined ? ` (${String(p.details.hint)})` : ''}`,
  'input-twice': (p) =>
    `${p.file}: файл указан дважды${p.value !== undefined && p.value !== p.file ? ` (ещё и как ${p.value})` : ''}; каждая сумма учлась бы дважды: укажите каждый файл один раз`,
  'duplicate-header': (p) => `${filePrefix(p)}у двух столбцов заголовок «${p.column}», и kam не может понять, какой из них нужен: переименуйте один из них`,
  'column-two-roles': (p) => `столбец «${p.column}» назначен двум ролям (${p.details.roles.join(', ')}): каждой роли нужен свой столбец`,
  'file-not-found': (p) => `${p.file}: файл не найден`,
  'file-unreadable': (p) => `${p.file}: не удаётся прочитать${because(p.details?.reason)}`,
  'file-empty': (p) => `${p.file}: файл пуст`,
  'file-binary': (p) => `${p.file}: это не текстовый журнал (двоичные данные); нужен файл CSV, .csv.gz или .xlsx`,
  'file-truncated': (p) =>
    `${p.file}: ${p.details.format === 'xlsx' ? 'книга обрезана или повреждена' : 'сжатый файл обрезан или повреждён'}${p.details.part !== undefined ? ` (${p.details.part})` : ''}`,
  'sheet-not-found': (p) => `${p.file}: нет листа «${p.value}»; листы: ${names(p.details?.sheets)}`,
  'sheet-read': (p) => `${p.file}: прочитан лист «${p.value}»`,
  'sheet-skipped': (p) => `${p.file}: лист «${p.value}» пропущен: ${word(sheetSkipReason, p.details.reason)}; листы для чтения указываются через --sheet ИМЯ`,
  'no-header': (p) =>
    `${p.file}: в первых строках нет строки заголовка с известными названиями столбцов (клиент, дата, сумма…); первая строка: ${names(p.details?.firstRow)}; назовите столбцы через --map роль=ЗАГОЛОВОК`,
  'no-rows': (p) =>
    p.details === undefined
      ? `${filePrefix(p)}в журнале есть заголовок, но нет строк`
      : `${filePrefix(p)}ни одну из строк (${count(p.details.skipped)}) не удалось прочитать${p.line !== undefined ? ` (первая: строка ${p.line}, ${p.details.first === 'client' ? 'нет клиента' : p.details.first === 'fields' ? 'поля не по заголовку' : `«${p.column}»: «${p.value}»`})` : ''}`,
  'missing-column': (p) => {
    const roles = p.details.roles;
    const hints = roles.map((r) => ROLE_HINT[r] ?? `--map ${r}=ЗАГОЛОВОК`).join(', ');
    return `${filePrefix(p)}не найден столбец: ${roles.map((r) => ROLE[r] ?? r).join(', ')}; заголовки: ${names(p.details?.headers)}; укажите ${hints}`;
  },
  'unknown-mapped-column': (p) => `${filePrefix(p)}--map ${p.value}="${p.column}": такого столбца нет; заголовки: ${names(p.details?.headers)}`,
  'ambiguous-dates': (p) =>
    `${p.file}: даты в «${p.column}», например «${p.value}», читаются и как день/месяц, и как месяц/день; уточните: --date-format dd/mm/yyyy или --date-format mm/dd/yyyy`,
  'ambiguous-numbers': (p) =>
    `${p.file}: числа в «${p.column}», например «${p.value}», читаются и с «${p.details.point}» как десятичным знаком, и как с разделителем тысяч; уточните: --decimal . или --decimal ,`,
  'unknown-date-format': (p) =>
    `${p.file}: не удаётся прочитать даты в «${p.column}» (например, «${p.value}»); укажите --date-format (dd.mm.yyyy, dd/mm/yyyy, mm/dd/yyyy, yyyy-mm-dd, yyyymmdd, serial)`,
  'bad-row': (p) =>
    p.details?.kind === 'client'
      ? `${wherePrefix(p, 'строка')}нет клиента в «${p.column}»`
      : p.details.kind === 'fields'
        ? `${wherePrefix(p, 'строка')}полей: ${p.value}, а в заголовке: ${p.details.header}; значения стоят не в своих столбцах (лишняя кавычка или разделитель внутри имени без кавычек?)`
        : p.details.kind === 'far-date'
          ? `${wherePrefix(p, 'строка')}дата вне допустимого диапазона в «${p.column}»: «${p.value}» (раньше 1900 года или больше чем через год после сегодняшнего дня)`
          : p.details.kind === 'huge-number'
            ? `${wherePrefix(p, 'строка')}слишком большое число в «${p.column}»: «${p.value}» (kam точно складывает суммы до ±10^13)`
            : `${wherePrefix(p, 'строка')}${p.details.kind === 'date' ? 'нечитаемая дата' : p.details.kind === 'value' ? 'нечитаемое значение' : 'нечитаемое число'} в «${p.column}»: «${p.value}»`,
  'no-profit-column': (_p) => 'в журнале нет столбца прибыли, поэтому --by profit недоступен; укажите столбец через --map profit=ЗАГОЛОВОК',
  'no-quantity-column': (_p) => 'в журнале нет столбца количества, поэтому --by quantity недоступен; укажите столбец через --map quantity=ЗАГОЛОВОК',
  'empty-window': (p) =>
    `журнал (${date(p.details.from)} … ${date(p.details.to)}) не содержит ни одного полного ${PERIOD_GEN[p.details.period as PeriodKind] ?? p.details.period}; используйте --include-partial, более короткий --period или --from/--to`,
  'history-too-short': (p) =>
    `в журнале (${date(p.details.from)} … ${date(p.details.to)}) нет конца ${PERIOD_GEN[p.details.every]}, перед которым было бы ${p.details.months} ${pl(p.details.months, 'полный месяц', 'полных месяца', 'полных месяцев')}; уменьшите --window или задайте --from, чтобы снимки брали более короткие окна`,
  'output-unwritable': (p) => `${p.file}: не удаётся записать результат${because(p.details.reason)}`,
  'output-is-input': (p) =>
    `${p.file}: это входной журнал${p.value !== undefined && p.value !== p.file ? ` (${p.value})` : ''}; kam никогда не перезаписывает входные файлы: выберите другое имя для -o`,
  'output-failed': (p) => `не удаётся писать в стандартный вывод${because(p.details.reason)}`,
  'stray-quote': (p) =>
    `${wherePrefix(p, 'строка')}кавычка открывает поле, которое захватывает следующие строки (${count(p.details.lines)}); лишняя кавычка? Удалите или закройте её`,
  'line-too-long': (p) => `${wherePrefix(p, 'строка')}запись длиннее ${p.details.limit} млн символов: пропущен перевод строки или не закрыта кавычка?`,
  'bad-encoding': (p) =>
    `${wherePrefix(p, 'строка')}байт ${p.value} недопустим в кодировке ${p.details.encoding} (склеены выгрузки в разных кодировках?); сохраните файл в одной кодировке или укажите её через --encoding`,
  'mixed-numbers': (p) =>
    `${p.file}: числа в «${p.column}» записаны и как «${p.value}», и как «${p.details.other}»: в файле должен быть один десятичный знак; исправьте файл или уточните: --decimal . или --decimal ,`,
  'mixed-currency': (p) =>
    `${wherePrefix(p, 'строка')}«${p.value}» в «${p.column}» — в валюте ${p.details.other}, а суммы журнала — в ${p.details.first} (${p.details.byOption ? `--currency ${p.details.first}` : `${p.details.firstFile ?? ''}${p.details.firstFile !== null && p.details.firstLine !== null ? ', ' : ''}${p.details.firstLine === null ? '' : `строка ${p.details.firstLine}`}`}): суммы в двух валютах складывать нельзя; разделите журнал по валютам или сначала пересчитайте его`,
  'rows-skipped': (p) =>
    `пропущено строк: ${count(p.details.total)} (без клиента: ${count(p.details.noClient)}, с нечитаемой датой: ${count(p.details.badDate)}, с нечитаемым числом: ${count(p.details.badNumber)}${p.details.badFields ? `, с полями не по заголовку: ${count(p.details.badFields)}` : ''})`,
  'partial-period-dropped': (p) =>
    `${p.details?.edge === 'leading' ? 'первый' : 'последний'} период ${period(p.value ?? '')} покрыт лишь частично (${date(p.details.from)} … ${date(p.details.to)}) и исключён; --include-partial оставит его`,
  'partial-period-kept': (p) =>
    `${p.details?.edge === 'leading' ? 'первый' : 'последний'} период ${period(p.value ?? '')} покрыт лишь частично (${date(p.details.from)} … ${date(p.details.to)}) и оставлен (--include-partial)`,
  'window-capped': (p) =>
    `--to ${h.isoDay(p.value ?? '')} позже даты анализа ${date(p.details.asOf)}: окно заканчивается периодом даты анализа (в более поздних периодах строк нет)`,
  'xyz-degenerate': (p) => {
    const tries = [
      p.details?.suggestedCutoffs !== undefined ? `--xyz ${String(p.details.suggestedCutoffs)}` : '',
      p.details?.suggestedPeriod !== undefined ? `--period ${String(p.details.suggestedPeriod)}` : '',
    ].filter((t) => t !== '');
    return `${count(p.details.count)} из ${count(p.details.classed)} клиентов — в группе ${p.value}: разбиение XYZ почти ничего не говорит${tries.length > 0 ? `; попробуйте ${tries.join(' или ')}` : ''}`;
  },
  'no-positive-clients': (_p) => 'ни у одного клиента нет положительного итога в окне: все клиенты в группе C',
  'rows-after-as-of': (p) => `клиенто-дни после даты анализа не учитываются: ${count(p.details.days)}`,
  'bgnbd-not-fitted': (p) =>
    p.value === 'no-convergence'
      ? `подгонка BG/NBD по ${count(p.details.clients)} клиентам остановилась, не достигнув максимума (правдоподобие растёт к границе, например когда все клиенты уходят с одной скоростью): P(активен) не указывается, клиенты оцениваются по молчанию относительно их обычного интервала (активен, под риском, потерян)`
      : p.value === 'no-fit'
        ? `подгонка BG/NBD по ${count(p.details.clients)} клиентам не дала пригодных параметров: P(активен) не заполнена`
        : p.value === 'no-repeat-purchases'
          ? 'ни один клиент не покупал больше одного дня: модель BG/NBD не построить, P(активен) не заполнена'
          : `для BG/NBD нужно не менее ${count(p.details.needed)} клиентов с покупками, а в журнале их ${count(p.details.clients)}: P(активен) не заполнена`,
  'bgnbd-not-sound': (p) => NOT_SOUND(p.details.params),
  'lost-key-clients': (p) => `потеряны ключевые клиенты (${count(p.details.count)}): ${names(p.details?.clients)} (--fail-on lost-key)`,
  'client-not-found': (p) => {
    const near = p.details.suggestions;
    return `в журнале нет клиента «${p.value ?? ''}»${near.length > 0 ? `; возможно, имелся в виду ${names(near)}?` : '; похожих имён нет'}`;
  },
  'attributes-no-client-column': (p) => `${p.file}: в файле атрибутов нет столбца клиента; заголовки: ${names(p.details?.headers)}; назовите его «клиент»`,
  'attributes-unmatched': (p) => {
    const list = p.details.names;
    const shown = list.slice(0, 20);
    const more = list.length > shown.length ? ` и ещё ${list.length - shown.length}` : '';
    return `${p.file}: имена, не совпавшие ни с одним клиентом журнала (регистр и пробелы не учитываются), — ${list.length}: ${names(shown)}${more}`;
  },
  'attributes-bad-value': (p) =>
    `${p.file}: значения в need/can_pay/authority, не прочитанные ни как «да», ни как «нет», оставлены пустыми: ${count(p.details.count)} (первое: строка ${String(p.line)}, ${p.column ?? ''} «${p.value ?? ''}»)`,
  'attributes-computed-tag': (p) => `${p.file}: теги, которые kam вычисляет по журналу, в файле атрибутов не учитываются: ${names(p.details?.tags)}`,
  'compare-outside-ledger': (p) =>
    p.value === 'before'
      ? `окно сравнения ${date(p.details.from)} … ${date(p.details.to)} лежит до начала журнала (первая дата ${date(p.details.ledgerFrom)}): все клиенты новые`
      : `окно сравнения ${date(p.details.from)} … ${date(p.details.to)} начинается раньше журнала (первая дата ${date(p.details.ledgerFrom)}): его группы опираются лишь на часть окна`,
  'day-ledger-missing': (p) =>
    `${p.file}: в дневном журнале (заголовок «kam_day_ledger») должны быть столбцы ${names(p.details?.columns)}; заголовки: ${names(p.details?.headers)}`,
  'day-ledger-no-direction': (p) =>
    `${p.file}: этот дневной журнал собран без столбца направления, поэтому --direction неприменим; соберите его заново с направлением (kam aggregate --direction ИМЯ или kam sql --map direction=СТОЛБЕЦ)`,
  'duckdb-missing': (p) => `для чтения файлов Parquet и DuckDB нужен DuckDB: npm install ${p.value ?? '@duckdb/node-api'}`,
  'out-of-memory': (p) =>
    p.details.engine === 'workbook'
      ? `${filePrefix(p)}не хватило памяти при записи книги на ${count(p.details.clients)} ${pl(p.details.clients, 'клиента', 'клиентов', 'клиентов')} (предел кучи ${count(p.details.limitMb)} МБ): дайте Node больше памяти (NODE_OPTIONS=--max-old-space-size=МБ) или получите таблицу без книги (--format csv)`
      : p.details.engine === 'duckdb'
      ? `${filePrefix(p)}DuckDB не хватило памяти (предел ${count(p.details.limitMb)} МБ) после ${count(p.details.clients)} ${pl(p.details.clients, 'клиента', 'клиентов', 'клиентов')}: дайте ему больше ключом --memory (например, --memory 4GB) или сначала сверните журнал там, где он хранится (kam sql), и передайте kam дневной журнал`
      : `${filePrefix(p)}не хватило памяти после ${count(p.details.clients)} ${pl(p.details.clients, 'клиента', 'клиентов', 'клиентов')} (предел кучи ${count(p.details.limitMb)} МБ): дайте Node больше памяти (NODE_OPTIONS=--max-old-space-size=МБ) или сначала сверните журнал в дневной журнал (kam aggregate или kam sql в базе данных), а для Parquet ограничьте DuckDB ключом --memory`,
  'source-failed': (p) => {
    const table = String(p.details?.table ?? '');
    switch (p.details?.reason) {
      case 'no-source':
        return `${p.file}: укажите таблицу (--table ИМЯ) или запрос (--query "SELECT …")`;
      case 'auth':
        return `${p.file}: сервер отказал во входе (неверный пользователь или пароль); укажите их в URL, в PGUSER и PGPASSWORD или в ~/.pgpass`;
      case 'no-database':
        return `${p.file}: на сервере нет такой базы данных`;
      case 'no-table':
        return `${p.file}: нет таблицы или представления «${table}»`;
      case 'unreachable':
        return `${p.file}: сервер недоступен (${p.value ?? ''})`;
      case 'no-space':
        return `${p.file}: нет места во временной папке ${p.value ?? ''} (там DuckDB сортирует и сбрасывает данные на диск); освободите место или укажите в TMPDIR папку на диске побольше`;
      default:
        return `${p.file}: база данных отклонила запрос: ${p.value ?? ''}`;
    }
  },
} satisfies Wording<Problem>;

export const ru: Messages = {
  lang: 'ru',
  locale: 'ru-RU',
  languageName: 'русский',
  human: h,
  // Коды форматов хранятся в файле в английской записи; [$-419] — русский язык формата: LibreOffice
  // и Excel показывают число с русскими разделителями 1 234 567,89, дату — дд.мм.гггг.
  numFmt: {
    money: '[$-419]#,##0.00;[Red]-#,##0.00',
    moneyRound: '[$-419]#,##0;[Red]-#,##0',
    integer: '[$-419]#,##0',
    decimal: '[$-419]#,##0.0#',
    percent: '[$-419]0.0%',
    ratio: '[$-419]0.00',
    date: '[$-419]dd.mm.yyyy',
    dateTime: '[$-419]dd.mm.yyyy hh:mm',
    countDash: '[$-419]#,##0;-#,##0;"–"',
    moneyDash: '[$-419]#,##0;[Red]-#,##0;"–"',
    percentDash: '[$-419]0.0%;[Red]-0.0%;"–"',
    seriesValue: '[$-419]#,##0;[Red]-#,##0;"·"',
    axisInteger: '[$-419]#,##0',
    axisPercent: '[$-419]0%',
    general: '[$-419]General',
  },
  period,

  severity: { error: 'ошибка', warning: 'предупреждение', note: 'примечание' } satisfies Record<Severity, string>,
  severityTitle: { error: 'Ошибка', warning: 'Предупреждение', note: 'Примечание' } satisfies Record<Severity, string>,
  status: { active: 'активный', 'at-risk': 'в зоне риска', lost: 'потерянный' },
  statusWords: { active: 'активные', atRisk: 'в зоне риска', lost: 'потерянные' },
  statusTitle: { active: 'Активные', 'at-risk': 'В зоне риска', lost: 'Потерянные' },
  tags: {
    key: 'ключевой',
    breadwinner: 'кормилец',
    'image-maker': 'имиджевый',
    expert: 'эксперт',
    prospect: 'перспективный',
    qualified: 'квалифицированный',
    'at-risk': 'в зоне риска',
    lost: 'потерянный',
  },
  flags: { 'non-positive-total': 'неположительный итог', 'too-new': 'слишком новый', 'no-net-purchases': 'нет чистых покупок' },
  metric: METRIC,
  metricTitle: METRIC_TITLE,
  periodKind: PERIOD,
  periodTitle: PERIOD_TITLE,
  periodCount: (kind: PeriodKind, n: number): string => `${h.integer(n)} ${periodForm(kind, n)}`,
  boundary: { include: 'включительно', exclude: 'исключительно' } satisfies Record<AbcBoundary, string>,
  sd: { population: 'генеральное', sample: 'выборочное' } satisfies Record<SdKind, string>,
  xyzStart: { first: 'с первой покупки', window: 'с начала окна' } satisfies Record<XyzStart, string>,
  migrationNew: 'новые',
  migrationGone: 'ушли',
  noDirection: '(нет)',
  total: 'Итого',
  cv: 'КВ',
  daysShort: (n: string): string => `${n} дн.`,

  strategy: {
    AX: 'Удерживать любой ценой: персональный менеджер, долгосрочные договоры, приоритетное обслуживание и зарезервированный под них запас.',
    AY: 'Укреплять лояльность: персональный менеджер, гибкие условия, поставки по графику их сезонности.',
    AZ: 'Ценный, но непредсказуемый: изучить цикл закупок, согласовать прогнозы, перевести на регулярные объёмы.',
    BX: 'Наращивать долю в закупках клиента: кросс-продажи и допродажи, скидки за объём; покупает уже стабильно.',
    BY: 'Развивать: регулярный контакт, акции под их пики, переводить в группу A.',
    BZ: 'Стабилизировать: выяснить причину колебаний, предложить договоры или подписку, выравнивающие закупки.',
    CX: 'Обслуживать эффективно: стандартные условия, автоматические дозаказы; предлагать комплекты, чтобы поднять средний чек.',
    CY: 'Стандартное обслуживание: групповые акции и рассылки, без индивидуальных усилий.',
    CZ: 'Минимум усилий: самообслуживание, предоплата, проверить, окупается ли обслуживание вообще.',
    'A-': 'Слишком новый или нет чистых покупок — стабильность не оценить: крупный клиент, за ним нужно внимательно следить.',
    'B-': 'Слишком новый или нет чистых покупок — стабильность не оценить: поддерживать контакт и выстраивать ритм закупок.',
    'C-': 'Слишком новый или нет чистых покупок — стабильность не оценить: стандартное обслуживание.',
  } satisfies Record<CellName, string>,

  action: {
    'A-lost': 'Клиент группы A потерян: менеджер клиента и директор звонят на этой неделе, выясняют причину и делают персональное предложение, чтобы вернуть его.',
    'A-at-risk': 'Клиент группы A уходит: менеджер клиента звонит сейчас, проверяет удовлетворённость и ближайшие потребности, оформляет следующий заказ.',
    'B-lost': 'Менеджер звонит с предложением вернуться (цена, условия или доставка) и спрашивает, что пошло не так.',
    'B-at-risk': 'Менеджер напоминает о привычном заказе и даёт повод купить сейчас (акция, наличие, условия).',
    'C-lost': 'Автоматическая рассылка с предложением вернуться; без личных усилий, пока клиент не откликнется.',
    'C-at-risk': 'Автоматическое напоминание (письмо, СМС); стандартное обслуживание.',
  } satisfies Record<WinBackAction, string>,

  problems,
  usage,
  configTypes,
  place,

  cli: {
    workbookWritten: (path: string): string => `книга записана: ${path}`,
    reading: (input: string, mb: string, size: string, rows: string): string => `чтение ${input}: ${mb} МБ${size}, строк: ${rows}`,
    readingOf: (mb: string, percent: string): string => ` из ${mb} МБ (${percent}%)`,
    internalError: (message: string): string => `внутренняя ошибка: ${message} (KAM_DEBUG=1 покажет стек вызовов)`,
  },

  input: {
    sheet: (name: string): string => `лист «${name}»`,
    delimiter: (d: string): string => `разделитель ${d}`,
    tab: 'табуляция',
    dates: (format: string): string => `даты ${DATE_FORMAT[format] ?? format}`,
    decimal: (d: string): string => `десятичный знак «${d}»`,
    gzip: ' (gzip)',
    engine: { parquet: 'Parquet, свёрнут в DuckDB', duckdb: 'таблица DuckDB, свёрнута в DuckDB', postgres: 'PostgreSQL, свёрнут на сервере' },
    dayLedger: 'дневной журнал',
  },

  windowLine: (from: string, to: string, count: string, start: string, end: string, asOf: string): string => `${from} … ${to} (${count}, ${start} … ${end}), на ${asOf}`,
  notes: 'Примечания',
  more: (n: number, hint: string): string => `… и ещё ${h.integer(n)} (${hint})`,
  columnsNotShown: (names: string): string => `не показаны столбцы: ${names}; расширьте терминал или используйте --format csv`,
  andMore: (names: string, n: number): string => `${names}, … и ещё ${h.integer(n)}`,
  moreHint: { top: '--top N', topOrCsv: '--top N или --format csv — все', topOrLostCsv: '--top N или kam lost --format csv — все' },

  bridge: {
    title: (kind: PeriodKind, column: string | null): string => `Мост выручки ${PERIOD_BY[kind]}${column === null ? '' : ` — ${column}`}`,
    subtitle: '(как чистая выручка изменилась к прошлому периоду: новые клиенты, вернувшиеся, рост и спад оставшихся, ушедшие)',
    headers: ['Начало', 'Новые', 'Вернувшиеся', 'Рост', 'Спад', 'Ушедшие', 'Конец', 'Новых клиентов', 'Вернулись', 'Ушли'],
    steps: { revenueStart: 'начало', new: 'новые', reactivated: 'вернувшиеся', expansion: 'рост', contraction: 'спад', churned: 'ушедшие', revenueEnd: 'конец' },
    waterfall: (period: string): string => `Водопад, ${period}`,
    none: 'нет периодов для показа',
  },

  portfolio: {
    title: (column: string): string => `Портфели в разрезе «${column}»`,
    subtitle: '(портфель клиента — значение, под которым он купил больше всего; группы A/B/C считаются внутри портфеля)',
    headers: ['Клиенты', 'Выручка', 'Доля', 'Ключевые', 'A', 'B', 'C', 'Активные', 'В зоне риска', 'Потеряны', 'Под угрозой', 'Ушло'],
    churnedNote: (period: string): string =>
      `Ушло: выручка предыдущего периода от клиентов, у которых нет ни одной строки в ${period}; под угрозой: выручка потерянных клиентов и клиентов в зоне риска за 12 месяцев до последней покупки`,
  },

  history: {
    title: (n: number, every: PeriodKind, months: number): string =>
      `История групп: ${h.integer(n)} ${pl(n, 'снимок', 'снимка', 'снимков')} на конец каждого ${PERIOD_GEN[every]}, каждый — за ${months} ${pl(months, 'предшествующий месяц', 'предшествующих месяца', 'предшествующих месяцев')}`,
    labels: { snapshots: 'Снимки', clients: 'Клиенты', marks: 'Динамика', stayedA: 'Остались в A' },
    span: (first: string, last: string): string => `${first} … ${last}`,
    clients: (n: string): string => `${n} — хотя бы в одном снимке`,
    marks: { stable: 'стабильные', rising: 'растущие', falling: 'снижающиеся', new: 'новые', gone: 'ушедшие' },
    stayedA: (stayed: string, were: string, first: string, last: string): string => `${stayed} из ${were} клиентов группы A на ${first} остались в A на ${last}`,
    perennial: (n: string): string => `Постоянные клиенты группы A (A в каждом снимке): ${n}`,
    oneOff: (n: string): string => `Разовые клиенты группы A (A только в одном снимке): ${n}`,
    headers: ['№', 'Клиент', 'Группы', 'Динамика'],
    none: 'нет',
    markRule: 'динамика: первый снимок против последнего — стабильные (та же группа), растущие, снижающиеся, новые (нет в первом), ушедшие (нет в последнем)',
  },

  analyze: {
    labels: {
      ledger: 'Журнал продаж',
      window: 'Окно анализа',
      rows: 'Строки',
      clients: 'Клиенты',
      totals: 'Итоги',
      key: 'Ключевые клиенты',
      tags: 'Теги',
      status: 'Статусы',
      atStake: 'Под угрозой',
      settings: 'Параметры',
    },
    rows: (c: RowCounts): string =>
      `прочитано ${h.integer(c.rows)}, использовано ${h.integer(c.accepted)}, пропущено ${h.integer(c.skipped)}` +
      (c.skipped > 0 ? ` (без клиента: ${h.integer(c.noClient)}, с нечитаемой датой: ${h.integer(c.badDate)}, с нечитаемым числом: ${h.integer(c.badNumber)})` : ''),
    clients: (inWindow: number, inLedger: number): string => `${h.integer(inWindow)} в окне анализа, ${h.integer(inLedger)} в журнале`,
    totals: { revenue: (x: string) => `выручка ${x}`, profit: (x: string) => `прибыль ${x}`, quantity: (x: string) => `количество ${x}` },
    keyShares: { revenue: (x: string) => `${x} выручки`, profit: (x: string) => `${x} прибыли` },
    band: (from: number, to: number): string => `диапазона ${from}–${to}%`,
    position: { within: (band: string) => `в пределах ${band}`, below: (band: string) => `ниже ${band}`, above: (band: string) => `выше ${band}` },
    key: (n: number, rule: string, shares: string, position: string): string => `${h.integer(n)} (${rule}): ${shares} — ${position}`,
    keyRule: (share: string, by: AbcMetric): string => `первые ${share} ${METRIC_GEN[by]} + кормильцы, имиджевые`,
    keyPushed: (tags: string, upper: string): string => `; за ${upper} вывели теги: ${tags}`,
    settingsAbc: (by: AbcMetric, a: number, b: number, boundary: AbcBoundary): string =>
      `ABC по ${METRIC_DAT[by]}, границы ${pct(a)}/${pct(b)}% (пограничный клиент — в ${boundary === 'include' ? 'старшей' : 'младшей'} группе)`,
    settingsXyz: (period: PeriodKind, x: number, y: number, sd: SdKind, start: XyzStart, minPeriods: number): string =>
      `XYZ по КВ ${PERIOD_BY[period]}, границы ${pct(x)}/${pct(y)}% (СКО ${sd === 'population' ? 'генеральное' : 'выборочное'}, ряд ${start === 'first' ? 'с первой покупки' : 'с начала окна'}, не менее ${minPeriods} ${pl(minPeriods, 'периода', 'периодов', 'периодов')})`,
    matrixTitle: 'Матрица ABC-XYZ',
    matrixSubtitle: '(клиенты и доля выручки)',
    strategyHeaders: ['Ячейка', 'Клиенты', 'Выручка', 'Доля', 'Стратегия'],
    topTitle: (n: number): string => `Крупнейшие клиенты (${h.integer(n)})`,
    topHeaders: (metric: string): string[] => ['№', 'Клиент', 'ABC', 'XYZ', metric, 'Доля', 'Накоп.', 'КВ', 'Актив.', 'Покуп.', 'Последняя покупка', 'Статус', 'Теги'],
    tagCount: (tag: string, n: string): string => `${tag}: ${n}`,
    tagExplain: {
      breadwinner: (share: string, basis: AbcMetric) => `≥ ${share} ${METRIC_GEN[basis]}`,
      prospect: (since: string) => `первая покупка с ${since}, темп на уровне A/B`,
    },
    noBreadwinner: (share: string, basis: AbcMetric): string => `кормильцев нет (≥ ${share} ${METRIC_GEN[basis]})`,
    noTags: 'нет',
  },

  lost: {
    statusCounts: (n: { active: string; atRisk: string; lost: string; clients: string }, w: { active: string; atRisk: string; lost: string }): string =>
      `${w.active}: ${n.active}, ${w.atRisk}: ${n.atRisk}, ${w.lost}: ${n.lost} — всего клиентов с покупками: ${n.clients}`,
    atStake: (total: string, lost: string, atRisk: string): string => `${total} (потерянные ${lost}, в зоне риска ${atRisk}): их выручка за 12 месяцев до последней покупки`,
    rules: (lostFactor: string, riskFactor: string, lostAfter: string, riskAfter: string, lostFloor: string, riskFloor: string): string =>
      `потерян, если молчит дольше ${lostFactor} × обычный интервал (не менее ${lostFloor} дней), в зоне риска — дольше ${riskFactor} × (не менее ${riskFloor} дней); любой клиент потерян после ${lostAfter} дней без покупок, в зоне риска — после ${riskAfter}`,
    notFitted: 'модель не построена (см. примечания)',
    fit: (clientCount: string, params: string, ll: string): string => `BG/NBD (клиентов: ${clientCount}): ${params}, логарифм правдоподобия ${ll}`,
    labels: { asOf: 'На дату', clients: 'Клиенты', atStake: 'Под угрозой', keyLost: 'Потеряны ключевые', rules: 'Правила', pAlive: 'P(активен)' },
    winBackTitle: 'Список возврата',
    winBackNone: 'потерянных клиентов и клиентов в зоне риска нет',
    winBackSubtitle: (n: number): string => `(потерянные и в зоне риска: ${h.integer(n)}; самые ценные первыми; ★ — ключевой клиент)`,
    winBackHeaders: ['№', 'Клиент', 'ABC', 'Статус', 'Последняя покупка', 'Давность', 'Обычн. инт.', 'Выручка 12 мес.', 'P(активен)', 'Действие'],
    churnTitle: (kind: PeriodKind): string => `Отток ${PERIOD_BY[kind]}`,
    churnNone: 'ни один клиент ещё не потерян',
    churnSubtitle: '(клиент становится потерянным в день, когда его молчание превышает порог потери; вернулся — снова купил после этого)',
    churnHeaders: ['Потеряны', 'Их выручка 12 мес.', 'Вернулись', 'Всё ещё потеряны'],
    churnPartial: '* период покрыт лишь частично (в него попадает дата анализа или первая покупка)',
    directionTitle: 'Направление',
    directionHeaders: ['Клиенты', 'Активные', 'В зоне риска', 'Потеряны сейчас', 'Под угрозой', 'Потеряны', 'Вернулись'],
    churnByDirection: (column: string | null): string => (column === null ? 'Отток по направлениям' : `Отток в разрезе «${column}»`),
    churnByDirectionSubtitle: '(направление клиента — значение, под которым он купил больше всего)',
    periodHeader: 'Период',
    gridNote: 'потеряны / вернулись по периодам',
    gridOther: 'прочие',
    gridOtherNote: (values: string, shown: number): string => `«прочие» — сумма по остальным ${values} значениям, кроме ${shown} с наибольшим оттоком`,
  },

  alive: {
    labels: { asOf: 'На дату', clients: 'Клиенты', model: 'BG/NBD', logLikelihood: 'Лог. правдоподобие', expected: 'Ожидается' },
    clients: (n: string, repeat: string): string => `с покупками: ${n} (покупали в разные дни: ${repeat})`,
    converged: (ok: boolean, iterations: number): string => `${ok ? 'сошлось' : 'не сошлось'} за ${iterations} ${pl(iterations, 'итерацию', 'итерации', 'итераций')}`,
    expected: (x: string, weeks: string): string => `дней покупок от всех клиентов за следующие ${weeks} нед.: ${x}`,
    headers: (weeks: string): string[] => ['№', 'Клиент', 'Дни покупок', 'Давность (нед.)', 'Возраст (нед.)', 'P(активен)', `Ожидается за ${weeks} нед.`],
    title: 'Клиенты по ожидаемым дням покупок',
  },

  model: {
    labels: { spend: 'Чек', spendMean: 'Средний чек', holdout: 'Проверка', totals: 'Итого', error: 'Ошибка', expected: 'Ожидается', model: 'Модель' },
    clientsTitle: 'Клиенты по числу дней покупок',
    horizon: (weeks: number, n: string): string => (weeks === 52 ? 'следующие 12 месяцев' : `следующие ${n} ${pl(weeks, 'неделю', 'недели', 'недель')}`),
    discounted: (rate: string): string => `, с дисконтированием ${rate} в год`,
    spendParams: (p: string, q: string, gamma: string, ll: string): string => `Gamma-Gamma p = ${p}, q = ${q}, γ = ${gamma}, лог. правдоподобие ${ll}`,
    spendClients: (fitted: string, leftOut: number, leftOutText: string): string =>
      `оценена по ${fitted} клиентам с повторными днями покупок${leftOut === 0 ? '' : `; не учтены: ${leftOutText} (средняя чистая сумма за повторный день покупки — ноль или меньше)`}`,
    spendMean: (mean: string): string => `${mean} за день покупки для клиента, о котором модель судить не может (среднее по всем)`,
    spendNotConverged: 'оценка модели чека остановилась на границе (клиенты тратят слишком одинаково, чтобы их различить): ожидаемый чек взят из предела, к которому она шла',
    spendNotFitted: (status: 'too-few-clients' | 'no-mean', clients: string, needed: string): string =>
      status === 'too-few-clients'
        ? `не оценена: нужно не меньше ${needed} клиентов с повторным днём покупки и положительной средней чистой суммой, в журнале их ${clients}; ожидаемой выручки нет`
        : 'не оценена: разброс чека между клиентами так велик, что у него нет среднего; ожидаемой выручки нет',
    notSound: (params: string): string => `${capitalise(NOT_SOUND(params))}.`,
    notSoundShort: 'не оценивается: модель покупок не подходит к этому журналу (почему — покажет kam alive)',
    notFittedShort: 'не оценивается: модели не удалось построить по этому журналу (почему — покажет kam alive)',
    revenueLine: (key: string, winBack: string, horizon: string, discount: string): string => `${horizon}${discount}: ключевые клиенты ${key}, список возврата ${winBack}`,
    winBackLine: (total: string, lost: string, atRisk: string, horizon: string, discount: string): string =>
      `${total} (потерянные ${lost}, в зоне риска ${atRisk}): ожидаемая выручка списка возврата за ${horizon}${discount}`,
    clientLine: (revenue: string, purchases: string, spend: string, horizon: string, discount: string): string =>
      `${revenue} за ${horizon}${discount}: ${purchases} дн. покупок × ${spend}`,
    holdoutTitle: (calibrationEnd: string, end: string, weeks: string): string =>
      `Проверка на отложенном периоде: модели оценены по дням покупок до ${calibrationEnd}, проверены на ${weeks} нед. после этой даты, до ${end}`,
    holdoutHeaders: ['Повторных дней покупок до конца калибровки', 'Клиенты', 'Факт на клиента', 'Ожидалось на клиента'],
    total: 'Итого',
    holdoutTotals: (actual: string, expected: string): string => `повторных дней покупок в отложенном периоде: ${actual}, ожидалось ${expected}`,
    holdoutError: (mae: string, correlation: string): string => `по клиентам: средняя абсолютная ошибка ${mae}, корреляция факта и ожидания ${correlation}`,
    holdoutNew: (n: string): string => `клиентов, впервые купивших после конца калибровки: ${n}; модели о них ничего не знают, они не проверяются`,
    holdoutNoFit: 'ожиданий нет: модель покупок не удалось построить по калибровочному периоду',
    chartTitle: 'Повторные дни покупок в отложенном периоде нарастающим итогом, по неделям',
    actual: 'факт',
    expected: 'ожидание',
    week: 'Неделя',
    sheet: {
      title: 'Модель',
      subtitle: (asOf: string): string => `Модель покупок (BG/NBD) и модель чека (Gamma-Gamma), оценённые на ${asOf}`,
      purchaseTitle: 'Модель покупок: BG/NBD (Фейдер, Харди и Ли, 2005)',
      spendTitle: 'Модель чека: Gamma-Gamma (Фейдер, Харди и Ли, 2005)',
      revenueTitle: 'Ожидаемая выручка',
      parameter: 'Параметр',
      value: 'Значение',
      meaning: 'Смысл',
      r: 'форма распределения интенсивности покупок среди клиентов',
      alpha: 'масштаб интенсивности покупок (недели)',
      a: 'уход после покупки: параметр a бета-распределения',
      b: 'уход после покупки: параметр b бета-распределения',
      p: 'форма распределения суммы клиента за день покупки',
      q: 'форма разброса среднего чека между клиентами',
      gamma: 'масштаб разброса среднего чека (деньги)',
      logLikelihood: 'Лог. правдоподобие',
      clients: 'Клиенты',
      converged: 'Сошлось',
      yes: 'да',
      no: 'нет',
      populationMean: 'Средний чек за день покупки',
      leftOut: 'Не учтены (средняя чистая сумма ноль или меньше)',
      horizon: 'Горизонт (недели)',
      discount: 'Годовая ставка дисконтирования',
      none: 'нет',
      expectedTotal: 'Ожидаемая выручка, все клиенты',
      holdoutNone: 'Проверки на отложенном периоде нет: kam alive ЖУРНАЛ --holdout ДАТА -o ФАЙЛ.xlsx оценивает модели по дням до ДАТЫ и проверяет их на днях после неё.',
      chartName: 'График проверки на отложенном периоде',
      chartAxis: 'Повторные дни покупок (нарастающим итогом)',
      mae: 'Средняя абсолютная ошибка на клиента',
      correlation: 'Корреляция факта и ожидания',
      calibrationEnd: 'Конец калибровки',
      end: 'Конец проверки',
    },
  },

  dossier: {
    labels: {
      window: 'Окно анализа',
      classes: 'Группы',
      before: 'Ранее',
      revenue: 'Выручка',
      profit: 'Прибыль',
      quantity: 'Количество',
      purchases: 'Покупки',
      firstLast: 'Первая / последняя',
      rhythm: 'Ритм',
      breadwinner: 'Кормилец',
      prospect: 'Перспективный',
      series: 'Динамика',
    },
    noClass: 'в окне анализа нет строк: группы нет',
    notReached: 'журнал не охватывает это время',
    newThen: 'новый (тогда строк не было)',
    beforeTotal: (cell: string, by: AbcMetric, total: string): string => `${cell}, ${METRIC[by]} ${total}`,
    partly: ' (журнал охватывает его лишь частично)',
    rank: (rank: number, cum: string): string => `; место ${rank}, накопленная доля ${cum}`,
    ofAll: (value: string, share: string, rank: string): string => `${value} (${share} от всех${rank})`,
    ofRevenue: (value: string, share: string): string => `${value} (${share} выручки)`,
    ofProfit: (value: string, share: string): string => `${value} (${share} прибыли)`,
    purchases: (n: string, active: number, periods: number, days: string): string =>
      `${n} в окне анализа, в ${active} из ${periods} ${pl(periods, 'периода', 'периодов', 'периодов')}; дней покупок до даты анализа: ${days}`,
    daysAgo: (n: string): string => ` (${n} дн. назад)`,
    rhythm: (interval: string | null, status: string, pAlive: string | null): string =>
      `обычный интервал ${interval === null ? '-' : `${interval} дн.`}; статус ${status}${pAlive === null ? '' : `; P(активен) ${pAlive}`}`,
    breadwinner: (share: string, basis: AbcMetric): string => `${share} ${METRIC_ALL[basis]}`,
    breadwinnerFrom: (threshold: string): string => `(кормилец — от ${threshold})`,
    prospect: (since: string, metric: string, days: string, pace: string, projected: string, months: string, cls: string): string =>
      `новый с ${since}: ${metric} за ${days} дн. = ${pace} в месяц → ${projected} за ${months} мес. окна: группа ${cls}`,
    prospectRule: (a: string, b: string): string => `(A — от ${a}, B — от ${b}: наименьшие итоги групп A и B в окне)`,
    perPeriod: (by: AbcMetric): string => `(${METRIC[by]} по периодам)`,
    seriesHeaders: (metric: string): string[] => ['Период', metric, 'Покупки', ''],
    amountHeaders: ['Чистая сумма', 'Доля'],
    productsTitle: 'Основные товары',
    productsSubtitle: (n: string): string => `(чистая сумма за весь журнал; всего товаров: ${n})`,
    product: 'Товар',
    directionSubtitle: '(где покупал больше всего; чистая сумма за весь журнал)',
    attributesTitle: 'Из файла атрибутов',
    attributesSubtitle: (line: number, name: string, tags: string): string => `(строка ${line}, «${name}»)${tags === '' ? '' : `, теги: ${tags}`}`,
    attributeHeaders: ['Атрибут', 'Значение'],
  },

  migration: {
    previousWindow: (w: string): string => `предыдущего окна ${w}`,
    window: (w: string): string => `окна ${w}`,
    corner: (title: string): string => `${title}: было ↓ стало →`,
    title: 'Миграция групп',
    subtitle: (compared: string, now: string): string => `из ${compared} в текущее окно ${now} (клиенты)`,
    slippedTitle: 'Опустившиеся ключевые клиенты',
    slippedNone: 'нет (ни один клиент A не опустился в B, C и не ушёл, ни один ключевой X не перешёл в Y или Z)',
    slippedCount: (n: number): string => `Опустившиеся ключевые клиенты (${h.integer(n)})`,
    slippedRule: 'A → B, C или ушёл; X → Y или Z',
    slippedHeaders: ['Клиент', 'ABC', 'XYZ', 'Итог ранее', 'Итог сейчас', 'Ключевой сейчас'],
  },

  config: {
    title: (command: string): string => `Параметры kam ${command}`,
    file: (path: string | null): string => (path === null ? 'файла настроек нет (не указан, и kam.config.json здесь нет)' : `файл настроек: ${path}`),
    headers: ['Параметр', 'Значение', 'Источник'],
    source: { default: 'по умолчанию', environment: 'окружение', config: 'файл настроек', 'command-line': 'командная строка' },
    section: (command: string): string => `раздел «${command}»`,
    unset: '(не задано)',
    yes: 'да',
    no: 'нет',
  },

  workbook: {
    title: (inputs: string): string => `Анализ ключевых клиентов — ${inputs}`,
    pageFooter: 'Страница &P из &N',
    sheets: {
      summary: 'Сводка',
      clients: 'Клиенты',
      matrix: 'Матрица',
      pareto: 'Парето',
      series: 'Динамика',
      lost: 'Потерянные',
      churn: 'Отток',
      migration: 'Миграция',
      dossiers: 'Досье',
      model: 'Модель',
      method: 'Методика',
      bridge: 'Мост выручки',
      portfolios: 'Портфели',
      history: 'История групп',
    },
    descriptions: {
      summary: 'журнал продаж, окно анализа, итоги, ключевые клиенты относительно диапазона 30–55%, примечания и предупреждения',
      clients: 'по строке на клиента: группы, итоги, доли, ритм и статус (столбцы --format csv), затем показатель по периодам',
      matrix: 'матрица ABC-XYZ: клиенты, выручка и доля по ячейкам и стратегия для каждой ячейки',
      pareto: 'кривая Парето: клиенты по убыванию показателя ABC, накопленная доля и границы A/B и B/C — диаграммой',
      series: 'клиенты × периоды: показатель ABC по периодам с тепловой раскраской, ячейка матрицы и КВ',
      lost: 'список возврата: потерянные клиенты и клиенты в зоне риска, самые ценные первыми, с P(активен) и действием для каждого',
      churn: 'потерянные и вернувшиеся клиенты по периодам (диаграмма и таблица) и то же по направлениям',
      migration: 'группы прошлого окна → текущего (ABC и XYZ, с новыми и ушедшими клиентами), опустившиеся ключевые клиенты',
      dossiers: 'карточка каждого ключевого клиента: группы сейчас и ранее, итоги, ритм, динамика по периодам, товары, направления, атрибуты',
      model: 'модели покупок и чека в оценённом виде, ожидаемая выручка и проверка на отложенном периоде с графиком (kam alive --holdout)',
      method: 'все использованные параметры, версия kam и дата анализа, смысл каждого столбца',
      bridge: 'мост выручки по периодам: начало, новые, вернувшиеся, рост, спад, ушедшие, конец (и по направлениям), с диаграммой-водопадом',
      portfolios: 'строка на каждое значение направления: клиенты, выручка и доля, ключевые клиенты, A/B/C внутри портфеля, статусы, выручка под угрозой',
      history: 'история групп: группа клиента в каждом снимке, его динамика и сколько раз он был в A',
    },
    csv: 'CSV',

    summary: {
      title: 'Анализ ключевых клиентов',
      subtitle: (inputs: string, from: string, to: string, asOf: string): string => `${inputs} — ${from} … ${to}, на ${asOf}`,
      sections: { ledger: 'Журнал продаж', window: 'Окно анализа', totals: 'Клиенты и итоги', key: 'Ключевые клиенты', classes: 'Группы', notes: 'Примечания и предупреждения', contents: 'Что в этой книге' },
      file: 'Файл',
      rowsRead: 'Прочитано строк',
      rowsComment: (c: RowCounts): string =>
        `использовано ${h.integer(c.accepted)}, пропущено ${h.integer(c.skipped)}${c.skipped > 0 ? ` (без клиента: ${h.integer(c.noClient)}, с нечитаемой датой: ${h.integer(c.badDate)}, с нечитаемым числом: ${h.integer(c.badNumber)})` : ''}`,
      periods: 'Периоды',
      periodsComment: (kind: PeriodKind, _n: number, from: string, to: string): string => `полные ${PERIOD_PL[kind]}, ${from} … ${to}`,
      from: 'С',
      fromComment: 'первый день окна',
      to: 'По',
      toComment: 'последний день окна',
      asOf: 'На дату',
      asOfComment: 'день, от которого судят о давности покупок и потерянных клиентах',
      clients: 'Клиенты',
      clientsComment: (inLedger: string): string => `со строками в окне анализа; в журнале до даты анализа: ${inLedger}`,
      revenue: 'Чистая выручка',
      revenueComment: 'продажи за вычетом возвратов, в окне анализа',
      profit: 'Прибыль',
      quantity: 'Количество',
      inWindow: 'в окне анализа',
      keyClients: 'Ключевые клиенты',
      verdictNone: 'нет положительной выручки, чтобы считать долю',
      verdict: {
        within: (band: string) => `в пределах эталонного диапазона ${band}`,
        below: (band: string) => `ниже эталонного диапазона ${band}`,
        above: (band: string) => `выше эталонного диапазона ${band}`,
      },
      revenueShare: 'Доля выручки',
      profitShare: 'Доля прибыли',
      profitShareComment: (share: string): string => `прибыль ключевых клиентов: ${share} от общей`,
      band: 'Эталонный диапазон',
      bandComment: 'обычная доля ключевых клиентов в продажах',
      classRow: (abc: string): string => `Группа ${abc}`,
      ofRevenue: (share: string): string => `${share} выручки`,
      topClients: (cut: number, by: AbcMetric): string => ` — крупнейшие клиенты, дающие ${cut}% ${METRIC_GEN[by]}`,
      xRow: (kind: PeriodKind, cut: number): string => `стабильные: КВ ${PERIOD_BY[kind]} до ${cut}%`,
      yRow: (cut: number): string => `сезонные или с трендом: КВ до ${cut}%`,
      zRow: 'нерегулярные',
      noXyz: 'Без группы XYZ',
      noXyzRow: (n: number, kind: PeriodKind): string => `история короче ${n} ${pl(n, PERIOD_GEN[kind], PERIOD_GEN_PL[kind], PERIOD_GEN_PL[kind])} или нет чистых покупок`,
      none: 'Нет',
      noneComment: 'при чтении и анализе журнала ничего необычного не найдено',
    },

    columns: {
      client: { header: (_c: ColumnTextContext) => 'Клиент', meaning: (_c: ColumnTextContext) => 'Клиент, как он назван в журнале (пробелы по краям убраны, повторные — схлопнуты).' },
      abc: { header: (_c: ColumnTextContext) => 'ABC', meaning: (c: ColumnTextContext) => `Группа ABC по ${METRIC_DAT[c.by]}: A, B или C (границы Парето — на листе «Методика»).` },
      xyz: {
        header: (_c: ColumnTextContext) => 'XYZ',
        meaning: (c: ColumnTextContext) =>
          `Группа XYZ по стабильности покупок ${PERIOD_BY[c.period]}: X — стабильные, Y — сезонные, Z — нерегулярные; «-» — мало периодов или нет чистых покупок.`,
      },
      cell: { header: (_c: ColumnTextContext) => 'Ячейка', meaning: (_c: ColumnTextContext) => 'Ячейка матрицы ABC-XYZ (её стратегия — на листе «Матрица»).' },
      total: { header: (c: ColumnTextContext) => `Итог: ${METRIC[c.by]}`, meaning: (c: ColumnTextContext) => `${METRIC_TITLE[c.by]} клиента за окно анализа: показатель ABC.` },
      share: { header: (_c: ColumnTextContext) => 'Доля', meaning: (c: ColumnTextContext) => `Доля клиента в ${c.by === 'quantity' ? 'количестве' : c.by === 'profit' ? 'прибыли' : 'выручке'} всех клиентов с положительным итогом.` },
      cum_share: { header: (_c: ColumnTextContext) => 'Накопл. доля', meaning: (_c: ColumnTextContext) => 'Накопленная доля клиентов рейтинга до этого клиента включительно.' },
      rank: { header: (_c: ColumnTextContext) => 'Место', meaning: (_c: ColumnTextContext) => 'Место в рейтинге, крупнейшие первыми (пусто при нулевом или отрицательном итоге).' },
      cv: {
        header: (_c: ColumnTextContext) => 'КВ',
        meaning: (c: ColumnTextContext) => `Коэффициент вариации ряда ${PERIOD_BY[c.period]} (стандартное отклонение / среднее): мера XYZ.`,
      },
      active_periods: {
        header: (c: ColumnTextContext) => `Активных ${PERIOD_GEN_PL[c.period]}`,
        meaning: (c: ColumnTextContext) => `${PERIOD_PL[c.period][0]!.toUpperCase()}${PERIOD_PL[c.period].slice(1)} окна хотя бы с одной покупкой.`,
      },
      purchases: {
        header: (_c: ColumnTextContext) => 'Покупки',
        meaning: (c: ColumnTextContext) => (c.document ? 'Различные документы (накладные) в окне анализа.' : 'Различные дни покупок в окне анализа (в журнале нет столбца документа).'),
      },
      first_purchase: { header: (_c: ColumnTextContext) => 'Первая покупка', meaning: (_c: ColumnTextContext) => 'Первый день покупки до даты анализа.' },
      last_purchase: { header: (_c: ColumnTextContext) => 'Последняя покупка', meaning: (_c: ColumnTextContext) => 'Последний день покупки до даты анализа (день одних возвратов не считается).' },
      recency_days: { header: (_c: ColumnTextContext) => 'Дней с последней покупки', meaning: (_c: ColumnTextContext) => 'Дней от последней покупки до даты анализа.' },
      usual_interval_days: { header: (_c: ColumnTextContext) => 'Обычный интервал, дней', meaning: (_c: ColumnTextContext) => 'Медианный промежуток в днях между соседними днями покупок.' },
      status: {
        header: (_c: ColumnTextContext) => 'Статус',
        meaning: (_c: ColumnTextContext) => 'активный, в зоне риска или потерянный — по молчанию после последней покупки относительно обычного интервала (лист «Методика»).',
      },
      p_alive: { header: (_c: ColumnTextContext) => 'P(активен)', meaning: (_c: ColumnTextContext) => 'Вероятность того, что клиент ещё покупает (модель BG/NBD); пусто, где не рассчитана.' },
      tags: {
        header: (_c: ColumnTextContext) => 'Теги',
        meaning: (c: ColumnTextContext) =>
          `Теги сегментов: ключевой (крупнейшие клиенты, вместе дающие ${pct(c.keyShare)}% ${METRIC_GEN[c.by]}, кормилец или имиджевый); кормилец (не менее ${pct(c.breadwinnerShare)}% ${c.profit ? 'всей прибыли' : 'всей выручки'}); перспективный (первая покупка не раньше чем за ${c.newWithinMonths} мес. до даты анализа и темп покупок, который за всё окно достигает наименьшего итога группы B); квалифицированный (перспективный с потребностью, платёжеспособностью и полномочиями — все «да»); имиджевый, эксперт и другие — из файла атрибутов; потерянный, в зоне риска.`,
      },
      abc_prev: { header: (_c: ColumnTextContext) => 'ABC ранее', meaning: (_c: ColumnTextContext) => 'Группа ABC в прошлом окне (--compare); пусто без сравнения и для новых клиентов.' },
      xyz_prev: { header: (_c: ColumnTextContext) => 'XYZ ранее', meaning: (_c: ColumnTextContext) => 'Группа XYZ в прошлом окне (--compare); пусто без сравнения и для новых клиентов.' },
      purchases_cv: { header: (_c: ColumnTextContext) => 'КВ покупок', meaning: (c: ColumnTextContext) => `Коэффициент вариации числа покупок ${PERIOD_BY[c.period]}.` },
      revenue: { header: (_c: ColumnTextContext) => 'Чистая выручка', meaning: (_c: ColumnTextContext) => 'Чистая сумма в окне анализа: продажи за вычетом возвратов.' },
      profit: { header: (_c: ColumnTextContext) => 'Прибыль', meaning: (_c: ColumnTextContext) => 'Прибыль в окне анализа (если в журнале есть столбец прибыли).' },
      quantity: { header: (_c: ColumnTextContext) => 'Количество', meaning: (_c: ColumnTextContext) => 'Количество в окне анализа (если в журнале есть столбец количества).' },
      flags: { header: (_c: ColumnTextContext) => 'Отметки', meaning: (_c: ColumnTextContext) => 'Почему показатель отсутствует или необычен: неположительный итог, слишком новый, нет чистых покупок.' },
      expected_purchases: {
        header: (_c: ColumnTextContext) => 'Ожидаемые дни покупок',
        meaning: (c: ColumnTextContext) => `Сколько дней покупок модель BG/NBD ожидает от клиента за ${h.number(c.horizonWeeks)} нед. после даты анализа (--horizon); пусто, где модель не подходит.`,
      },
      expected_revenue: {
        header: (_c: ColumnTextContext) => 'Ожидаемая выручка',
        meaning: (c: ColumnTextContext) =>
          `Ожидаемые дни покупок × ожидаемый чек за день покупки (Gamma-Gamma; среднее по всем для клиента, о котором модель судить не может) за ${h.number(c.horizonWeeks)} нед. после даты анализа, с дисконтированием при --discount; пусто, где модель не подходит.`,
      },
    },

    matrix: {
      title: 'Матрица ABC-XYZ',
      subtitle: (by: AbcMetric, a: number, b: number, period: PeriodKind, x: number, y: number, clientCount: number, revenue: string): string =>
        `ABC по ${METRIC_DAT[by]} (границы ${pct(a)}/${pct(b)}%), XYZ по КВ ${PERIOD_BY[period]} (границы ${pct(x)}/${pct(y)}%); клиентов: ${clientCount}, чистая выручка ${revenue}`,
      grids: { clients: 'Клиенты', revenue: 'Чистая выручка', share: 'Доля чистой выручки' },
      corner: 'ABC \\ XYZ',
      noXyz: 'без XYZ',
      colours:
        'Цвета: зелёный — ценные и стабильные (AX, AY, BX); жёлтый — AZ, BY, CX; красный — мелкие или нерегулярные (BZ, CY, CZ); серый — группы XYZ пока нет (слишком новые или нет чистых покупок).',
      strategyTitle: 'Стратегия по ячейкам',
      strategyHeaders: ['Ячейка', 'Клиенты', 'Чистая выручка', 'Доля', 'Стратегия'],
    },

    pareto: {
      rank: 'Место',
      ranks: 'Места',
      client: 'Клиент',
      clients: 'Клиенты',
      class: 'Группа',
      perClient: (metric: string): string => `${metric} на клиента (среднее по группе)`,
      cumShare: 'Накопленная доля',
      cutAB: (cut: string): string => `Граница A/B (${cut})`,
      cutBC: (cut: string): string => `Граница B/C (${cut})`,
      groupLabel: (n: number): string => `${h.integer(n)} ${clients(n)}`,
      classLine: (abc: string, n: number, ofClients: string, share: string): string => `${abc}: ${h.integer(n)} ${clients(n)} (${ofClients} клиентов) дают ${share}`,
      classLineEnd: (by: AbcMetric): string => ` ${METRIC_GEN[by]}.`,
      title: 'Кривая Парето',
      subtitle: (by: AbcMetric, grouped: boolean): string =>
        `Клиенты по убыванию ${METRIC_GEN[by]}: ${grouped ? 'столбец — среднее на клиента в группе мест' : 'столбец — каждый клиент'}, цвет по группе (A — зелёный, B — жёлтый, C — красный); линия — накопленная доля, пунктир — границы.`,
      notOnCurve: (n: number, _by: AbcMetric): string =>
        `${h.integer(n)} ${clients(n)} с нулевым или отрицательным итогом не на кривой (группа C, отмечены на листе «Клиенты»).`,
      noCurve: (by: AbcMetric): string => `Ни у одного клиента нет положительного итога (${METRIC[by]}) в окне: кривую строить не из чего.`,
      chartTitle: (by: AbcMetric): string => `Кривая Парето: ${METRIC[by]} по клиентам`,
      categoriesGrouped: 'Клиенты по местам (группы)',
      categories: 'Клиенты, крупнейшие первыми',
      leftAxisGrouped: (metric: string): string => `${metric} на клиента`,
      chartName: 'Диаграмма Парето',
    },

    series: {
      client: 'Клиент',
      cell: 'Ячейка',
      cv: 'КВ',
      total: (by: AbcMetric): string => `Итог: ${METRIC[by]}`,
    },

    lost: {
      headers: (direction: string | null): string[] => [
        '№',
        'Клиент',
        'ABC',
        'Статус',
        'Ключевой клиент',
        'Последняя покупка',
        'Дней с последней покупки',
        'Обычный интервал, дней',
        'Потерян после, дней',
        'Выручка за 12 месяцев до последней покупки',
        'P(активен)',
        ...(direction === null ? [] : [direction]),
        'Действие',
        'Что сделать',
      ],
      direction: 'Направление',
      title: 'Список возврата',
      subtitle: (asOf: string, lost: string, atRisk: string, clientCount: string, atStake: string, rules: string): string =>
        `На ${asOf}: потерянные — ${lost}, в зоне риска — ${atRisk}; всего клиентов с покупками: ${clientCount}; под угрозой ${atStake}. Правила: ${rules}.`,
      none: 'Потерянных клиентов и клиентов в зоне риска нет.',
      key: 'ключевой',
      actionShort: {
        'A-lost': 'Звонок директора',
        'A-at-risk': 'Звонок менеджера',
        'B-lost': 'Предложение вернуться',
        'B-at-risk': 'Напоминание и предложение',
        'C-lost': 'Рассылка',
        'C-at-risk': 'Напоминание',
      },
    },

    bridge: {
      title: (kind: PeriodKind): string => `Мост выручки ${PERIOD_BY[kind]}`,
      subtitle: (window: string): string =>
        `${window}. Как чистая выручка изменилась к прошлому периоду: новые клиенты (раньше строк не было), вернувшиеся (после периода без строк), рост и спад клиентов, которые есть в обоих периодах, ушедшие (были раньше, нет сейчас). Каждая строка сходится: начало + движения = конец.`,
      headers: (kind: PeriodKind): string[] => [PERIOD_TITLE[kind], 'Начало', 'Новые', 'Вернувшиеся', 'Рост', 'Спад', 'Ушедшие', 'Конец', 'Новых клиентов', 'Вернувшихся клиентов', 'Ушедших клиентов'],
      bySection: (direction: string): string => `В разрезе «${direction}»`,
      byNote: (direction: string): string => `Клиент относится к значению «${direction}», под которым он купил больше всего (нетто), со всей своей выручкой: строки значений в сумме дают общие.`,
      windowSection: 'Всё окно анализа',
      windowHeaders: ['Шаг', 'Сумма', 'Основание', 'Рост', 'Спад', 'Итог'],
      windowNote: 'Начало первого периода, каждое движение за всё окно, конец последнего периода. По основанию, росту, спаду и итогу строится диаграмма.',
      chartTitle: (first: string, last: string): string => `Мост выручки, ${first} … ${last}`,
      axisTitle: 'Чистая выручка',
      chartName: 'Диаграмма моста выручки',
    },
    portfolios: {
      title: (direction: string): string => `Портфели в разрезе «${direction}»`,
      subtitle: (window: string, direction: string): string =>
        `${window}. Портфель клиента — значение «${direction}», под которым он купил больше всего (нетто). A/B/C — ABC внутри портфеля (те же пороги). Статусы и выручка под угрозой — все клиенты портфеля с покупкой до даты анализа. Ушло — выручка ушедших в последнем периоде (мост выручки).`,
      headers: (direction: string): string[] => [direction, 'Клиенты', 'Выручка', 'Доля', 'Ключевые клиенты', 'A', 'B', 'C', 'Активные', 'В зоне риска', 'Потеряны', 'Выручка под угрозой', 'Ушло в последнем периоде'],
    },
    history: {
      title: 'История групп',
      subtitle: (n: string, every: PeriodKind, months: string): string =>
        `Снимков: ${n}, на конец каждого ${PERIOD_GEN[every]}; каждый — анализ за ${months} мес. до этой даты. «-» — в окне снимка нет строк клиента. Динамика: первый снимок против последнего — стабильные, растущие, снижающиеся, новые (нет в первом), ушедшие (нет в последнем).`,
      headers: (snapshots: readonly string[]): string[] => ['Клиент', ...snapshots, 'Динамика', 'Раз в A'],
      stayedA: (stayed: string, were: string): string => `${stayed} из ${were} клиентов группы A первого снимка остались в A в последнем.`,
    },
    churn: {
      title: 'Динамика оттока',
      subtitle: (asOf: string): string =>
        `На ${asOf}. Клиент становится потерянным в первый день, когда его молчание превышает порог потери (лист «Методика»); вернувшийся — снова купил после этого. Выручка — за 12 месяцев до последней покупки.`,
      totals: (became: string, back: string, now: string): string => `Случаев потери клиента: ${became}, вернулись: ${back}, потеряны сейчас: ${now}.`,
      headers: (kind: PeriodKind): string[] => [
        PERIOD_TITLE[kind],
        'Начало',
        'Конец',
        'Потеряны',
        'Их выручка за 12 месяцев',
        'Вернулись',
        'Из них всё ещё потеряны',
        `Потеряны на конец ${PERIOD_GEN[kind]}`,
      ],
      part: (p: string): string => `${p} (часть)`,
      chartTitle: (kind: PeriodKind): string => `Потерянные и возвращённые клиенты ${PERIOD_BY[kind]}`,
      leftTitle: (kind: PeriodKind): string => `Клиентов за ${PERIOD_ACC[kind]}`,
      rightTitle: 'Потерянные клиенты',
      chartName: 'Диаграмма оттока',
      direction: 'Направление',
      bySection: (direction: string): string => `В разрезе «${direction}»`,
      byNote: (direction: string): string => `Клиент учитывается под тем значением «${direction}», под которым купил больше всего (нетто).`,
      byHeaders: (direction: string): string[] => [direction, 'Клиенты', 'Активные', 'В зоне риска', 'Под угрозой', 'Потеряны сейчас', 'Потеряны', 'Вернулись'],
      perSection: (kind: PeriodKind, direction: string): string => `${PERIOD_TITLE[kind]} и «${direction}»`,
      perNote: (kind: PeriodKind, direction: string): string => `Только ${PERIOD_PL[kind]}, в которых клиент из «${direction}» был потерян или вернулся; значение выбирается фильтром.`,
      perHeaders: (kind: PeriodKind, direction: string): string[] => [
        PERIOD_TITLE[kind],
        direction,
        'Начало',
        'Потеряны',
        'Их выручка за 12 месяцев',
        'Вернулись',
        'Из них всё ещё потеряны',
        '',
      ],
    },

    migration: {
      corner: 'было ↓   стало →',
      slippedSection: (n: number): string => `Опустившиеся ключевые клиенты: A → B, C или ушли; X → Y или Z (${h.integer(n)})`,
      slippedNone: 'Нет: ни один клиент, ключевой сейчас или бывший в группе A, не потерял A или X.',
      slippedHeaders: ['Клиент', 'ABC ранее', 'ABC сейчас', 'XYZ ранее', 'XYZ сейчас', 'Итог ранее', 'Итог сейчас', 'Изменение', 'Ключевой сейчас'],
      goneSection: (n: number): string => `Ушедшие клиенты: строки были в прошлом окне, в текущем нет (${h.integer(n)})`,
      goneNone: 'Нет.',
      goneHeaders: ['Клиент', 'ABC ранее', 'XYZ ранее', 'Итог ранее'],
      title: 'Миграция групп',
      noCompare: 'Прошлого окна для сравнения нет: запустите с --compare previous (или --compare ДАТА1..ДАТА2).',
      subtitle: (compared: string, now: string, by: AbcMetric, p: PeriodKind): string =>
        `Из ${compared} в текущее окно ${now}, с теми же параметрами (ABC по ${METRIC_DAT[by]}, XYZ ${PERIOD_BY[p]}). Новые — без строк в прошлом окне; ушедшие — без строк в текущем.`,
      grids: {
        abcClients: 'ABC: клиенты',
        abcRevenue: 'ABC: чистая выручка в текущем окне',
        abcPrevious: 'ABC: чистая выручка в прошлом окне',
        xyzClients: 'XYZ: клиенты («-»: мало периодов или нет чистых покупок)',
      },
      totals: (before: number, beforeRevenue: string, now: number, nowRevenue: string): string =>
        `Прошлое окно: клиентов ${before}, чистая выручка ${beforeRevenue}; текущее окно: клиентов ${now}, чистая выручка ${nowRevenue}.`,
    },

    dossiers: {
      title: 'Досье ключевых клиентов',
      subtitle: (n: number, from: string, to: string, rule: string): string =>
        `Ключевых клиентов: ${n} (${rule}), в порядке рейтинга; окно ${from} … ${to}. Товары и направления — чистые суммы за весь журнал.`,
      noComparison: 'нет сравнения',
      beforeLedger: 'до начала журнала',
      new: 'новый',
      noLine: 'нет строк в окне',
      classNow: 'Группа сейчас',
      classBefore: 'Группа ранее',
      earlierWindow: 'Прошлое окно',
      revenue: 'Чистая выручка',
      revenueShare: 'Доля выручки',
      total: (by: AbcMetric): string => `Итог: ${METRIC[by]}`,
      share: 'Доля',
      profit: 'Прибыль',
      profitShare: 'Доля прибыли',
      rank: 'Место',
      cumShare: 'Накопленная доля',
      cv: 'КВ',
      purchases: 'Покупок в окне',
      firstPurchase: 'Первая покупка',
      lastPurchase: 'Последняя покупка',
      interval: 'Обычный интервал, дней',
      recency: 'Дней с последней покупки',
      status: 'Статус',
      pAlive: 'P(активен)',
      direction: 'Направление',
      allValues: 'Все значения',
      products: 'Основные товары',
      strategy: 'Стратегия',
      period: 'Период',
      metricRow: (by: AbcMetric): string => (by === 'revenue' ? 'Чистая выручка' : METRIC_TITLE[by]),
      purchasesRow: 'Покупки',
      sparkline: 'Спарклайн',
    },

    method: {
      title: 'Методика',
      subtitle: 'Как получены цифры этой книги: все использованные параметры, чтобы проверяющий мог их проверить и повторить расчёт.',
      headers: ['Параметр', 'Значение', 'Опция', 'Что означает'],
      sections: {
        run: 'Запуск',
        window: 'Окно анализа',
        abc: 'ABC: сколько покупает клиент',
        xyz: 'XYZ: насколько стабильно покупает клиент',
        lost: 'Потерянные клиенты',
        key: 'Ключевые клиенты',
        reading: 'Как читать листы',
        columns: 'Столбцы листа «Клиенты»',
      },
      version: ['Версия kam', 'Программа, создавшая эту книгу.'],
      made: ['Создана', 'Когда книга записана (UTC).'],
      ledger: 'Журнал продаж',
      readAs: (how: string): string => `Прочитан как ${how}.`,
      language: ['Язык', 'Язык этой книги и терминала; цифры одинаковы на любом языке.'],
      command: 'Команда',
      commandLedger: 'ФАЙЛ',
      commandNote: 'Повторяет этот анализ на том же журнале: все параметры выписаны явно, включая значения по умолчанию.',
      asOf: ['На дату', 'День, от которого ведётся анализ. По умолчанию — последняя дата журнала; строки после неё не учитываются.'],
      period: 'Период',
      periodMeaning: (kind: PeriodKind): string => `Окно и ряды XYZ считаются ${PERIOD_BY[kind]}${kind === 'week' ? ' (неделя начинается с понедельника)' : ''}.`,
      window: 'Окно',
      windowMeaning: (kind: PeriodKind, n: number, start: string, end: string): string =>
        `${n} ${forms(n, FULL_FORMS[kind])}, ${start} … ${end}. ABC и XYZ используют строки внутри окна; давность — все строки до даты анализа.`,
      partial: 'Неполные периоды',
      partialValue: (kept: boolean): string => (kept ? 'оставлены' : 'исключены'),
      partialMeaning: (kept: boolean): string =>
        kept
          ? 'Первый или последний период, который журнал покрывает лишь частично, оставлен в окне.'
          : 'Первый или последний период, который журнал покрывает лишь частично, исключён из окна, чтобы все периоды были сопоставимы.',
      metric: 'Показатель',
      metricMeaning: (by: AbcMetric): string => `Клиенты ранжируются по ${METRIC_DAT[by]} за окно, крупнейшие первыми (за вычетом возвратов); равные итоги — в одной группе.`,
      cutoffs: 'Границы',
      abcMeaning: (a: string, b: string): string =>
        `A — крупнейшие клиенты, вместе дающие ${a}% итога; B — следующие, до ${b}%; C — остальные, а также все клиенты с нулевым или отрицательным итогом.`,
      boundary: 'Пограничный клиент',
      boundaryMeaning: (boundary: AbcBoundary, a: string): string =>
        boundary === 'include'
          ? `Клиент, пересекающий границу, попадает в старшую группу: A — наименьший набор крупнейших клиентов, достигающий ${a}%.`
          : 'Клиент попадает в старшую группу, только если накопленная доля вместе с ним не выходит за границу (обычное правило табличных шаблонов).',
      xyzMeaning: (kind: PeriodKind, by: AbcMetric, x: string, y: string): string =>
        `КВ — стандартное отклонение ${METRIC_GEN[by]} клиента ${PERIOD_BY[kind]}, делённое на среднее. X при КВ ≤ ${x}%, Y при ≤ ${y}%, иначе Z.`,
      seriesStart: 'Начало ряда',
      seriesStartMeaning: (start: XyzStart, kind: PeriodKind): string =>
        start === 'first'
          ? `Ряд каждого клиента идёт от его ${FIRST_PERIOD[kind]} в окне до конца окна, с нулями за ${PERIOD_PL[kind]} без покупок.`
          : `Ряд каждого клиента охватывает всё окно, с нулями за ${PERIOD_PL[kind]} без покупок.`,
      sdLabel: 'Стандартное отклонение',
      sdMeaning: (sd: SdKind): string => (sd === 'population' ? 'Генеральное стандартное отклонение (деление на n).' : 'Выборочное стандартное отклонение (деление на n − 1).'),
      minPeriods: 'Минимум периодов',
      minPeriodsMeaning: (kind: PeriodKind): string => `Клиент с меньшим числом ${PERIOD_GEN_PL[kind]} в ряду или без чистых покупок не получает группы XYZ («-») и КВ.`,
      lostAfter: 'Потерян после',
      lostAfterMeaning: (days: string, half: string, minDays: string): string =>
        `Независимо от ритма клиент потерян после ${days} дней без покупок и в зоне риска — после ${half}. Клиенты, у которых меньше ${minDays} дней покупок, оцениваются только по этому правилу.`,
      lostFactor: 'Коэффициент потери',
      lostFactorMeaning: (k: string, floor: string, minDays: string): string =>
        `Клиент с ${minDays} и более днями покупок потерян, когда его молчание превышает ${k} × обычный интервал (медианный промежуток между днями покупок), и не раньше ${floor} дней.`,
      riskFactor: 'Коэффициент риска',
      riskFactorMeaning: (k: string, floor: string): string => `…и в зоне риска, когда молчание превышает ${k} × обычный интервал, не раньше ${floor} дней.`,
      horizon: 'Горизонт (недели)',
      horizonMeaning: (weeks: string): string =>
        `Ожидаемые дни покупок (BG/NBD) и ожидаемая выручка (× чек за день покупки по Gamma-Gamma) считаются за ${weeks} нед. после даты анализа: столбцы ожидаемых дней покупок и ожидаемой выручки, строки «Ожидается», лист «Модель».`,
      discount: 'Ставка дисконтирования',
      discountMeaning: (rate: string | null): string =>
        rate === null ? 'Ожидаемая выручка не дисконтируется.' : `Ожидаемая выручка дисконтируется по ставке ${rate} в год, понедельно: ожидаемые покупки каждой недели — со своим множителем.`,
      keyClients: ['Ключевые клиенты', 'Крупнейшие клиенты, вместе дающие эту долю показателя ABC (ранжированные и отсечённые так же, как группа A), и все клиенты с тегами «кормилец» или «имиджевый».'],
      breadwinner: 'Доля кормильца',
      breadwinnerMeaning: (profit: boolean): string => `Кормилец: не меньше этой доли ${profit ? 'всей прибыли' : 'всей выручки (в журнале нет столбца прибыли)'} окна.`,
      newWithin: 'Новый в течение, мес.',
      newWithinMeaning: (by: AbcMetric): string =>
        `Перспективный: первая покупка не более чем за столько месяцев до даты анализа и темп (${METRIC[by]} с первой покупки в месяц, не менее чем за один месяц), который за всё окно достигает наименьшего итога группы B.`,
      compared: ['Сравнение с', 'Прошлое окно листа «Миграция» и столбцов «ABC ранее» и «XYZ ранее», рассчитанное с теми же параметрами.'],
      band: ['Эталонный диапазон', 'Обычная доля ключевых клиентов в продажах; на листе «Сводка» сказано, где находится этот журнал.'],
      notes: {
        colours: [
          'Цвета',
          'Зелёный, жёлтый и красный следуют группам: A, X и активные — зелёные; B, Y и в зоне риска — жёлтые; C, Z и потерянные — красные. Ячейки матрицы: AX, AY, BX — зелёные; AZ, BY, CX — жёлтые; BZ, CY, CZ — красные; без группы XYZ — серые.',
        ],
        clients: [
          'Клиенты',
          'По строке на клиента в порядке рейтинга; столбцы — как в kam analyze --format csv, в том же порядке и с теми же значениями (статусы, теги и отметки — словами), затем показатель ABC по периодам. Фильтры — в строке заголовка.',
        ],
        pareto: (bars: number): string[] => [
          'Парето',
          `Встроенная диаграмма по таблице рядом. До ${bars} клиентов — по столбцу на каждого; при большем числе каждый столбец — группа мест (среднее на клиента группы; группы не пересекают границы ABC).`,
        ],
        series: [
          'Динамика',
          'Цветовая шкала по всем ячейкам периодов: белый — ноль, насыщенный зелёный — от 95-го процентиля всех ячеек. Точка — период без покупок; красные числа — чистые возвраты.',
        ],
        money: (revenue: string): string[] => ['Деньги', `Суммы — как в журнале (без пересчёта валют); чистая выручка в окне: ${revenue}.`],
      },
      columnHeaders: ['Заголовок', 'Столбец CSV', '', 'Что означает'],
      perPeriod: (kind: PeriodKind): string => `Затем по столбцу ${EACH_PERIOD[kind]}`,
      perPeriodMeaning: (by: AbcMetric, kind: PeriodKind): string => `${METRIC_TITLE[by]} клиента ${EACH_PERIOD[kind]} окна.`,
    },
  },
};
