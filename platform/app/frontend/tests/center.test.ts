import { describe, expect, it } from 'vitest'
import { filterQuery } from '../src/center/api'
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
