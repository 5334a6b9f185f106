// A client's documents: 52-bit document keys → the first day each carries a purchase line.
// Open addressing over typed arrays: about 20 bytes a document instead of the ~50 a Map with
// boxed number keys costs, which is what a ledger of millions of invoices needs.
/**
 * Shared by every set until its first document: one empty slot, never written (the first add
 * grows first). Clients with no document cost no arrays, which matters with a million clients.
 */
const NO_KEYS = Float64Array.of(Number.NaN);
const NO_DAYS = new Int32Array(1);

export class DocumentSet {
  private keys = NO_KEYS;
  private days = NO_DAYS;
  private count = 0;

  get size(): number {
    return this.count;
  }

  private slotOf(keys: Float64Array, key: number): number {
    const mask = keys.length - 1;
    // The low bits of the key are hash bits already (keys are hashes).
    let slot = (key % 0x40000000) & mask;
    for (;;) {
      const k = keys[slot]!;
      if (k === key || k !== k) return slot;
      slot = (slot + 1) & mask;
    }
  }

  /** Records a purchase line of document `key` on `day`, keeping the earliest day. */
  add(key: number, day: number): void {
    let slot = this.slotOf(this.keys, key);
    const existing = this.keys[slot]!;
    if (existing === key) {
      if (day < this.days[slot]!) this.days[slot] = day;
      return;
    }
    // Up to 80% full: the probes stay short, and a million documents fit in ~20 MB.
    if ((this.count + 1) * 10 > this.keys.length * 8) {
      this.grow();
      slot = this.slotOf(this.keys, key);
    }
    this.keys[slot] = key;
    this.days[slot] = day;
    this.count++;
  }

  get(key: number): number | undefined {
    const slot = this.slotOf(this.keys, key);
    return this.keys[slot] === key ? this.days[slot] : undefined;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldDays = this.days;
    const capacity = Math.max(4, oldKeys.length * 2);
    this.keys = new Float64Array(capacity).fill(Number.NaN);
    this.days = new Int32Array(capacity);
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i]!;
      if (k !== k) continue;
      const slot = this.slotOf(this.keys, k);
      this.keys[slot] = k;
      this.days[slot] = oldDays[i]!;
    }
  }

  /** [key, first day] of every document, in slot order (callers only count or re-add them). */
  *entries(): Generator<[number, number]> {
    for (let i = 0; i < this.keys.length; i++) {
      const k = this.keys[i]!;
      if (k === k) yield [k, this.days[i]!];
    }
  }

  *values(): Generator<number> {
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] === this.keys[i]) yield this.days[i]!;
  }
}
