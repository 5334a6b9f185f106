// What a client bought of each product (SPEC §8, the dossier's top products): exact net sums per
// product, kept as numbers. Product names are kept once per ledger (ProductNames: a product is
// usually bought by many clients) and a client's sums are an open-addressing table of
// (product id, whole units, millionths) in one array of numbers: about 32 bytes a product a client,
// where a map of names to exact pairs cost ~200 (its own copy of the name, a pair array and two
// map entries). On 50,000 clients of twenty products each that was ~200 MB.

/** A ledger's product names, each once: id → name and name → id. */
export interface ProductNames {
  ids: Map<string, number>;
  names: string[];
}

export function emptyProductNames(): ProductNames {
  return { ids: new Map(), names: [] };
}

/** The id of a product name, given one on first sight. `keep` makes the copy of the name to keep. */
export function productId(names: ProductNames, name: string, keep: (name: string) => string = (n) => n): number {
  let id = names.ids.get(name);
  if (id === undefined) {
    const kept = keep(name);
    id = names.names.length;
    names.names.push(kept);
    names.ids.set(kept, id);
  }
  return id;
}

/** Slot i: product id + 1 at 3i (0: empty), whole units at 3i + 1, millionths at 3i + 2. */
const EMPTY: readonly number[] = Object.freeze([0, 0, 0]);

export class ProductSums {
  private slots: number[] = EMPTY as number[];
  private count = 0;

  /** How many products. */
  get size(): number {
    return this.count;
  }

  private slotOf(slots: readonly number[], id: number): number {
    const mask = slots.length / 3 - 1;
    // Fibonacci hashing spreads consecutive ids over the table.
    let slot = Math.imul(id + 1, 0x9e3779b1) >>> 0;
    slot &= mask;
    for (;;) {
      const key = slots[3 * slot]!;
      if (key === id + 1 || key === 0) return slot;
      slot = (slot + 1) & mask;
    }
  }

  /** Adds an exact amount (whole units, millionths) to a product's sum. */
  add(id: number, units: number, micros: number): void {
    let slot = this.slotOf(this.slots, id);
    if (this.slots[3 * slot] === 0) {
      // Up to 3/4 full: probes stay short.
      if ((this.count + 1) * 4 > (this.slots.length / 3) * 3) {
        this.grow();
        slot = this.slotOf(this.slots, id);
      }
      this.slots[3 * slot] = id + 1;
      this.count++;
    }
    this.slots[3 * slot + 1]! += units;
    this.slots[3 * slot + 2]! += micros;
  }

  private grow(): void {
    const old = this.slots;
    const capacity = Math.max(2, (2 * old.length) / 3);
    const slots = new Array<number>(3 * capacity).fill(0);
    this.slots = slots;
    for (let i = 0; i < old.length; i += 3) {
      const key = old[i]!;
      if (key === 0) continue;
      const slot = this.slotOf(slots, key - 1);
      slots[3 * slot] = key;
      slots[3 * slot + 1] = old[i + 1]!;
      slots[3 * slot + 2] = old[i + 2]!;
    }
  }

  /** [product id, whole units, millionths] of every product, in table order. */
  *entries(): Generator<[number, number, number]> {
    const slots = this.slots;
    for (let i = 0; i < slots.length; i += 3) if (slots[i]! !== 0) yield [slots[i]! - 1, slots[i + 1]!, slots[i + 2]!];
  }
}

/** The products of a client who has none: shared, never written (adders take their own first). */
export const NO_PRODUCTS = Object.freeze(new ProductSums()) as ProductSums;
