import { describe, expect, it } from 'vitest'
import { RING_KEY_PREFIX, RingLock, type LockStorage } from '../src/logic/ringLock'

class MemoryStorage implements LockStorage {
  map = new Map<string, string>()
  getItem(k: string) {
    return this.map.has(k) ? this.map.get(k)! : null
  }
  setItem(k: string, v: string) {
    this.map.set(k, v)
  }
  removeItem(k: string) {
    this.map.delete(k)
  }
  get length() {
    return this.map.size
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null
  }
}

const noWait = () => Promise.resolve()

function tabs(storage: LockStorage, clock: { now: number }, ...ids: string[]) {
  return ids.map((tabId) => new RingLock({ storage, tabId, now: () => clock.now, sleep: noWait }))
}

describe('ring lock between tabs', () => {
  it('the first tab that claims the ring of a call plays it; the others do not', async () => {
    const storage = new MemoryStorage()
    const clock = { now: 1000 }
    const [a, b, c] = tabs(storage, clock, 'a', 'b', 'c')
    const won = await Promise.all([a.claim('call-1'), b.claim('call-1'), c.claim('call-1')])
    expect(won).toEqual([true, false, false])
    // a different call is claimed independently
    expect(await b.claim('call-2')).toBe(true)
  })

  it('two tabs claiming at the very same moment agree on one winner', async () => {
    const storage = new MemoryStorage()
    const clock = { now: 1000 }
    let release: () => void = () => {}
    const gate = new Promise<void>((r) => (release = r))
    const sleep = () => gate
    const a = new RingLock({ storage, tabId: 'a', now: () => clock.now, sleep })
    const b = new RingLock({ storage, tabId: 'b', now: () => clock.now, sleep })
    // both read "free" before either writes: simulate by letting each start on an empty store
    const pa = a.claim('x')
    storage.removeItem(RING_KEY_PREFIX + 'x')
    const pb = b.claim('x')
    release()
    const won = await Promise.all([pa, pb])
    expect(won.filter(Boolean)).toHaveLength(1)
    expect(won).toEqual([false, true]) // the last writer wins, and both read the same
  })

  it('the holder keeps its claim fresh; a tab takes over once the holder has gone quiet', async () => {
    const storage = new MemoryStorage()
    const clock = { now: 1000 }
    const [a, b] = tabs(storage, clock, 'a', 'b')
    expect(await a.claim('x')).toBe(true)
    clock.now += 4000
    expect(a.refresh('x')).toBe(true)
    clock.now += 4000
    expect(await b.claim('x')).toBe(false) // refreshed 4 s ago: still fresh
    clock.now += 7000 // tab a closed without releasing
    expect(await b.claim('x')).toBe(true)
    expect(a.refresh('x')).toBe(false)
  })

  it('a released ring can be claimed again, and old claims are swept', async () => {
    const storage = new MemoryStorage()
    const clock = { now: 1000 }
    const [a, b] = tabs(storage, clock, 'a', 'b')
    await a.claim('x')
    a.release('x')
    expect(await b.claim('x')).toBe(true)
    b.release('x')
    await a.claim('y')
    clock.now += 120_000
    a.sweep()
    expect(storage.length).toBe(0)
  })
})
