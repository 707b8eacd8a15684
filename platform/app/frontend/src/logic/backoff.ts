// Reconnect back-off of the live channel: 1 s, 2 s, 4 s, 8 s, then 15 s, reset by a successful connect.
export interface BackoffOptions {
  baseMs: number
  maxMs: number
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 15000 }

/** Delay before reconnect attempt `attempt` (1 = the first retry after a drop). */
export function backoffDelay(attempt: number, opts: BackoffOptions = DEFAULT_BACKOFF): number {
  if (attempt <= 0) return 0
  const exp = opts.baseMs * Math.pow(2, Math.min(attempt - 1, 30))
  return Math.min(exp, opts.maxMs)
}

export class Backoff {
  private attempts = 0

  constructor(private readonly opts: BackoffOptions = DEFAULT_BACKOFF) {}

  /** The delay before the next attempt, counting it. */
  next(): number {
    this.attempts += 1
    return backoffDelay(this.attempts, this.opts)
  }

  get attempt(): number {
    return this.attempts
  }

  reset(): void {
    this.attempts = 0
  }
}
