// The ring sound and the desktop notification while one of my calls rings. Several tabs of one agent:
// only the tab that wins the ring lock for a call plays it (and notifies).
import { onScopeDispose, ref, watch } from 'vue'
import type { DeskStore } from '../store/desk'
import { RingLock, newTabId } from '../logic/ringLock'
import { RingTone } from '../logic/ringTone'
import { notificationPermission, requestNotificationPermission, showNotification } from '../logic/notify'
import { displayNumber, regionOf } from './phone'

export interface RingTexts {
  title: (number: string) => string
  body: (region: string, who: string) => string
  unknown: () => string
  lang: () => string
}

const HEARTBEAT_MS = 2000

export function useRinging(store: DeskStore, texts: RingTexts) {
  const tone = new RingTone()
  const lock = new RingLock({ storage: window.localStorage, tabId: newTabId() })
  lock.sweep()
  const audioUnlocked = ref(tone.probe())
  const permission = ref(notificationPermission())
  const owned = new Set<string>()
  const notes = new Map<string, Notification>()
  const stopChange = tone.onChange((v) => (audioUnlocked.value = v))

  function ringing(): string[] {
    return store.ringingCalls.map((c) => c.callId)
  }

  function notify(callId: string) {
    if (!document.hidden) return
    const call = store.calls[callId]
    if (!call) return
    const pop = store.pops[callId]
    const match = store.matchOf(callId)
    const number = displayNumber(call.customerNumber, call.customer)
    const who = match ? [match.contactName, match.customerName].filter(Boolean).join(' · ') : texts.unknown()
    const n = showNotification(
      texts.title(number),
      texts.body(regionOf(call.customer ?? pop?.caller, texts.lang()), who),
      'calldesk-ring-' + callId,
      () => store.select(callId),
    )
    if (n) notes.set(callId, n)
  }

  async function take(callId: string) {
    if (owned.has(callId)) return
    const won = await lock.claim(callId)
    if (!won) return
    if (!ringing().includes(callId)) {
      lock.release(callId)
      return
    }
    owned.add(callId)
    tone.start()
    notify(callId)
  }

  function drop(callId: string) {
    owned.delete(callId)
    lock.release(callId)
    notes.get(callId)?.close()
    notes.delete(callId)
    if (owned.size === 0) tone.stop()
  }

  function sync(ids: string[]) {
    for (const id of [...owned]) if (!ids.includes(id)) drop(id)
    for (const id of ids) void take(id)
  }

  watch(() => ringing().join(','), () => sync(ringing()), { immediate: true })

  const heartbeat = setInterval(() => {
    const ids = ringing()
    for (const id of ids) {
      if (owned.has(id)) {
        if (!lock.refresh(id)) drop(id)
      } else {
        void take(id) // the ringing tab closed: take over
      }
    }
  }, HEARTBEAT_MS)

  const unlockOnGesture = (e: Event) => {
    // the enable button does it itself (and asks for notifications too)
    if ((e.target as Element | null)?.closest?.('#enable-ring')) return
    if (!audioUnlocked.value) void tone.unlock()
  }
  document.addEventListener('pointerdown', unlockOnGesture, true)
  document.addEventListener('keydown', unlockOnGesture, true)
  const releaseAll = () => {
    for (const id of [...owned]) drop(id)
  }
  window.addEventListener('pagehide', releaseAll)

  async function enable() {
    await tone.unlock()
    permission.value = await requestNotificationPermission()
  }

  async function enableNotifications() {
    permission.value = await requestNotificationPermission()
  }

  onScopeDispose(() => {
    clearInterval(heartbeat)
    releaseAll()
    stopChange()
    document.removeEventListener('pointerdown', unlockOnGesture, true)
    document.removeEventListener('keydown', unlockOnGesture, true)
    window.removeEventListener('pagehide', releaseAll)
  })

  return { audioUnlocked, permission, enable, enableNotifications }
}
