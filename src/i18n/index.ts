// The catalogues by language, and the language a run speaks: --lang, else the config file's
// "lang", else the locale of the environment (LC_ALL, then LC_MESSAGES, then LANG), else English.
// The CLI picks a catalogue once per run and hands it down; nothing here is global state.
import { en, LANGS, type Lang, type Messages } from './en.js';
import { kk } from './kk.js';
import { ru } from './ru.js';

export { en, LANGS, type Lang, type Messages };

export const CATALOGUES: Readonly<Record<Lang, Messages>> = { en, ru, kk };

export function catalogue(lang: Lang): Messages {
  return CATALOGUES[lang];
}

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

/**
 * The language of a POSIX locale name: ru_RU.UTF-8 → ru, kk_KZ → kk, anything else → en.
 * The first of LC_ALL, LC_MESSAGES, LANG that is set and not empty decides (as setlocale does):
 * LC_ALL=C is English even when LANG says Russian.
 */
export function langFromEnv(env: Record<string, string | undefined>): { lang: Lang; variable: string | null } {
  for (const variable of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const value = env[variable];
    if (value === undefined || value === '') continue;
    const code = value.toLowerCase().split(/[_.@-]/)[0] ?? '';
    return { lang: isLang(code) ? code : 'en', variable };
  }
  return { lang: 'en', variable: null };
}
