import { describe, expect, it } from 'vitest'
import { WallLive, type WallSeatChangedMessage } from '../src/center/wallLive'
import type { Wall, WallSeat } from '../src/center/api'

function seat(id: string, over: Partial<WallSeat> = {}): WallSeat {
  return {
    seat: id, seatNumber: id.slice(-4), userName: null, displayName: null, status: 'IDLE', state: 'WAITING',
    since: '2026-12-06T01:00:00Z', reason: null, callId: null, phoneRegistered: true, inboundAnswered: 0, inboundTalkSeconds: 0,
    outboundCalls: 0, outboundAnswered: 0, outboundTalkSeconds: 0, offered: 0, answeredOffers: 0, answerRate: null,
    loginSeconds: 0, busySeconds: 0, restSeconds: 0, talkSeconds: 0, wrapUpSeconds: 0, ...over,
  }
}
function wall(at: string, ...seats: WallSeat[]): Wall {
  return { from: '2026-12-05T16:00:00Z', at, seats }
}
function change(id: string, seq: number, at: string, status: WallSeat['status'], reason: string | null = null): WallSeatChangedMessage {
  return {
    type: 'WallSeatChanged', tenantId: 1, seq, at,
    agent: { seat: id, seatNumber: '', status, state: 'WAITING', since: at, callId: null, reason, wrapUpUntil: null, missedInARow: 0,
      answeredToday: 0, phoneRegistered: true },
  }
}

describe('the monitor wall live feed', () => {
  it('patches the seat of a change and only that one, and drops a stale change', () => {
    const live = new WallLive()
    const w = wall('2026-12-06T02:00:00Z', seat('s0001'), seat('s0002'))
    expect(live.apply(w, change('s0001', 10, '2026-12-06T02:00:05Z', 'REST', 'lunch'))).toBe(true)
    expect(w.seats[0]).toMatchObject({ status: 'REST', reason: 'lunch', since: '2026-12-06T02:00:05Z' })
    expect(w.seats[1].status).toBe('IDLE')
    expect(live.apply(w, change('s0001', 9, '2026-12-06T02:00:04Z', 'BUSY'))).toBe(false)
    expect(w.seats[0].status).toBe('REST')
    expect(live.apply(w, change('s0009', 1, '2026-12-06T02:00:04Z', 'BUSY'))).toBe(false)
  })

  it('keeps a change newer than a read that crossed it, and lets a newer read win', () => {
    const live = new WallLive()
    live.apply(null, change('s0001', 10, '2026-12-06T02:00:05Z', 'BUSY'))
    const older = live.merge(wall('2026-12-06T02:00:04Z', seat('s0001')))
    expect(older.seats[0].status).toBe('BUSY')
    const newer = live.merge(wall('2026-12-06T02:00:06Z', seat('s0001', { status: 'OFFLINE' })))
    expect(newer.seats[0].status).toBe('OFFLINE')
  })

  it('lays a fresh read into the shown wall in place: same rows, new figures, new and gone seats', () => {
    const live = new WallLive()
    const shown = wall('2026-12-06T02:00:00Z', seat('s0001'), seat('s0002'))
    const first = shown.seats[0]
    live.apply(shown, change('s0001', 10, '2026-12-06T02:00:05Z', 'BUSY'))
    const next = live.refresh(shown, wall('2026-12-06T02:00:04Z', seat('s0001', { inboundAnswered: 3 }), seat('s0003')))
    expect(next).toBe(shown)
    expect(next.seats.map((s) => s.seat)).toEqual(['s0001', 's0003'])
    expect(next.seats[0]).toBe(first)
    expect(first).toMatchObject({ inboundAnswered: 3, status: 'BUSY' })
    expect(next.at).toBe('2026-12-06T02:00:04Z')
  })
})
