// A bounded cache keyed by text, in two generations, so that both a lookup and an eviction take constant time.

/**
 * Entries live in the current generation; when it is full it becomes the previous one and the one before is dropped.
 * An entry found in the previous generation is carried into the current one, so what a draft still uses stays.
 * (Evicting the oldest key of one Map with `keys().next()` looks cheap but walks the deleted entries that pile up
 * at its front: a batch of hundreds of drafts went quadratic that way.)
 */
export class TextCache<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();
  private generation: number;

  /** Holds between `generation` and twice as many entries. */
  constructor(generation: number) {
    this.generation = Math.min(generation, generationLimit);
    all.push(new WeakRef(this));
  }

  /** See limitTextCaches. */
  limit(generation: number): void {
    this.generation = Math.min(this.generation, generation);
    if (this.current.size > this.generation) this.clear();
  }

  get(key: string): V | undefined {
    const hit = this.current.get(key);
    if (hit !== undefined) return hit;
    const old = this.previous.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: string, value: V): void {
    if (this.current.size >= this.generation) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }

  get size(): number { return this.current.size + this.previous.size; }

  clear(): void { this.current.clear(); this.previous.clear(); }
}

const all: WeakRef<TextCache<unknown>>[] = [];
let generationLimit = Infinity;

/**
 * Caps every text cache. An editor re-checks the same sections keystroke after keystroke and wants large caches; a
 * batch checks each file once, where a large cache only keeps old files' sections alive for the garbage collector to
 * trace: a few hundred entries serve the sections of the file at hand.
 */
export function limitTextCaches(generation: number): void {
  generationLimit = generation;
  for (const r of all) r.deref()?.limit(generation);
}
