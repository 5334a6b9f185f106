// A client's documents: 52-bit document keys → the first day each carries a purchase line.
// Open addressing over one typed array, key and day side by side: about 20 bytes a document
// instead of the ~50 a Map with boxed number keys costs, and one array a client (each typed array
// costs ~180 bytes of its own, which a million clients feel).
/**
 * Shared by every set until its first document: one empty slot, never written (the first add
 * grows first). Clients with no document cost no arrays, which matters with a million clients.
 */
const NO_SLOTS = Float64Array.of(Number.NaN, 0);

export class DocumentSet {
  /** Slot i: the key at 2i (NaN: empty), its first day at 2i + 1. */
  private slots = NO_SLOTS;
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Index of the key's slot (its key at 2 × index), or of the empty slot where it would go. */
  private slotOf(slots: Float64Array, key: number): number {
    const mask = (slots.length >> 1) - 1;
    // The low bits of the key are hash bits already (keys are hashes).
    let slot = (key % 0x40000000) & mask;
    for (;;) {
      const k = slots[2 * slot]!;
      if (k === key || k !== k) return slot;
      slot = (slot + 1) & mask;
    }
  }

  /** Records a purchase line of document `key` on `day`, keeping the earliest day. */
  add(key: number, day: number): void {
    let slot = this.slotOf(this.slots, key);
    const existing = this.slots[2 * slot]!;
    if (existing === key) {
      if (day < this.slots[2 * slot + 1]!) this.slots[2 * slot + 1] = day;
      return;
    }
    // Up to 80% full: the probes stay short, and a million documents fit in ~20 MB.
    if ((this.count + 1) * 10 > (this.slots.length >> 1) * 8) {
      this.grow();
      slot = this.slotOf(this.slots, key);
    }
    this.slots[2 * slot] = key;
    this.slots[2 * slot + 1] = day;
    this.count++;
  }

  get(key: number): number | undefined {
    const slot = this.slotOf(this.slots, key);
    return this.slots[2 * slot] === key ? this.slots[2 * slot + 1] : undefined;
  }

  private grow(): void {
    const old = this.slots;
    const capacity = Math.max(4, old.length);
    const slots = new Float64Array(2 * capacity);
    for (let i = 0; i < slots.length; i += 2) slots[i] = Number.NaN;
    for (let i = 0; i < old.length; i += 2) {
      const k = old[i]!;
      if (k !== k) continue;
      const slot = this.slotOf(slots, k);
      slots[2 * slot] = k;
      slots[2 * slot + 1] = old[i + 1]!;
    }
    this.slots = slots;
  }

  /** [key, first day] of every document, in slot order (callers only count or re-add them). */
  *entries(): Generator<[number, number]> {
    const slots = this.slots;
    for (let i = 0; i < slots.length; i += 2) {
      const k = slots[i]!;
      if (k === k) yield [k, slots[i + 1]!];
    }
  }

  *values(): Generator<number> {
    const slots = this.slots;
    for (let i = 0; i < slots.length; i += 2) if (slots[i] === slots[i]) yield slots[i + 1]!;
  }
}

/**
 * The documents of a client who has none left as keys: one set shared by every such client (and
 * by every client once its ledger is finished, when the documents become counts per day in the
 * day table). Frozen: writers take their own set first (documentsOf in ledger.ts).
 */
export const NO_DOCUMENTS = Object.freeze(new DocumentSet()) as DocumentSet;
