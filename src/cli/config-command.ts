// `kam config [COMMAND]`: the effective settings of a command (or of all four) and where each comes
// from — default, environment (the language), the config file, or the command line. It takes
// every option of the four commands, so `kam config analyze --period quarter` shows the command
// line winning; its own options are --format table|json, --config, --lang and --no-color.
import type { Command } from 'commander';
import type { CommandIo } from '../commands/context.js';
import { chalkFor, tableFitted, writeAll } from '../commands/context.js';
import { terminalWidth } from '../report/terminal-kit.js';
import { catalogue, langFromEnv, type Lang } from '../i18n/index.js';
import { usage } from '../i18n/usage.js';
import { loadConfig } from '../io/config-file.js';
import { configJson, configTable, type CommandSettings, type LangSetting, type Setting } from '../report/settings.js';
import { COMMAND_OPTIONS, examplesText, type RunState } from './commands.js';
import { COMMAND_NAMES, configLang, configValues, type CommandName } from './config.js';
import { longFlag, makeOption, oneOf, type OptionName, type Value } from './options.js';

/** kam config's own options: not settings of the command it describes. */
const OWN: readonly string[] = ['format', 'config', 'lang', 'color'];

function envLang(env: Record<string, string | undefined>): LangSetting & { source: Setting['source'] } {
  const e = langFromEnv(env);
  return e.variable === null ? { lang: 'en', source: 'default' } : { lang: e.lang, source: 'environment', variable: e.variable };
}

export function registerConfig(program: Command, io: CommandIo, setExit: (code: number) => void, state: RunState): void {
  const config = program
    .command('config')
    .description('the effective settings of a command and where each comes from: default, environment, the config file or the command line')
    .argument('[command]', `${COMMAND_NAMES.join(', ')} (default: all of them)`)
    .addOption(makeOption('format', { help: 'output: table or json', parse: oneOf('--format', ['table', 'json']), default: 'table' }));
  // Every option of the commands (no defaults here), so a command-line value shows as winning.
  // (kam portfolio's --by names a column, not the ABC metric: one --by here, the metric's.)
  const every = [...new Set(COMMAND_NAMES.flatMap((n) => COMMAND_OPTIONS[n]))].filter((n) => !OWN.includes(n) && n !== 'portfolioBy');
  for (const name of [...every, 'color', 'lang', 'config'] as const) config.addOption(makeOption(name, { default: undefined }));
  config.addHelpText('after', examplesText(['kam config analyze', 'kam config --format json', 'kam config lost --config team.json --top 10']));
  config.action(async (which: string | undefined, cli: Record<string, unknown>, command: Command) => {
    const typed = (attribute: string): boolean => command.getOptionValueSource(attribute) === 'cli';
    const file = loadConfig(typed('config') ? (cli.config as string) : undefined, io.cwd ?? process.cwd());
    // The language of kam config itself: --lang, the file's top-level "lang", the environment.
    const topLang = configLang(file, undefined);
    const lang: LangSetting = typed('lang') ? { lang: cli.lang as Lang } : topLang !== undefined ? { lang: topLang } : envLang(io.env);
    state.t = catalogue(lang.lang);
    if (which !== undefined && !(COMMAND_NAMES as readonly string[]).includes(which)) throw usage('configCommand', { allowed: COMMAND_NAMES, value: which });
    const names: CommandName[] = which === undefined ? [...COMMAND_NAMES] : [which as CommandName];
    // An option typed here must be one of the described command's.
    for (const o of command.options) {
      const attribute = o.attributeName() as OptionName;
      if (OWN.includes(attribute) || !typed(attribute)) continue;
      if (!names.some((n) => COMMAND_OPTIONS[n].includes(attribute))) throw usage('notForCommand', { flag: o.long, command: names.join(', ') });
    }
    const commands: CommandSettings[] = names.map((name) => {
      const found = file === null ? new Map() : configValues(file, name, COMMAND_OPTIONS);
      const described = program.commands.find((c) => c.name() === name)!;
      const settings = COMMAND_OPTIONS[name]
        .filter((attribute) => attribute !== 'config' && attribute !== 'portfolioBy')
        .map((attribute): Setting => {
          const base = { attribute, flag: longFlag(attribute) };
          // kam config's --format is its own; --lang and --no-color are the command's too.
          if (attribute !== 'format' && typed(attribute)) {
            const value = cli[attribute] as Value;
            return { ...base, value: Array.isArray(value) && typeof value[0] === 'string' ? value.join(',') : value, source: 'command-line' };
          }
          const hit = found.get(attribute);
          if (hit !== undefined) return { ...base, value: hit.value, source: 'config', key: hit.key, ...(hit.section === undefined ? {} : { section: hit.section }) };
          if (attribute === 'lang') return { ...base, value: envLang(io.env).lang, source: envLang(io.env).source };
          // As before this table existed, kam config's own --format shows as the command's default format.
          const value = attribute === 'format' ? (typed('format') ? cli.format : undefined) : described.getOptionValue(attribute);
          return { ...base, value: value as Value | undefined, source: 'default' };
        });
      return { command: name, settings };
    });
    const shownLang = commands.length === 1 ? { lang: commands[0]!.settings.find((s) => s.attribute === 'lang')!.value as Lang } : lang;
    const text = cli.format === 'json' ? configJson(file, commands, shownLang) : configTable(file, commands, shownLang, state.t, chalkFor(io, cli.color !== false), terminalWidth(io.stdout, io.env));
    await writeAll(io.stdout, tableFitted(cli.format !== 'json', io, [text]));
    setExit(0);
  });
}
