// The per-call sequence rule of the live channel: an event whose seq is not above the last one applied
// for its call (snapshots count) is a duplicate or arrived late, and is dropped.
export class SeqTracker {
  private readonly last = new Map<string, number>()

  /** True when an event with this seq should be applied; records it when so. */
  accept(key: string, seq: number): boolean {
    const prev = this.last.get(key)
    if (prev !== undefined && seq <= prev) return false
    this.last.set(key, seq)
    return true
  }

  /** Sets the last applied seq (a snapshot's), whatever was there. */
  set(key: string, seq: number): void {
    this.last.set(key, seq)
  }

  get(key: string): number | undefined {
    return this.last.get(key)
  }

  forget(key: string): void {
    this.last.delete(key)
  }
}
