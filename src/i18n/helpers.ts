// Small helpers the catalogues share. Nothing here holds words of one language.
import type { Problem } from '../core/problems.js';

/** ["a", "b"] → '"a", "b"' (a value that is not a list is shown as it is). */
export function quotedList(value: unknown): string {
  return Array.isArray(value) ? value.map((v) => `"${String(v)}"`).join(', ') : String(value ?? '');
}

/** Words for each member of a coded union (problems, reasons): one function per code, given that member. */
export type Wording<U extends { code: string }> = { [K in U['code']]: (member: Extract<U, { code: K }>) => string };

/** The words for `member` from `words`. */
export function word<U extends { code: string }>(words: Wording<U>, member: U): string {
  return (words[member.code as U['code']] as (member: U) => string)(member);
}

/** "file, line 12: " before a message about a place in a file; `lineWord` is the language's "line". */
export function wherePrefix(p: Problem, lineWord: string): string {
  const parts: string[] = [];
  if (p.file !== undefined) parts.push(p.file);
  if (p.line !== undefined) parts.push(`${lineWord} ${p.line}`);
  return parts.length > 0 ? `${parts.join(', ')}: ` : '';
}

/** "file: " or ''. */
export function filePrefix(p: Problem): string {
  return p.file !== undefined ? `${p.file}: ` : '';
}

/** Russian plural: 1 клиент, 2 клиента, 5 клиентов (11–14 take the third form). */
export function pluralRu(n: number, one: string, few: string, many: string): string {
  const abs = Math.abs(n);
  if (!Number.isInteger(abs)) return few;
  const m10 = abs % 10;
  const m100 = abs % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

export const capitalise = (s: string): string => (s === '' ? s : s[0]!.toUpperCase() + s.slice(1));

/** Period labels of the core (2026-03, 2026-Q1, 2026-03-02 for the week of that Monday), split. */
export function parsePeriodLabel(label: string): { kind: 'month'; y: string; m: string } | { kind: 'quarter'; y: string; q: string } | { kind: 'day'; y: string; m: string; d: string } | null {
  let m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m !== null) return { kind: 'month', y: m[1]!, m: m[2]! };
  m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (m !== null) return { kind: 'quarter', y: m[1]!, q: m[2]! };
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(label);
  if (m !== null) return { kind: 'day', y: m[1]!, m: m[2]!, d: m[3]! };
  return null;
}
