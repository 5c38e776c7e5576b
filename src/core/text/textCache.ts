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

  /** Holds between `generation` and twice as many entries. */
  constructor(private readonly generation: number) {}

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
