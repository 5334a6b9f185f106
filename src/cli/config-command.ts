// `kam config [COMMAND]`: the effective settings of a command (or of all four) and where each comes
// from — default, environment (the language), the config file, or the command line. It takes
// every option of the four commands, so `kam config analyze --period quarter` shows the command
// line winning; its own options are --format table|json, --config, --lang and --no-color.
import { Option, type Command } from 'commander';
import type { CommandIo } from '../commands/context.js';
import { chalkFor, writeAll } from '../commands/context.js';
import { DEFAULT_SETTINGS } from '../core/settings.js';
import { catalogue, isLang, type Messages } from '../i18n/index.js';
import { usage } from '../i18n/usage.js';
import { table } from '../report/terminal.js';
import { DEFAULT_HORIZON_WEEKS } from './alive.js';
import { COMMAND_NAMES, mergeSettings, type CommandName, type ConfigFile, type ConfigValue, type Setting } from './config.js';
import { addCommonOptions, allSpecs, loadConfig, resolveLang, type LangSetting, type RunState } from './settings.js';

/** kam config's own options: not settings of the command it describes. */
const OWN = new Set(['--format', '--config', '--lang', '--no-color', '--help']);

const pct = (x: number): number => Math.round(x * 1000) / 10;

/** What a command does when an option is not set, where that is a value (not "detected" or "none"). */
export function defaultValue(command: CommandName, attribute: string): ConfigValue | undefined {
  const d = DEFAULT_SETTINGS;
  const values: Record<string, ConfigValue> = {
    period: d.period,
    by: d.by,
    abc: [pct(d.abcCutoffs[0]), pct(d.abcCutoffs[1])],
    abcBoundary: d.abcBoundary,
    xyz: [pct(d.xyzCutoffs[0]), pct(d.xyzCutoffs[1])],
    xyzStart: d.xyzStart,
    sd: d.sd,
    minPeriods: d.minPeriods,
    lostAfter: d.lostAfter,
    lostFactor: d.lostFactor,
    riskFactor: d.riskFactor,
    breadwinnerShare: pct(d.breadwinnerShare),
    newWithin: d.newWithinMonths,
    horizon: DEFAULT_HORIZON_WEEKS,
    top: command === 'lost' ? 50 : 20,
    table: 'win-back',
    includePartial: false,
    strict: false,
    color: true,
  };
  return values[attribute];
}

export interface CommandSettings {
  command: CommandName;
  settings: Setting[];
}

