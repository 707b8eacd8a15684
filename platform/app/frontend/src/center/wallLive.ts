// The monitor wall's live feed: each WallSeatChanged from the socket patches its seat's row at once;
// the day's figures come with the wall's REST reads. A read that left the server before a change
// arrived must not undo it, so a seat keeps the newest of the two by server time.
import type { DeskAgent } from '../api/types'
import { SeqTracker } from '../logic/seq'
import type { Wall, WallSeat } from './api'

export interface WallSeatChangedMessage {
  type: 'WallSeatChanged'
  tenantId: number | string
  seq: number
  at: string
  agent: DeskAgent
}

/** The feed is in place: from now on every change reaches the page, so a read now misses none. */
export interface WallWatchingMessage {
  type: 'WallWatching'
  serverTime: string
}

export type WallFeedMessage = WallSeatChangedMessage | WallWatchingMessage

type LiveFields = Pick<WallSeat, 'status' | 'state' | 'since' | 'reason' | 'callId' | 'phoneRegistered'>

export class WallLive {
  private readonly seqs = new SeqTracker()
  private readonly live = new Map<string, { at: number; fields: LiveFields }>()

  /**
   * Applies a change to the wall in place. Returns false for a stale or duplicate change, or one of a seat
   * the wall does not show (a seat added since: the next read brings it).
   */
  apply(wall: Wall | null, msg: WallSeatChangedMessage): boolean {
    if (msg.type !== 'WallSeatChanged' || !this.seqs.accept(msg.agent.seat, msg.seq)) return false
    const a = msg.agent
    const fields: LiveFields = {
      status: a.status, state: a.state, since: a.since, reason: a.reason, callId: a.callId, phoneRegistered: a.phoneRegistered,
    }
    this.live.set(a.seat, { at: Date.parse(msg.at), fields })
    const row = wall?.seats.find((s) => s.seat === a.seat)
    if (!row) return false
    Object.assign(row, fields)
    return true
  }

  /**
   * A fresh read laid into the wall the page shows, row by row in place (an unchanged seat is not drawn
   * again), with every change newer than the read kept; seats gone from the read go, new ones come.
   */
  refresh(shown: Wall | null, read: Wall): Wall {
    const merged = this.merge(read)
    if (!shown) return merged
    const rows = new Map(shown.seats.map((s) => [s.seat, s]))
    shown.seats = merged.seats.map((row) => {
      const old = rows.get(row.seat)
      if (!old) return row
      for (const key of Object.keys(row) as (keyof WallSeat)[]) {
        if (old[key] !== row[key]) (old as unknown as Record<string, unknown>)[key] = row[key]
      }
      return old
    })
    shown.from = merged.from
    shown.at = merged.at
    return shown
  }

  /** A fresh read of the wall, with every change newer than the read laid over it. */
  merge(read: Wall): Wall {
    const readAt = Date.parse(read.at)
    for (const row of read.seats) {
      const change = this.live.get(row.seat)
      if (change && change.at > readAt) Object.assign(row, change.fields)
      else this.live.delete(row.seat)
    }
    return read
  }
}
