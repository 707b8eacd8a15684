import { afterEach, describe, expect, it, vi } from 'vitest'
import { Backoff, backoffDelay } from '../src/logic/backoff'
import { DeskSocket, deskSocketUrl } from '../src/live/socket'
import type { ConnectionState } from '../src/api/types'

describe('reconnect back-off', () => {
  it('doubles from 1 s and is capped at 15 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n))).toEqual([1000, 2000, 4000, 8000, 15000, 15000, 15000])
    expect(backoffDelay(0)).toBe(0)
    expect(backoffDelay(1000)).toBe(15000)
  })

  it('starts again at 1 s after a successful connect', () => {
    const b = new Backoff()
    expect([b.next(), b.next(), b.next()]).toEqual([1000, 2000, 4000])
    b.reset()
    expect(b.next()).toBe(1000)
  })

  it('builds the socket URL from the page location', () => {
    expect(deskSocketUrl({ protocol: 'https:', host: 'desk.example.cn' })).toBe('wss://desk.example.cn/ws')
    expect(deskSocketUrl({ protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/ws')
  })
})

/** A WebSocket that never opens: the server is down. */
class DeadSocket {
  static made: number[] = []
  readyState = 0
  binaryType = 'arraybuffer'
  onopen: (() => void) | null = null
  onclose: ((e: { code: number; reason: string; wasClean: boolean }) => void) | null = null
  onerror: (() => void) | null = null
  onmessage: (() => void) | null = null
  protocol = ''
  url = 'ws://test/ws'
  constructor() {
    DeadSocket.made.push(Date.now())
    setTimeout(() => {
      this.readyState = 3
      this.onerror?.()
      this.onclose?.({ code: 1006, reason: '', wasClean: false })
    }, 10)
  }
  send() {}
  close() {
    this.readyState = 3
  }
}

/** A WebSocket to a STOMP server that accepts CONNECT, then sends a snapshot on SUBSCRIBE. */
class LiveSocket {
  static last: LiveSocket | null = null
  readyState = 0
  binaryType = 'arraybuffer'
  onopen: (() => void) | null = null
  onclose: ((e: { code: number; reason: string; wasClean: boolean }) => void) | null = null
  onerror: (() => void) | null = null
  onmessage: ((e: { data: string }) => void) | null = null
  protocol = 'v12.stomp'
  url = 'ws://test/ws'
  sent: string[] = []
  constructor() {
    LiveSocket.last = this
    setTimeout(() => {
      this.readyState = 1
      this.onopen?.()
    }, 5)
  }
  send(frame: string) {
    this.sent.push(frame)
    if (frame.startsWith('CONNECT')) {
      setTimeout(() => this.onmessage?.({ data: 'CONNECTED\nversion:1.2\nheart-beat:0,0\n\n\0' }), 1)
    } else if (receiptFor(frame)) {
      const receipt = receiptFor(frame)!
      setTimeout(() => this.onmessage?.({ data: receipt }), 1)
    } else if (frame.startsWith('SUBSCRIBE')) {
      const id = /id:([^\n]+)/.exec(frame)![1]
      const body = JSON.stringify({ type: 'Snapshot', serverTime: '2026-12-05T03:00:00Z', agent: null, calls: [] })
      setTimeout(() => this.onmessage?.({ data: `MESSAGE\ndestination:/user/queue/desk\nsubscription:${id}\nmessage-id:1\n\n${body}\0` }), 1)
    }
  }
  close() {
    this.readyState = 3
    this.onclose?.({ code: 1000, reason: '', wasClean: true })
  }
}

/** LiveSocket's DISCONNECT gets its RECEIPT, as from a real broker. */
function receiptFor(frame: string): string | null {
  const m = /receipt:([^\n]+)/.exec(frame)
  return frame.startsWith('DISCONNECT') && m ? `RECEIPT\nreceipt-id:${m[1]}\n\n\0` : null
}

describe('DeskSocket', () => {
  afterEach(() => vi.useRealTimers())

  it('reports reconnecting and waits 1 s, 2 s, 4 s… between attempts while the server is down', async () => {
    vi.useFakeTimers()
    DeadSocket.made = []
    const states: [ConnectionState, number, number][] = []
    const socket = new DeskSocket({
      url: 'ws://test/ws',
      headers: () => ({}),
      onMessage: () => {},
      onState: (s, i) => states.push([s, i.attempt, i.delayMs]),
      webSocketFactory: () => new DeadSocket() as unknown as WebSocket,
    })
    socket.start()
    await vi.advanceTimersByTimeAsync(40_000)
    const gaps = DeadSocket.made.slice(1).map((t, i) => t - DeadSocket.made[i])
    // each gap = the back-off delay + the 10 ms the dead socket takes to fail
    expect(gaps.slice(0, 5)).toEqual([1010, 2010, 4010, 8010, 15010])
    expect(states[0]).toEqual(['connecting', 0, 0])
    expect(states.filter((s) => s[0] === 'reconnecting' && s[2] > 0).slice(0, 3)).toEqual([
      ['reconnecting', 1, 1000],
      ['reconnecting', 2, 2000],
      ['reconnecting', 3, 4000],
    ])
    await socket.stop()
    expect(states[states.length - 1]?.[0]).toBe('closed')
  })

  it('connects with the CSRF header, subscribes to /user/queue/desk only, sends nothing else', async () => {
    vi.useFakeTimers()
    const messages: unknown[] = []
    const states: ConnectionState[] = []
    const socket = new DeskSocket({
      url: 'ws://test/ws',
      headers: () => ({ 'X-CSRF-TOKEN': 'tok-1' }),
      prepare: async () => true,
      onMessage: (m) => messages.push(m),
      onState: (s) => states.push(s),
      webSocketFactory: () => new LiveSocket() as unknown as WebSocket,
    })
    socket.start()
    await vi.advanceTimersByTimeAsync(100)
    const sent = LiveSocket.last!.sent
    expect(sent[0]).toMatch(/^CONNECT\n/)
    expect(sent[0]).toContain('X-CSRF-TOKEN:tok-1')
    expect(sent[0]).toContain('heart-beat:10000,10000')
    expect(sent.filter((f) => f.startsWith('SUBSCRIBE'))).toHaveLength(1)
    expect(sent[1]).toContain('destination:/user/queue/desk')
    expect(sent.every((f) => !f.startsWith('SEND'))).toBe(true)
    expect(states).toContain('open')
    expect(messages).toEqual([{ type: 'Snapshot', serverTime: '2026-12-05T03:00:00Z', agent: null, calls: [] }])
    const stopped = socket.stop()
    await vi.advanceTimersByTimeAsync(100)
    await stopped
    expect(states[states.length - 1]).toBe('closed')
  })

  it('stops for good when the session has expired', async () => {
    vi.useFakeTimers()
    const states: ConnectionState[] = []
    let made = 0
    const socket = new DeskSocket({
      url: 'ws://test/ws',
      headers: () => ({}),
      prepare: async () => false,
      onMessage: () => {},
      onState: (s) => states.push(s),
      webSocketFactory: () => {
        made++
        return new DeadSocket() as unknown as WebSocket
      },
    })
    socket.start()
    await vi.advanceTimersByTimeAsync(30_000)
    expect(made).toBe(0)
    expect(states[states.length - 1]).toBe('closed')
  })
})