/** The JSON of `kam config --format json`: canonical values, so the "value"s make a config file again. */
export function configJson(config: ConfigFile | null, commands: readonly CommandSettings[], lang: LangSetting): string {
  const out: Record<string, unknown> = { config: config?.path ?? null, lang: lang.lang, commands: {} };
  const byCommand = out.commands as Record<string, Record<string, unknown>>;
  for (const { command, settings } of commands) {
    const entries: Record<string, unknown> = {};
    for (const s of settings) {
      entries[s.attribute] = {
        flag: s.flag,
        value: s.value ?? null,
        source: s.source,
        ...(s.source === 'config' ? { file: config?.path, key: s.key, ...(s.section === undefined ? {} : { section: s.section }) } : {}),
        ...(s.attribute === 'lang' && lang.variable !== undefined ? { variable: lang.variable } : {}),
      };
    }
    byCommand[command] = entries;
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

function valueText(value: ConfigValue | undefined, t: Messages): string {
  if (value === undefined) return t.config.unset;
  if (typeof value === 'boolean') return value ? t.config.yes : t.config.no;
  if (Array.isArray(value)) return value.map((v) => t.human.number(v)).join(',');
  if (typeof value === 'object') return Object.entries(value).map(([role, header]) => `${role}=${header}`).join(', ');
  if (typeof value === 'number') return t.human.number(value);
  return value;
}

function sourceText(s: Setting, config: ConfigFile | null, lang: LangSetting, t: Messages): string {
  switch (s.source) {
    case 'config':
      return `${config?.path ?? ''}${s.section === undefined ? '' : ` (${t.config.section(s.section)})`}`;
    case 'environment':
      return `${t.config.source.environment}${s.attribute === 'lang' && lang.variable !== undefined ? ` (${lang.variable})` : ''}`;
    default:
      return t.config.source[s.source];
  }
}

export function configTable(config: ConfigFile | null, commands: readonly CommandSettings[], lang: LangSetting, t: Messages, chalk: ReturnType<typeof chalkFor>): string {
  const out: string[] = [];
  for (const { command, settings } of commands) {
    out.push(`${chalk.bold(t.config.title(command))} — ${t.config.file(config?.path ?? null)}`);
    const tbl = table(chalk, [...t.config.headers], ['left', 'left', 'left'], { compact: true });
    for (const s of settings) {
      // --no-color: the row says whether the switch is on (color false = --no-color on).
      const negated = s.flag.startsWith('--no-') && typeof s.value === 'boolean';
      const text = valueText(negated ? !s.value : s.value, t);
      tbl.push([s.flag, s.source === 'default' ? chalk.dim(text) : text, s.source === 'default' ? chalk.dim(sourceText(s, config, lang, t)) : sourceText(s, config, lang, t)]);
    }
    out.push(tbl.toString(), '');
  }
  return out.join('\n');
}

export function registerConfig(program: Command, io: CommandIo, setExit: (code: number) => void, state: RunState): void {
  const config = program
    .command('config')
    .description('the effective settings of a command and where each comes from: default, environment, the config file or the command line')
    .argument('[command]', `${COMMAND_NAMES.join(', ')} (default: all of them)`)
    .addOption(new Option('--format <format>', 'output: table or json (default: table)').choices(['table', 'json']));
  // Every option of the four commands, so a command-line value shows as winning.
  const seen = new Set<string>();
  for (const name of COMMAND_NAMES) {
    for (const o of program.commands.find((c) => c.name() === name)?.options ?? []) {
      if (o.long === undefined || OWN.has(o.long) || seen.has(o.long)) continue;
      seen.add(o.long);
      const clone = new Option(o.flags, o.description);
      if (o.argChoices !== undefined) clone.choices(o.argChoices);
      const parse = (o as unknown as { parseArg?: (value: string, previous: unknown) => unknown }).parseArg;
      if (parse !== undefined) clone.argParser(parse);
      config.addOption(clone);
    }
  }
  config.option('--no-color', 'no colours (NO_COLOR and TERM=dumb are honoured too)');
  addCommonOptions(config);
  config.action(async (which: string | undefined, _options: unknown, command: Command) => {
    const cli = command.opts();
    const typed = (attribute: string): boolean => command.getOptionValueSource(attribute) === 'cli';
    // The language of kam config itself: --lang, the file's top-level "lang", the environment.
    const file = loadConfig(typed('config') ? (cli.config as string) : undefined, io);
    const topLang = typeof (file?.data as Record<string, unknown> | null)?.lang === 'string' ? ((file!.data as Record<string, unknown>).lang as string) : undefined;
    const lang = resolveLang(
      typed('lang')
        ? { attribute: 'lang', flag: '--lang', value: cli.lang as string, source: 'command-line' }
        : topLang !== undefined && isLang(topLang)
          ? { attribute: 'lang', flag: '--lang', value: topLang, source: 'config' }
          : undefined,
      io.env,
    );
    state.t = catalogue(lang.lang);
    if (which !== undefined && !(COMMAND_NAMES as readonly string[]).includes(which)) throw usage('configCommand', { allowed: COMMAND_NAMES, value: which });
    const names: CommandName[] = which === undefined ? [...COMMAND_NAMES] : [which as CommandName];
    const specs = allSpecs(program);
    // An option typed here must be one of the described command's.
    for (const o of command.options) {
      if (o.long === undefined || OWN.has(o.long) || !typed(o.attributeName())) continue;
      if (!names.some((n) => specs[n].some((s) => s.attribute === o.attributeName()))) throw usage('notForCommand', { flag: o.long, command: names.join(', ') });
    }
    const commands: CommandSettings[] = names.map((name) => {
      const own = new Set(specs[name].map((s) => s.attribute));
      const merged = mergeSettings({
        command: name,
        specs,
        cli,
        // kam config's --format is its own; --lang and --no-color are the command's too.
        fromCommandLine: (attribute) => own.has(attribute) && attribute !== 'format' && typed(attribute),
        config: file,
        exclude: ['config'],
      });
      const settings = merged.settings.map((s): Setting => {
        if (s.attribute === 'lang') {
          const l = resolveLang(s, io.env);
          return s.source === 'default' ? { ...s, value: l.lang, source: l.source } : s;
        }
        return s.source === 'default' && s.value === undefined ? { ...s, value: defaultValue(name, s.attribute) } : s;
      });
      return { command: name, settings };
    });
    const langOf = (settings: readonly Setting[]): LangSetting => resolveLang(settings.find((s) => s.attribute === 'lang'), io.env);
    const shownLang = commands.length === 1 ? langOf(commands[0]!.settings) : lang;
    const text =
      cli.format === 'json'
        ? configJson(file, commands, shownLang)
        : configTable(file, commands, shownLang, state.t, chalkFor(io, cli.color !== false));
    await writeAll(io.stdout, [text]);
    setExit(0);
  });
}
