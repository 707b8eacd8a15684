// Timers shown on the desk: all computed from server timestamps and the server clock offset, so a
// reload or a second tab shows the same numbers.

/** 75 → "01:15"; 3725 → "1:02:05". Negative values count as 0. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds))
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const sec = s % 60
  const mm = String(m).padStart(2, '0')
  const ss = String(sec).padStart(2, '0')
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`
}

function ms(iso: string | null | undefined): number | null {
  if (!iso) return null
  const t = Date.parse(iso)
  return Number.isFinite(t) ? t : null
}

/** Whole seconds from `since` to the server's now (local now + offset), never negative. */
export function secondsSince(since: string | null | undefined, localNow: number, offsetMs = 0): number {
  const t = ms(since)
  if (t === null) return 0
  return Math.max(0, Math.floor((localNow + offsetMs - t) / 1000))
}

/** Seconds left until `until` (rounded up, so 0 means over), never negative; null without a deadline. */
export function secondsUntil(until: string | null | undefined, localNow: number, offsetMs = 0): number | null {
  const t = ms(until)
  if (t === null) return null
  return Math.max(0, Math.ceil((t - (localNow + offsetMs)) / 1000))
}

/** Seconds between two instants (the second one defaulting to now), never negative. */
export function secondsBetween(from: string | null | undefined, to: string | null | undefined, localNow: number, offsetMs = 0): number {
  const a = ms(from)
  if (a === null) return 0
  const b = ms(to) ?? localNow + offsetMs
  return Math.max(0, Math.floor((b - a) / 1000))
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** "14:03:07" in local time. */
export function clockTime(iso: string | null | undefined): string {
  const t = ms(iso)
  if (t === null) return ''
  const d = new Date(t)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

/** "14:03" today, "12-05 14:03" another day of this year, "2025-12-05 14:03" otherwise (local time). */
export function shortDateTime(iso: string | null | undefined, localNow = Date.now()): string {
  const t = ms(iso)
  if (t === null) return ''
  const d = new Date(t)
  const now = new Date(localNow)
  const hm = `${pad(d.getHours())}:${pad(d.getMinutes())}`
  if (d.toDateString() === now.toDateString()) return hm
  const md = `${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
  return d.getFullYear() === now.getFullYear() ? `${md} ${hm}` : `${d.getFullYear()}-${md} ${hm}`
}
