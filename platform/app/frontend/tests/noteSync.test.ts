import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DRAFT_PREFIX, NoteSync, type NoteBackend, type NoteView } from '../src/desk/noteSync'
import { SessionExpiredError } from '../src/api/client'

class MemoryStorage {
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
}

function setup(serverText = '') {
  const server = new Map<string, string>([['c1', serverText]])
  const saves: { callId: string; text: string; keepalive: boolean }[] = []
  const backend: NoteBackend = {
    load: vi.fn(async (callId: string) => ({ callId, text: server.get(callId) ?? '', updatedAt: null, updatedBy: null })),
    save: vi.fn(async (callId: string, text: string, keepalive: boolean) => {
      saves.push({ callId, text, keepalive })
      server.set(callId, text)
      return { callId, text, updatedAt: '2026-12-05T03:00:00Z', updatedBy: 'agent' }
    }),
  }
  const view: NoteView = { callId: null, text: '', state: 'none', savedAt: null }
  const drafts = new MemoryStorage()
  const sync = new NoteSync(view, backend, drafts)
  return { server, saves, backend, view, drafts, sync }
}

describe('service note autosave', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('saves 800 ms after typing stops, once', async () => {
    const { sync, view, saves } = setup()
    await sync.open('c1')
    expect(view.state).toBe('saved')
    sync.input('客户')
    await vi.advanceTimersByTimeAsync(500)
    sync.input('客户反映空调不制冷')
    await vi.advanceTimersByTimeAsync(799)
    expect(saves).toHaveLength(0)
    expect(view.state).toBe('dirty')
    await vi.advanceTimersByTimeAsync(1)
    expect(saves).toEqual([{ callId: 'c1', text: '客户反映空调不制冷', keepalive: false }])
    expect(view.state).toBe('saved')
  })

  it('saves at once on blur and before showing another call', async () => {
    const { sync, saves, server } = setup()
    await sync.open('c1')
    sync.input('a')
    await sync.flush()
    expect(saves).toHaveLength(1)
    sync.input('ab')
    server.set('c2', 'old note')
    await sync.open('c2')
    expect(saves.map((s) => s.text)).toEqual(['a', 'ab'])
    expect(sync.view.text).toBe('old note')
  })

  it('keeps a draft when the save fails and restores it after a reload', async () => {
    const first = setup('')
    await first.sync.open('c1')
    ;(first.backend.save as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new SessionExpiredError())
    first.sync.input('登录过期时写的备注')
    await vi.advanceTimersByTimeAsync(800)
    expect(first.view.state).toBe('failed')
    expect(first.drafts.getItem(DRAFT_PREFIX + 'c1')).toBe('登录过期时写的备注')

    // the page reloads: a new sync with the same storage
    const view: NoteView = { callId: null, text: '', state: 'none', savedAt: null }
    const again = new NoteSync(view, first.backend, first.drafts)
    await again.open('c1')
    expect(view.text).toBe('登录过期时写的备注')
    expect(view.state).toBe('dirty')
    await vi.advanceTimersByTimeAsync(800)
    expect(first.server.get('c1')).toBe('登录过期时写的备注')
    expect(first.drafts.getItem(DRAFT_PREFIX + 'c1')).toBeNull()
    expect(view.state).toBe('saved')
  })

  it('retries a failed save by itself after a network error', async () => {
    const { sync, backend, server, view } = setup()
    await sync.open('c1')
    ;(backend.save as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new Error('network'))
    sync.input('x')
    await vi.advanceTimersByTimeAsync(800)
    expect(view.state).toBe('failed')
    await vi.advanceTimersByTimeAsync(5000)
    expect(server.get('c1')).toBe('x')
    expect(view.state).toBe('saved')
  })

  it('sends the unsaved text with keepalive when the page unloads', async () => {
    const { sync, saves } = setup()
    await sync.open('c1')
    sync.input('还没保存')
    sync.flushOnUnload()
    expect(saves).toEqual([{ callId: 'c1', text: '还没保存', keepalive: true }])
  })

  it('does not overwrite the server note with nothing when loading failed', async () => {
    const { sync, backend, saves, view } = setup('server text')
    ;(backend.load as ReturnType<typeof vi.fn>).mockRejectedValueOnce(new Error('down'))
    await sync.open('c1')
    expect(view.state).toBe('loadFailed')
    await sync.flush()
    sync.flushOnUnload()
    expect(saves).toHaveLength(0)
  })
})
