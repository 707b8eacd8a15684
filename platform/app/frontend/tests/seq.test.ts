import { describe, expect, it } from 'vitest'
import { SeqTracker } from '../src/logic/seq'

describe('per-call seq rule', () => {
  it('applies growing seqs, drops equal and lower ones', () => {
    const s = new SeqTracker()
    expect(s.accept('a', 1)).toBe(true)
    expect(s.accept('a', 1)).toBe(false)
    expect(s.accept('a', 3)).toBe(true)
    expect(s.accept('a', 2)).toBe(false)
    expect(s.accept('b', 1)).toBe(true)
  })

  it('a snapshot seq counts as applied, even below what was seen', () => {
    const s = new SeqTracker()
    s.accept('a', 9)
    s.set('a', 4)
    expect(s.accept('a', 4)).toBe(false)
    expect(s.accept('a', 5)).toBe(true)
    s.forget('a')
    expect(s.accept('a', 1)).toBe(true)
  })
})
