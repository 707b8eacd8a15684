import { afterEach, describe, expect, it, vi } from 'vitest'
import { formatDuration, secondsBetween, secondsSince, secondsUntil } from '../src/logic/time'

describe('timers', () => {
  afterEach(() => vi.useRealTimers())

  it('formats durations as mm:ss, with hours past one hour', () => {
    expect(formatDuration(0)).toBe('00:00')
    expect(formatDuration(75)).toBe('01:15')
    expect(formatDuration(3599)).toBe('59:59')
    expect(formatDuration(3725)).toBe('1:02:05')
    expect(formatDuration(-3)).toBe('00:00')
  })

  it('counts time in status and call time as the (fake) clock runs', () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-12-05T03:00:00.000Z'))
    const since = '2026-12-05T02:59:30.000Z'
    expect(secondsSince(since, Date.now())).toBe(30)
    vi.advanceTimersByTime(65_000)
    expect(formatDuration(secondsSince(since, Date.now()))).toBe('01:35')
    // a server clock 10 s ahead of ours
    expect(secondsSince(since, Date.now(), 10_000)).toBe(105)
  })

  it('counts a wrap-up down to zero, rounding up', () => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-12-05T03:00:00.000Z'))
    const until = '2026-12-05T03:00:30.000Z'
    expect(secondsUntil(until, Date.now())).toBe(30)
    vi.advanceTimersByTime(500)
    expect(secondsUntil(until, Date.now())).toBe(30)
    vi.advanceTimersByTime(29_600)
    expect(secondsUntil(until, Date.now())).toBe(0)
    vi.advanceTimersByTime(10_000)
    expect(secondsUntil(until, Date.now())).toBe(0)
    expect(secondsUntil(null, Date.now())).toBeNull()
  })

  it('measures queue wait up to the answer, or up to now while waiting', () => {
    const now = Date.parse('2026-12-05T03:01:00Z')
    expect(secondsBetween('2026-12-05T03:00:00Z', '2026-12-05T03:00:12Z', now)).toBe(12)
    expect(secondsBetween('2026-12-05T03:00:00Z', null, now)).toBe(60)
  })
})
