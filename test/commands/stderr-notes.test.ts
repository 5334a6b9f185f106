// Which notes each command writes to stderr (the table in src/commands/stderr-notes.ts).
import { describe, expect, it } from 'vitest';
import { noteToStderr } from '../../src/commands/stderr-notes.js';
import type { Problem } from '../../src/core/problems.js';

const note = (code: Problem['code'], severity: Problem['severity'], value?: string): Problem => ({ code, severity, ...(value === undefined ? {} : { value }) });

describe('noteToStderr', () => {
  it('analyze: warnings, dropped partial periods, skipped rows and an empty p_alive', () => {
    expect(noteToStderr('analyze', note('no-positive-clients', 'warning'))).toBe(true);
    expect(noteToStderr('analyze', note('partial-period-dropped', 'note'))).toBe(true);
    expect(noteToStderr('analyze', note('rows-skipped', 'note'))).toBe(true);
    expect(noteToStderr('analyze', note('bgnbd-not-fitted', 'note', 'too-few-clients'))).toBe(true);
    expect(noteToStderr('analyze', note('bgnbd-not-fitted', 'note', 'no-convergence'))).toBe(false);
    expect(noteToStderr('analyze', note('rows-after-as-of', 'note'))).toBe(false);
  });

  it('lost: as analyze, without the dropped partial periods', () => {
    expect(noteToStderr('lost', note('partial-period-dropped', 'note'))).toBe(false);
    expect(noteToStderr('lost', note('rows-skipped', 'note'))).toBe(true);
    expect(noteToStderr('lost', note('bgnbd-not-fitted', 'note', 'no-repeat-purchases'))).toBe(true);
  });

  it('client: warnings that bear on the card; the earlier window only when --compare was given', () => {
    expect(noteToStderr('client', note('rows-skipped', 'warning'))).toBe(true);
    expect(noteToStderr('client', note('rows-skipped', 'note'))).toBe(false);
    expect(noteToStderr('client', note('xyz-degenerate', 'warning'))).toBe(false);
    expect(noteToStderr('client', note('compare-outside-ledger', 'warning', 'before'))).toBe(false);
    expect(noteToStderr('client', note('compare-outside-ledger', 'warning', 'before'), { compareGiven: true })).toBe(true);
  });

  it('alive: every reading note', () => {
    expect(noteToStderr('alive', note('rows-skipped', 'note'))).toBe(true);
  });
});
