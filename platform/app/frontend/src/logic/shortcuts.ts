// Keyboard shortcuts of the desk (Ctrl+Shift+letter, by physical key so any layout or IME works).
export type ShortcutAction = 'answer' | 'hangup' | 'hold' | 'toggleStatus' | 'finishWrapUp'

export const SHORTCUTS: readonly { action: ShortcutAction; keys: string; code: string }[] = [
  { action: 'answer', keys: 'Ctrl+Shift+A', code: 'KeyA' },
  { action: 'hangup', keys: 'Ctrl+Shift+E', code: 'KeyE' },
  { action: 'hold', keys: 'Ctrl+Shift+H', code: 'KeyH' },
  { action: 'toggleStatus', keys: 'Ctrl+Shift+S', code: 'KeyS' },
  { action: 'finishWrapUp', keys: 'Ctrl+Shift+F', code: 'KeyF' },
]

export function matchShortcut(e: Pick<KeyboardEvent, 'ctrlKey' | 'shiftKey' | 'altKey' | 'metaKey' | 'code' | 'key'>): ShortcutAction | null {
  if (!e.ctrlKey || !e.shiftKey || e.altKey || e.metaKey) return null
  const code = e.code || (e.key && e.key.length === 1 ? 'Key' + e.key.toUpperCase() : '')
  return SHORTCUTS.find((s) => s.code === code)?.action ?? null
}

/** Listens on the window; returns the function that stops listening. */
export function listenShortcuts(handlers: Partial<Record<ShortcutAction, () => void>>): () => void {
  const onKey = (e: KeyboardEvent) => {
    const action = matchShortcut(e)
    const handler = action ? handlers[action] : undefined
    if (handler) {
      e.preventDefault()
      e.stopPropagation()
      handler()
    }
  }
  window.addEventListener('keydown', onKey, true)
  return () => window.removeEventListener('keydown', onKey, true)
}
