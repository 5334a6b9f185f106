// Settings from a config file (`--config FILE`, or kam.config.json in the working directory) merged
// with the command line. Pure: the file's parsed JSON, the command's option list and commander's
// values in; the effective raw options (in the form commander hands them over, so the usual
// option parsers check them) and where each came from out.
//
// Precedence: command line > the command's section ("analyze": {...}) > the top level > default.
// Keys are the long option names, in camelCase ("lostAfter") or as written ("lost-after"); a
// switch that commander spells --no-color is "color": false (or "noColor": true). Unknown keys,
// wrong types and values outside an option's choices are usage errors (exit 2) naming the key.
import type { UsageParams } from '../i18n/en.js';
import { usage } from '../i18n/usage.js';

export const COMMAND_NAMES = ['analyze', 'lost', 'alive', 'client'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

/** How a value is written in a config file. */
export type OptionKind = 'string' | 'number' | 'boolean' | 'cutoffs' | 'map' | 'list';

/** Options whose config value is not a plain string (or, for switches, a boolean). */
export const OPTION_KINDS: Readonly<Record<string, OptionKind>> = {
  minPeriods: 'number',
  lostAfter: 'number',
  lostFactor: 'number',
  riskFactor: 'number',
  breadwinnerShare: 'number',
  newWithin: 'number',
  top: 'number',
  horizon: 'number',
  abc: 'cutoffs',
  xyz: 'cutoffs',
  map: 'map',
  failOn: 'list',
};

/** One option of a command, as far as the merge needs it (see optionSpecs in settings.ts). */
export interface OptionSpec {
  /** commander's attribute: lostAfter, color, output. */
  attribute: string;
  /** The long flag as the user types it: --lost-after, --no-color, --output. */
  flag: string;
  kind: OptionKind;
  choices?: readonly string[] | undefined;
  /** --no-X: the attribute is X and the switch sets it to false. */
  negate?: boolean;
}

/** A value in the form commander hands it over: strings, booleans, string lists (--map). */
export type RawValue = string | boolean | string[];
/** A value as a config file writes it, canonical: numbers as numbers, cut-offs as [a, b], --map as an object. */
export type ConfigValue = string | number | boolean | number[] | Record<string, string>;

export type Source = 'default' | 'environment' | 'config' | 'command-line';

export interface Setting {
  /** The option's attribute and flag. */
  attribute: string;
  flag: string;
  /** Canonical value; undefined when not set anywhere (the program's default applies). */
  value: ConfigValue | undefined;
  source: Source;
  /** For a config value: the key as written, and the section it sits in (undefined: the top level). */
  key?: string;
  section?: CommandName;
}

export interface ConfigFile {
  /** The path as shown to the user. */
  path: string;
  /** The parsed JSON. */
  data: unknown;
}

export interface MergeInput {
  command: CommandName;
  /** Every command's options: a top-level key must belong to one of them, a section's key to its command. */
  specs: Readonly<Record<CommandName, readonly OptionSpec[]>>;
  /** commander's values for this command, and which of them the user typed. */
  cli: Readonly<Record<string, unknown>>;
  fromCommandLine: (attribute: string) => boolean;
  config: ConfigFile | null;
  /** Attributes that are never read from a config file (--config itself). */
  exclude?: readonly string[];
}

export interface Merged {
  /** Raw options for the command's parsers: commander's values with config values filled in. */
  raw: Record<string, unknown>;
  /** Per option of the command, in the command's order. */
  settings: Setting[];
}

const camel = (s: string): string => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** The spec a config key names, and whether the key is the negated form (noColor: true = color: false). */
function lookup(specs: readonly OptionSpec[], key: string): { spec: OptionSpec; negated: boolean } | undefined {
  const k = camel(key.replace(/^--?/, ''));
  for (const spec of specs) {
    if (spec.negate === true) {
      if (k === spec.attribute) return { spec, negated: false };
      if (k === camel(spec.flag.slice(2))) return { spec, negated: true };
    } else if (k === spec.attribute || k === camel(spec.flag.slice(2))) return { spec, negated: false };
  }
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A wrong value as the message shows it: its JSON. */
function describe(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** Checks a config value against its option and returns it canonical; a usage error naming the key otherwise. */
export function checkConfigValue(spec: OptionSpec, key: string, value: unknown, file: string, negated = false): ConfigValue {
  const wrong = (expected: string): never => {
    throw usage('configWrongType', { file, key, expected, value: describe(value) } satisfies UsageParams);
  };
  switch (spec.kind) {
    case 'boolean':
      if (typeof value !== 'boolean') wrong('boolean');
      return negated ? !value : (value as boolean);
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) wrong('number');
      return value as number;
    case 'cutoffs': {
      if (typeof value === 'string') return canonicalCutoffs(value);
      if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'number' && Number.isFinite(v))) return value as number[];
      return wrong('cutoffs');
    }
    case 'map': {
      if (isRecord(value)) {
        if (!Object.values(value).every((v) => typeof v === 'string')) wrong('map');
        return { ...(value as Record<string, string>) };
      }
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return canonicalMap(value as string[]);
      return wrong('map');
    }
    case 'list': {
      if (typeof value === 'string') return value;
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return (value as string[]).join(',');
      return wrong('list');
    }
    case 'string': {
      if (typeof value !== 'string') wrong('string');
      const text = value as string;
      if (spec.choices !== undefined && !spec.choices.includes(text)) {
        throw usage('configBadChoice', { file, key, allowed: spec.choices, value: text });
      }
      return text;
    }
  }
}

