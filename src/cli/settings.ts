// The options of a run: commander's values, the config file (read here; merged by the pure
// mergeSettings in config.ts) and the language. Every command's action starts here.
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { Option, type Command } from 'commander';
import type { CommandIo } from '../commands/context.js';
import { formatDay } from '../core/calendar.js';
import type { Problem } from '../core/problems.js';
import { LANGS, catalogue, isLang, langFromEnv, type Lang, type Messages } from '../i18n/index.js';
import { usage } from '../i18n/usage.js';
import { COMMAND_NAMES, OPTION_KINDS, expandOutputPath, mergeSettings, type CommandName, type ConfigFile, type OptionSpec, type Setting } from './config.js';

/** What a run knows beyond one command: its language so far, and which flags came from the config file. */
export interface RunState {
  t: Messages;
  /** Flag → the config file and key that set it: an error about the value names them. */
  fromConfig: Map<string, { file: string; key: string }>;
}

export const CONFIG_FILE_NAME = 'kam.config.json';

/** --lang and --config, on every command. */
export function addCommonOptions(command: Command): Command {
  return command
    .addOption(new Option('--lang <lang>', 'language of the terminal and the workbook (default: from LC_ALL, LC_MESSAGES or LANG, else en)').choices([...LANGS]))
    .option('--config <file>', `settings from this JSON file (default: ${CONFIG_FILE_NAME} in the working directory, when there is one)`);
}

/** A command's options as the merge sees them. */
export function optionSpecs(command: Command): OptionSpec[] {
  return command.options
    .filter((o) => o.long !== undefined && o.long !== '--help' && o.long !== '--version')
    .map((o) => {
      const attribute = o.attributeName();
      return {
        attribute,
        flag: o.long!,
        kind: OPTION_KINDS[attribute] ?? (o.required || o.optional ? 'string' : 'boolean'),
        choices: o.argChoices,
        negate: o.negate,
      };
    });
}

/** Every command's option specs, from the program. */
export function allSpecs(program: Command): Record<CommandName, OptionSpec[]> {
  const specs = {} as Record<CommandName, OptionSpec[]>;
  for (const name of COMMAND_NAMES) {
    const command = program.commands.find((c) => c.name() === name);
    specs[name] = command === undefined ? [] : optionSpecs(command);
  }
  return specs;
}

/** The config file: --config FILE, else kam.config.json in the working directory, else none. */
export function loadConfig(explicit: string | undefined, io: CommandIo): ConfigFile | null {
  const cwd = io.cwd ?? process.cwd();
  const path = explicit ?? CONFIG_FILE_NAME;
  const full = isAbsolute(path) ? path : join(cwd, path);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
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

export interface LangSetting {
  lang: Lang;
  source: Setting['source'];
  /** The environment variable that decided, for source 'environment'. */
  variable?: string;
}

export interface ResolvedOptions<T> {
  /** Raw options for the usual parsers: the command line over the config file over defaults. */
  options: T;
  settings: Setting[];
  config: ConfigFile | null;
  lang: LangSetting;
  t: Messages;
}

/** The language: --lang or the config's "lang" (already merged), else the environment's locale. */
export function resolveLang(merged: Setting | undefined, env: Record<string, string | undefined>): LangSetting {
  const value = merged?.value;
  if (typeof value === 'string' && isLang(value)) return { lang: value, source: merged!.source };
  const fromEnv = langFromEnv(env);
  return fromEnv.variable === null ? { lang: 'en', source: 'default' } : { lang: fromEnv.lang, source: 'environment', variable: fromEnv.variable };
}

/** Merges a command's options with the config file, picks the language and records it in the run state. */
export function resolveOptions<T>(command: Command, name: CommandName, io: CommandIo, state: RunState): ResolvedOptions<T> {
  const cli = command.opts();
  const fromCommandLine = (attribute: string): boolean => command.getOptionValueSource(attribute) === 'cli';
  const config = loadConfig(fromCommandLine('config') ? (cli.config as string) : undefined, io);
  // A problem in the file itself is told in the language the file asks for (unless --lang says).
  if (!fromCommandLine('lang') && config !== null && typeof config.data === 'object' && config.data !== null) {
    const data = config.data as Record<string, unknown>;
    const section = data[name] as Record<string, unknown> | undefined;
    const asked = typeof section === 'object' && section !== null && typeof section.lang === 'string' ? section.lang : data.lang;
    if (typeof asked === 'string' && isLang(asked)) state.t = catalogue(asked);
  }
  const merged = mergeSettings({ command: name, specs: allSpecs(command.parent ?? command), cli, fromCommandLine, config, exclude: ['config'] });
  const lang = resolveLang(
    merged.settings.find((s) => s.attribute === 'lang'),
    io.env,
  );
  const t = catalogue(lang.lang);
  state.t = t;
  for (const s of merged.settings) {
    if (s.source === 'config' && config !== null && s.key !== undefined) state.fromConfig.set(s.flag, { file: config.path, key: s.section === undefined ? s.key : `${s.section}.${s.key}` });
  }
  return { options: merged.raw as T, settings: merged.settings, config, lang, t };
}

/** -o with `{date}`: the as-of date when --as-of names one, else today. */
export function outputPath(output: string | undefined, asOf: number | undefined, today: number): string | undefined {
  return output === undefined ? undefined : expandOutputPath(output, formatDay(asOf ?? today));
}

/** The language named on the command line, looked up before commander parses (for errors on the way). */
export function langInArgv(argv: readonly string[]): Lang | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (value !== undefined && isLang(value)) return value;
  }
  return undefined;
}

/** A usage problem about a value the config file set: the message says where. */
export function withConfigSource(problem: Problem, state: RunState): Problem {
  if (problem.code !== 'bad-option') return problem;
  const flag = problem.details?.flag;
  if (typeof flag !== 'string') return problem;
  const from = state.fromConfig.get(flag);
  return from === undefined ? problem : { ...problem, details: { ...problem.details, configFile: from.file, configKey: from.key } };
}

