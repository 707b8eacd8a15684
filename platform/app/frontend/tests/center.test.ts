import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '../src/api/client'
import { exportRequest, filterQuery, voicemailQuery, wallCounts, wallOrder, seatOrder, hourSeries, busyHours, type ExportProgress, type ServiceLevelBoard, type WallSeat } from '../src/center/api'
import { follow } from '../src/center/exports'
import { secondsLeft } from '../src/desk/callbacks'

describe('call center filters', () => {
  it('send only the filled fields, trimmed, with the tab first', () => {
    expect(filterQuery({ tab: 'IN_MISSED', from: '2026-12-01', to: '', seat: '  ', number: ' 13800138000 ' })).toBe(
      'tab=IN_MISSED&from=2026-12-01&number=13800138000',
    )
  })

  it('carry the cursor and page size of "load more", URL-encoded', () => {
    const q = new URLSearchParams(filterQuery({ tab: 'OUT_ANSWERED', customer: 42 }, 'MTc2NDk4:abc+/=', 50))
    expect(q.get('customer')).toBe('42')
    expect(q.get('cursor')).toBe('MTc2NDk4:abc+/=')
    expect(q.get('size')).toBe('50')
  })
})

describe('callback deadline', () => {
  it('counts down to the due time on the server clock and goes negative once overdue', () => {
    const due = { dueAt: '2026-12-06T10:00:00Z' }
    const at = Date.parse('2026-12-06T09:58:00Z')
    expect(secondsLeft(due, at)).toBe(120)
    expect(secondsLeft(due, at, 3 * 60_000)).toBe(-60)
  })
})