/** "80,95" → [80, 95]; text that is not two numbers stays as it is (the option parser says what is wrong). */
function canonicalCutoffs(text: string): ConfigValue {
  const parts = text.split(',').map((p) => p.trim());
  const numbers = parts.map(Number);
  return parts.length === 2 && parts.every((p) => p !== '') && numbers.every(Number.isFinite) ? numbers : text;
}

/** ["client=Контрагент"] → {client: "Контрагент"}; a list with an entry that is not role=Header stays a list (as text). */
function canonicalMap(entries: readonly string[]): ConfigValue {
  const map: Record<string, string> = {};
  for (const entry of entries) {
    const at = entry.indexOf('=');
    if (at <= 0) return entries.join(' ');
    map[entry.slice(0, at).trim()] = entry.slice(at + 1);
  }
  return map;
}

/** A command-line value (commander's form) in the canonical form a config file would write. */
export function canonicalFromCli(spec: OptionSpec, value: unknown): ConfigValue | undefined {
  if (value === undefined) return undefined;
  switch (spec.kind) {
    case 'boolean':
      return value === true;
    case 'number': {
      const n = Number(value);
      return typeof value === 'string' && value.trim() !== '' && Number.isFinite(n) ? n : String(value);
    }
    case 'cutoffs':
      return canonicalCutoffs(String(value));
    case 'map':
      return Array.isArray(value) ? canonicalMap(value.map(String)) : String(value);
    default:
      return String(value);
  }
}

/** A canonical value in the form commander hands over, for the usual option parsers. */
export function rawFromCanonical(spec: OptionSpec, value: ConfigValue): RawValue {
  switch (spec.kind) {
    case 'boolean':
      return value === true;
    case 'map':
      if (isRecord(value)) return Object.entries(value).map(([role, header]) => `${role}=${header}`);
      return [String(value)];
    case 'cutoffs':
      return Array.isArray(value) ? value.join(',') : String(value);
    default:
      return String(value);
  }
}

interface Found {
  spec: OptionSpec;
  value: ConfigValue;
  key: string;
  section?: CommandName;
}

/**
 * Checks the whole config file (every section, not only this command's) and returns the values
 * that apply to `command`: its section's over the top level's. Throws a usage error naming the
 * first unknown key or wrong value.
 */
export function configValues(config: ConfigFile, command: CommandName, specs: Readonly<Record<CommandName, readonly OptionSpec[]>>, exclude: readonly string[] = []): Map<string, Found> {
  const file = config.path;
  if (!isRecord(config.data)) throw usage('configNotObject', { file });
  const usable = (list: readonly OptionSpec[]): OptionSpec[] => list.filter((s) => !exclude.includes(s.attribute));
  const everyOption = usable(COMMAND_NAMES.flatMap((c) => specs[c]));
  const top = new Map<string, Found>();
  const section = new Map<string, Found>();
  for (const [key, value] of Object.entries(config.data)) {
    if ((COMMAND_NAMES as readonly string[]).includes(key)) {
      const name = key as CommandName;
      if (!isRecord(value)) throw usage('configWrongType', { file, key, expected: 'section', value: describe(value) });
      for (const [inner, innerValue] of Object.entries(value)) {
        const hit = lookup(usable(specs[name]), inner);
        if (hit === undefined) throw usage('configUnknownKey', { file, key: inner, command: name });
        const checked = checkConfigValue(hit.spec, `${name}.${inner}`, innerValue, file, hit.negated);
        if (name === command) section.set(hit.spec.attribute, { spec: hit.spec, value: checked, key: inner, section: name });
      }
      continue;
    }
    const hit = lookup(everyOption, key);
    if (hit === undefined) throw usage('configUnknownKey', { file, key });
    const checked = checkConfigValue(hit.spec, key, value, file, hit.negated);
    // A top-level key of another command's option (horizon for kam analyze) does not apply here.
    const own = lookup(usable(specs[command]), key);
    if (own !== undefined) top.set(own.spec.attribute, { spec: own.spec, value: checked, key });
  }
  return new Map([...top, ...section]);
}

/** The effective options of one command: command line, then the config file, then defaults. */
export function mergeSettings(input: MergeInput): Merged {
  const exclude = input.exclude ?? [];
  const found = input.config === null ? new Map<string, Found>() : configValues(input.config, input.command, input.specs, exclude);
  const raw: Record<string, unknown> = { ...input.cli };
  const settings: Setting[] = [];
  for (const spec of input.specs[input.command]) {
    if (exclude.includes(spec.attribute)) continue;
    const base = { attribute: spec.attribute, flag: spec.flag };
    if (input.fromCommandLine(spec.attribute)) {
      settings.push({ ...base, value: canonicalFromCli(spec, input.cli[spec.attribute]), source: 'command-line' });
      continue;
    }
    const hit = found.get(spec.attribute);
    if (hit !== undefined) {
      raw[spec.attribute] = rawFromCanonical(spec, hit.value);
      settings.push({ ...base, value: hit.value, source: 'config', key: hit.key, ...(hit.section === undefined ? {} : { section: hit.section }) });
      continue;
    }
    settings.push({ ...base, value: canonicalFromCli(spec, input.cli[spec.attribute]), source: 'default' });
  }
  return { raw, settings };
}

/** `{date}` in an output path: the as-of date when one is given (YYYY-MM-DD), else today. */
export function expandOutputPath(path: string, date: string): string {
  return path.replace(/\{date\}/g, date);
}
