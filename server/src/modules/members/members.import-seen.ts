/**
 * What an import has seen of its file so far: a 64-bit key → first row table, kept in typed
 * arrays outside the JavaScript heap. A file may hold a million rows; in Maps the three
 * identity sets (card, citizen id, person) held ≈ 170 bytes a row on the heap, and the
 * collector let the heap grow to several times that before collecting, so the server passed
 * 1 GiB during a million-row import. Here a row costs 24 bytes per set at most, off the heap.
 */

const EMPTY = 0;

/** A table of 64-bit keys (two 32-bit halves) to the first row that showed them. */
export class SeenKeys {
  private high = new Int32Array(1 << 12);
  private low = new Int32Array(1 << 12);
  /** Row + 1 (0 marks a free slot). */
  private rows = new Int32Array(1 << 12);
  private used = 0;

  /** The first row seen with this key, or records `row` for it and answers undefined. */
  firstOrRecord(high: number, low: number, row: number): number | undefined {
    if ((this.used + 1) * 2 > this.rows.length) this.grow();
    const slot = this.slotOf(high | 0, low | 0);
    const first = this.rows[slot] ?? EMPTY;
    if (first !== EMPTY) return first - 1;
    this.high[slot] = high | 0;
    this.low[slot] = low | 0;
    this.rows[slot] = row + 1;
    this.used += 1;
    return undefined;
  }

  /** The slot holding the key, or the free slot where it belongs (linear probing). */
  private slotOf(high: number, low: number): number {
    const mask = this.rows.length - 1;
    for (let slot = mix(high, low) & mask; ; slot = (slot + 1) & mask) {
      if (this.rows[slot] === EMPTY || (this.high[slot] === high && this.low[slot] === low)) return slot;
    }
  }

  private grow(): void {
    const [high, low, rows] = [this.high, this.low, this.rows];
    this.high = new Int32Array(rows.length * 2);
    this.low = new Int32Array(rows.length * 2);
    this.rows = new Int32Array(rows.length * 2);
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i] ?? EMPTY;
      if (row === EMPTY) continue;
      const slot = this.slotOf(high[i] ?? 0, low[i] ?? 0);
      this.high[slot] = high[i] ?? 0;
      this.low[slot] = low[i] ?? 0;
      this.rows[slot] = row;
    }
  }
}

function mix(high: number, low: number): number {
  let h = Math.imul(high ^ 0x9e3779b9, 0x85ebca6b) ^ low;
  h = Math.imul(h ^ (h >>> 16), 0xc2b2ae35);
  return (h ^ (h >>> 13)) >>> 0;
}

/** A string of digits below 2^53 (card numbers, citizen ids) as its two 32-bit halves, exactly. */
export function digitKey(digits: string): [number, number] {
  const value = Number(digits);
  return [Math.floor(value / 2 ** 32), value % 2 ** 32];
}

/**
 * A 64-bit digest of a text (two independent 32-bit hashes: FNV-1a and a multiplicative one).
 * For a million distinct people the chance that two share a digest is about 3 in 10^8; the
 * import would then report a duplicate naming the other row, which a clerk can see at once.
 */
export function textKey(text: string): [number, number] {
  let fnv = 0x811c9dc5;
  let mul = 0x2545f491;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    fnv = Math.imul(fnv ^ c, 0x01000193);
    mul = Math.imul(mul + c, 0x5bd1e995);
    mul ^= mul >>> 15;
  }
  return [fnv | 0, mul | 0];
}
