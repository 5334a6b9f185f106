// `kam config`: the effective settings of each command and where each comes from, as a terminal
// table or as JSON whose "value"s make a config file again.
import type { ChalkInstance } from 'chalk';
import type { Lang, Messages } from '../i18n/index.js';
import type { ConfigFile } from '../io/config-file.js';
import { table } from './terminal-kit.js';

/** A value as a config file writes it, canonical: numbers as numbers, cut-offs as [80, 95], --map as {role: "Header"}. */
export type SettingValue = string | number | boolean | number[] | string[] | Record<string, string>;

type Source = 'default' | 'environment' | 'config' | 'command-line';

export interface Setting {
  attribute: string;
  flag: string;
  /** Canonical value; undefined when not set anywhere and the default is not a value ("detected", "none"). */
  value: SettingValue | undefined;
  source: Source;
  /** For a config value: the key as written, and the section it sits in (undefined: the top level). */
  key?: string;
  section?: string;
}

export interface LangSetting {
  lang: Lang;
  /** The environment variable that decided, when the environment did. */
  variable?: string;
}

export interface CommandSettings {
  command: string;
  settings: Setting[];
}

/** The JSON of `kam config --format json`: canonical values, so the "value"s make a config file again. */
export function configJson(config: ConfigFile | null, commands: readonly CommandSettings[], lang: LangSetting): string {
  const byCommand: Record<string, Record<string, unknown>> = {};
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
  return `${JSON.stringify({ config: config?.path ?? null, lang: lang.lang, commands: byCommand }, null, 2)}\n`;
}

function valueText(value: SettingValue | undefined, t: Messages): string {
  if (value === undefined) return t.config.unset;
  if (typeof value === 'boolean') return value ? t.config.yes : t.config.no;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'number' ? t.human.number(v) : v)).join(',');
  if (typeof value === 'object') return Object.entries(value).map(([role, header]) => `${role}=${header}`).join(', ');
  return typeof value === 'number' ? t.human.number(value) : value;
}

function sourceText(s: Setting, config: ConfigFile | null, lang: LangSetting, t: Messages): string {
  if (s.source === 'config') return `${config?.path ?? ''}${s.section === undefined ? '' : ` (${t.config.section(s.section)})`}`;
  if (s.source === 'environment') return `${t.config.source.environment}${s.attribute === 'lang' && lang.variable !== undefined ? ` (${lang.variable})` : ''}`;
  return t.config.source[s.source];
}

export function configTable(config: ConfigFile | null, commands: readonly CommandSettings[], lang: LangSetting, t: Messages, chalk: ChalkInstance, width?: number): string {
  const out: string[] = [];
  for (const { command, settings } of commands) {
    out.push(`${chalk.bold(t.config.title(command))} — ${t.config.file(config?.path ?? null)}`);
    const tbl = table(chalk, [...t.config.headers], ['left', 'left', 'left'], { compact: true, width });
    for (const s of settings) {
      // --no-color: the row says whether the switch is on (color false = --no-color on).
      const text = valueText(s.flag.startsWith('--no-') && typeof s.value === 'boolean' ? !s.value : s.value, t);
      const from = sourceText(s, config, lang, t);
      tbl.push([s.flag, s.source === 'default' ? chalk.dim(text) : text, s.source === 'default' ? chalk.dim(from) : from]);
    }
    out.push(tbl.toString(), '');
  }
  return out.join('\n');
}