describe('Excel export', () => {
  afterEach(() => vi.useRealTimers())

  const at = (state: ExportProgress['state'], written: number): ExportProgress => ({
    id: 'e1', state, total: 3000, written, percent: Math.floor((written * 100) / 3000), fileName: '通话记录_已接来电_20261201-20261206.xlsx',
    startedAt: '2026-12-06T10:00:00Z', finishedAt: null,
  })

  it('asks for the list as filtered, without empty fields, in the page language', () => {
    expect(exportRequest({ tab: 'IN_ANSWERED', from: '2026-12-01', to: ' ', seat: ' ss1 ', customer: 7 }, 'zh-CN')).toEqual({
      tab: 'IN_ANSWERED', from: '2026-12-01', seat: 'ss1', customer: 7, language: 'zh-CN',
    })
    expect(exportRequest({ tab: 'OUT_MISSED' }, 'en').language).toBe('en')
  })

  it('polls every half second until the export is done, and then no more', async () => {
    vi.useFakeTimers()
    const answers = [at('WRITING', 1000), at('WRITING', 2000), at('DONE', 3000)]
    const poll = vi.fn(async () => answers.shift()!)
    const seen: string[] = []
    const following = follow(at('WAITING', 0), poll, (p) => seen.push(`${p.state}:${p.written}`))
    await vi.advanceTimersByTimeAsync(499)
    expect(poll).toHaveBeenCalledTimes(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(poll).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(5000)
    expect(poll).toHaveBeenCalledTimes(3)
    expect(seen).toEqual(['WAITING:0', 'WRITING:1000', 'WRITING:2000', 'DONE:3000'])
    expect((await following.done)?.state).toBe('DONE')
  })

  it('ends as failed when the server no longer knows the export, and stops when told', async () => {
    vi.useFakeTimers()
    const gone = new ApiError({ status: 404, code: 'center.export.not-found', message: '没有', messageEn: 'No export', fields: [] })
    const following = follow(at('WRITING', 10), async () => { throw gone }, () => {})
    await vi.advanceTimersByTimeAsync(500)
    expect((await following.done)?.state).toBe('FAILED')

    const poll = vi.fn(async () => at('WRITING', 20))
    const stopped = follow(at('WRITING', 10), poll, () => {})
    stopped.stop()
    await vi.advanceTimersByTimeAsync(2000)
    expect(poll).not.toHaveBeenCalled()
    expect(await stopped.done).toBeNull()
  })
})

describe('voicemail list', () => {
  it('asks for all messages unless only the unhandled ones are wanted, with the days and cursor given', () => {
    expect(voicemailQuery({})).toBe('status=ALL')
    expect(voicemailQuery({ from: '2026-12-01', to: '2026-12-06', openOnly: true }, 'abc', 50)).toBe(
      'from=2026-12-01&to=2026-12-06&status=OPEN&cursor=abc&size=50',
    )
  })
})

describe('monitor wall', () => {
  const seat = (seatNumber: string, status: WallSeat['status'], state: WallSeat['state']) =>
    ({ seat: `s${seatNumber}`, seatNumber, status, state } as WallSeat)

  it('puts calls first, then ringing, free, wrap-up, busy, resting and offline seats, by number within', () => {
    const order = wallOrder([
      seat('0005', 'OFFLINE', 'WAITING'), seat('0004', 'REST', 'WAITING'), seat('0003', 'BUSY', 'WAITING'),
      seat('0007', 'IDLE', 'WAITING'), seat('0002', 'IDLE', 'WAITING'), seat('0006', 'IDLE', 'WRAP_UP'),
      seat('0008', 'IDLE', 'RINGING'), seat('0009', 'BUSY', 'TALKING'), seat('0001', 'IDLE', 'TALKING'),
    ]).map((s) => s.seatNumber)
    expect(order).toEqual(['0001', '0009', '0008', '0002', '0007', '0006', '0003', '0004', '0005'])
  })

  it('counts the seats of each group, every group named, and keeps seat order stable', () => {
    const seats = [seat('0003', 'BUSY', 'TALKING'), seat('0001', 'IDLE', 'WAITING'), seat('0002', 'OFFLINE', 'WAITING'),
      seat('0004', 'IDLE', 'WRAP_UP'), seat('0005', 'IDLE', 'WAITING')]
    expect(wallCounts(seats)).toEqual({ TALKING: 1, RINGING: 0, IDLE: 2, WRAP_UP: 1, BUSY: 0, REST: 0, OFFLINE: 1 })
    expect(seatOrder(seats).map((s) => s.seatNumber)).toEqual(['0001', '0002', '0003', '0004', '0005'])
  })
})

describe('service-level wallboard', () => {
  it('turns the hours into chart series, percentages with one decimal and gaps where nothing was counted', () => {
    const rate = (value: number | null) => ({ value, numerator: 0, denominator: 0, formula: '' })
    const hour = (h: number, offered: number, answered: number, sl: number | null) =>
      ({ hour: h, figures: { inboundOffered: offered, inboundAnswered: answered, serviceLevel: rate(sl), abandonRate: rate(sl === null ? null : 0) },
        occupancy: rate(sl === null ? null : 0.25) })
    const board = { hours: [hour(8, 3, 2, 2 / 3), hour(9, 0, 0, null)] } as unknown as ServiceLevelBoard
    expect(hourSeries(board)).toEqual({
      hours: ['08:00', '09:00'], offered: [3, 0], answered: [2, 0], serviceLevel: [66.7, null], abandonRate: [0, null], occupancy: [25, null],
    })
  })

  it('lists in the hour table the hours with a call or an agent signed in, labelled as spans', () => {
    const rate = (denominator: number) => ({ value: denominator ? 0 : null, numerator: 0, denominator, formula: '' })
    const hour = (h: number, offered: number, placed: number, agentSeconds: number) =>
      ({ hour: h, figures: { inboundOffered: offered, outboundPlaced: placed }, occupancy: rate(agentSeconds), averageHandleSeconds: null })
    const board = { hours: [hour(7, 0, 0, 0), hour(8, 2, 0, 0), hour(9, 0, 1, 0), hour(22, 0, 0, 600), hour(23, 0, 0, 60)] } as unknown as ServiceLevelBoard
    expect(busyHours(board).map((h) => h.label)).toEqual(['08:00–09:00', '09:00–10:00', '22:00–23:00', '23:00–00:00'])
  })
})
