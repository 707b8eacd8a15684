import { describe, expect, it, vi } from 'vitest'
import { listenShortcuts, matchShortcut } from '../src/logic/shortcuts'

const key = (code: string, over: Partial<KeyboardEvent> = {}) =>
  ({ ctrlKey: true, shiftKey: true, altKey: false, metaKey: false, code, key: code.slice(3).toLowerCase(), ...over }) as KeyboardEvent

describe('shortcuts', () => {
  it('maps Ctrl+Shift+A/E/H/S/F to the desk actions', () => {
    expect(matchShortcut(key('KeyA'))).toBe('answer')
    expect(matchShortcut(key('KeyE'))).toBe('hangup')
    expect(matchShortcut(key('KeyH'))).toBe('hold')
    expect(matchShortcut(key('KeyS'))).toBe('toggleStatus')
    expect(matchShortcut(key('KeyF'))).toBe('finishWrapUp')
  })

  it('needs both Ctrl and Shift, and nothing else', () => {
    expect(matchShortcut(key('KeyA', { shiftKey: false }))).toBeNull()
    expect(matchShortcut(key('KeyA', { ctrlKey: false }))).toBeNull()
    expect(matchShortcut(key('KeyA', { altKey: true }))).toBeNull()
    expect(matchShortcut(key('KeyZ'))).toBeNull()
  })

  it('calls the handler and keeps the browser from acting on the key', () => {
    const hangup = vi.fn()
    const stop = listenShortcuts({ hangup })
    const e = new KeyboardEvent('keydown', { ctrlKey: true, shiftKey: true, code: 'KeyE', key: 'E', cancelable: true })
    window.dispatchEvent(e)
    expect(hangup).toHaveBeenCalledOnce()
    expect(e.defaultPrevented).toBe(true)
    stop()
    window.dispatchEvent(new KeyboardEvent('keydown', { ctrlKey: true, shiftKey: true, code: 'KeyE' }))
    expect(hangup).toHaveBeenCalledOnce()
  })
})
