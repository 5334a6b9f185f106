// Usage errors (exit 2) as data: which message (a key of the catalogues' `usage`) and its facts,
// so the words come in the run's language. `value` keeps the English line for anything that
// reads the problem without a catalogue.
import { KamError } from '../core/problems.js';
import { en, type Messages, type UsageParams } from './en.js';

export type UsageKey = Exclude<keyof Messages['usage'], 'fromConfig'>;

export function usage(key: UsageKey, params: UsageParams = {}): KamError {
  const details: Record<string, string | readonly string[]> = { usage: key };
  for (const [k, v] of Object.entries(params) as [string, string | readonly string[] | undefined][]) if (v !== undefined) details[k] = v;
  return new KamError({ code: 'bad-option', value: en.usage[key](params), details });
}
