// The config file (--config FILE or kam.config.json) checked whole and turned into one command's
// values: one more value source for commander ('config'), below the command line, above defaults.
// Keys are the long option names, in camelCase ("lostAfter") or as written ("lost-after"); a section
// per command ("analyze": {...}) beats the top level; --no-color is "color": false or "noColor": true.
// Unknown keys, wrong types and values outside an option's choices are usage errors naming the key.
import type { Option } from 'commander';
import type { UsageParams } from '../i18n/en.js';
import { isLang, type Lang } from '../i18n/index.js';
import { usage } from '../i18n/usage.js';
import type { ConfigFile } from '../io/config-file.js';
import { OPTIONS, type Kind, type OptionDef, type OptionName, type Value } from './options.js';

export const COMMAND_NAMES = ['analyze', 'lost', 'alive', 'client', 'bridge', 'portfolio', 'history'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];
/** The options of each command, in the order they are shown. */
export type CommandOptions = Readonly<Record<CommandName, readonly OptionName[]>>;

/** A value the config file sets for a command: canonical, with the key as written and its section. */
export interface Found {
  attribute: OptionName;
  value: Value;
  key: string;
  section?: CommandName;
}

const camel = (s: string): string => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const kindOf = (name: OptionName): Kind => (OPTIONS[name] as OptionDef).kind ?? (OPTIONS[name].flags.includes('<') ? 'string' : 'boolean');

/** The option a config key names, and whether the key is the negated form (noColor: true = color: false). */
function lookup(names: readonly OptionName[], key: string): { name: OptionName; negated: boolean } | undefined {
  const k = camel(key.replace(/^--?/, ''));
  for (const name of names) {
    // The long flag in camelCase: lostAfter for --lost-after; noColor for --no-color, whose attribute is color.
    const long = camel(/--([\w-]+)/.exec(OPTIONS[name].flags)![1]!);
    if (k === name || k === long) return { name, negated: k !== name };
  }
  return undefined;
}

/** Checks a config value against its option and returns it canonical; a usage error naming the key otherwise. */
function checkValue(name: OptionName, key: string, value: unknown, file: string, negated: boolean): Value {
  const wrong = (expected: string): never => {
    throw usage('configWrongType', { file, key, expected, value: JSON.stringify(value) ?? String(value) } satisfies UsageParams);
  };
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
  switch (kindOf(name)) {
    case 'boolean':
      return typeof value === 'boolean' ? negated !== value : wrong('boolean');
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : wrong('number');
    case 'cutoffs': {
      if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v))) return value as number[];
      if (typeof value !== 'string') return wrong('cutoffs');
      // "80,95" → [80, 95]; text that is not two numbers stays as it is (the option's parser says what is wrong).
      const parts = value.split(',').map((p) => p.trim());
      return parts.length === 2 && parts.every((p) => p !== '' && Number.isFinite(Number(p))) ? parts.map(Number) : value;
    }
    case 'map': {
      if (isRecord(value)) return Object.values(value).every((v) => typeof v === 'string') ? { ...(value as Record<string, string>) } : wrong('map');
      if (!strings(value)) return wrong('map');
      const map: Record<string, string> = {};
      for (const entry of value) {
        const at = entry.indexOf('=');
        if (at <= 0) return value.join(' ');
        map[entry.slice(0, at).trim()] = entry.slice(at + 1);
      }
      return map;
    }
    case 'list':
      return typeof value === 'string' ? value : strings(value) ? value.join(',') : wrong('list');
    case 'string': {
      if (typeof value !== 'string') wrong('string');
      const choices = (OPTIONS[name] as OptionDef).choices;
      if (choices !== undefined && !choices.includes(value as string)) throw usage('configBadChoice', { file, key, allowed: choices, value: value as string });
      return value as string;
    }
  }
}

/**
 * Checks the whole config file (every section, not only this command's) and returns the values
 * that apply to `command`: its section's over the top level's. Throws a usage error naming the
 * first unknown key or wrong value. --config itself is never read from the file.
 */
export function configValues(config: ConfigFile, command: CommandName | undefined, options: CommandOptions): Map<OptionName, Found> {
  const file = config.path;
  if (!isRecord(config.data)) throw usage('configNotObject', { file });
  const usable = (list: readonly OptionName[]): OptionName[] => list.filter((n) => n !== 'config');
  const every = usable([...new Set(COMMAND_NAMES.flatMap((c) => options[c]))]);
  const top = new Map<OptionName, Found>();
  const section = new Map<OptionName, Found>();
  for (const [key, value] of Object.entries(config.data)) {
    if ((COMMAND_NAMES as readonly string[]).includes(key)) {
      const name = key as CommandName;
      if (!isRecord(value)) throw usage('configWrongType', { file, key, expected: 'section', value: JSON.stringify(value) });
      for (const [inner, innerValue] of Object.entries(value)) {
        const hit = lookup(usable(options[name]), inner);
        if (hit === undefined) throw usage('configUnknownKey', { file, key: inner, command: name });
        const checked = checkValue(hit.name, `${name}.${inner}`, innerValue, file, hit.negated);
        if (name === command) section.set(hit.name, { attribute: hit.name, value: checked, key: inner, section: name });
      }
      continue;
    }
    const hit = lookup(every, key);
    if (hit === undefined) throw usage('configUnknownKey', { file, key });
    const checked = checkValue(hit.name, key, value, file, hit.negated);
    // A top-level key of another command's option (horizon for kam analyze) does not apply here.
    if (command !== undefined && options[command].includes(hit.name)) top.set(hit.name, { attribute: hit.name, value: checked, key });
  }
  return new Map([...top, ...section]);
}

/** A checked config value through the option's own parser, as if typed: the same checks, the same value. */
export function parseConfigValue(option: Option, value: Value): unknown {
  if (typeof value === 'boolean' || option.parseArg === undefined) return value;
  const texts = Array.isArray(value) ? [value.join(',')] : typeof value === 'object' ? Object.entries(value).map(([role, header]) => `${role}=${header}`) : [String(value)];
  return texts.reduce<unknown>((previous, text) => option.parseArg!(text, previous), undefined);
}

/** The language a config file asks for (the command's section over the top level), if it can be read. */
export function configLang(config: ConfigFile | null, command: string | undefined): Lang | undefined {
  if (config === null || !isRecord(config.data)) return undefined;
  const section = command === undefined ? undefined : config.data[command];
  const asked = isRecord(section) && typeof section.lang === 'string' ? section.lang : config.data.lang;
  return typeof asked === 'string' && isLang(asked) ? asked : undefined;
}

/** `{date}` in an output path: the as-of date when one is given (YYYY-MM-DD), else today. */
export function expandOutputPath(path: string, date: string): string {
  return path.replace(/\{date\}/g, date);
}
