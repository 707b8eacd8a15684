// Only one tab of an agent plays the ring for a call. Tabs share localStorage: a tab claims
// `calldesk.ring.<callId>` unless another tab holds a fresh claim, waits a moment for a tab that claimed at
// the very same time (the last write wins, and every tab reads the same winner), and keeps its claim fresh
// while the call rings. A claim nobody refreshes goes stale, so another tab takes over when the ringing
// tab is closed.

export interface LockStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
  readonly length: number
  key(index: number): string | null
}

export interface RingLockOptions {
  storage: LockStorage
  tabId: string
  now?: () => number
  /** A claim older than this is abandoned (its tab closed or froze). */
  staleMs?: number
  /** How long a claimer waits before reading who won. */
  settleMs?: number
  sleep?: (ms: number) => Promise<void>
}

interface Claim {
  tab: string
  at: number
}

export const RING_KEY_PREFIX = 'calldesk.ring.'

export function newTabId(): string {
  const rnd = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : Math.random().toString(36).slice(2)
  return `${Date.now().toString(36)}-${rnd}`
}

export class RingLock {
  private readonly storage: LockStorage
  private readonly tabId: string
  private readonly now: () => number
  private readonly staleMs: number
  private readonly settleMs: number
  private readonly sleep: (ms: number) => Promise<void>

  constructor(opts: RingLockOptions) {
    this.storage = opts.storage
    this.tabId = opts.tabId
    this.now = opts.now ?? (() => Date.now())
    this.staleMs = opts.staleMs ?? 6000
    this.settleMs = opts.settleMs ?? 60
    this.sleep = opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)))
  }

  private read(callId: string): Claim | null {
    try {
      const raw = this.storage.getItem(RING_KEY_PREFIX + callId)
      if (!raw) return null
      const claim = JSON.parse(raw) as Claim
      return typeof claim?.tab === 'string' && typeof claim.at === 'number' ? claim : null
    } catch {
      return null
    }
  }

  private write(callId: string): void {
    try {
      this.storage.setItem(RING_KEY_PREFIX + callId, JSON.stringify({ tab: this.tabId, at: this.now() }))
    } catch {
      // storage full or disabled: this tab rings on its own
    }
  }

  private fresh(claim: Claim | null): claim is Claim {
    return claim !== null && this.now() - claim.at < this.staleMs
  }

  /** True when this tab now holds the ring of the call (already held counts). */
  async claim(callId: string): Promise<boolean> {
    const current = this.read(callId)
    if (current && current.tab === this.tabId) {
      this.write(callId)
      return true
    }
    if (this.fresh(current)) return false
    this.write(callId)
    await this.sleep(this.settleMs)
    return this.read(callId)?.tab === this.tabId
  }

  /** Keeps this tab's claim fresh; false when another tab holds it now. */
  refresh(callId: string): boolean {
    const current = this.read(callId)
    if (current?.tab !== this.tabId) return false
    this.write(callId)
    return true
  }

  holds(callId: string): boolean {
    return this.read(callId)?.tab === this.tabId
  }

  /** Gives the ring up (the call stopped ringing or the tab closes). */
  release(callId: string): void {
    if (this.holds(callId)) {
      try {
        this.storage.removeItem(RING_KEY_PREFIX + callId)
      } catch {
        // ignore
      }
    }
  }

  /** Removes claims nobody has refreshed for a minute (left by closed tabs). */
  sweep(maxAgeMs = 60000): void {
    const keys: string[] = []
    for (let i = 0; i < this.storage.length; i++) {
      const key = this.storage.key(i)
      if (key && key.startsWith(RING_KEY_PREFIX)) keys.push(key)
    }
    for (const key of keys) {
      const claim = this.read(key.slice(RING_KEY_PREFIX.length))
      if (!claim || this.now() - claim.at > maxAgeMs) this.storage.removeItem(key)
    }
  }
}
