// Following an Excel export until it ends: ask how it stands every half second, tell the page, stop
// when it is done, failed or cancelled, or when the page stops following (dialog closed).
import { ApiError } from '../api/client'
import type { ExportProgress } from './api'

export const POLL_MS = 500

const ENDED = new Set<ExportProgress['state']>(['DONE', 'FAILED', 'CANCELLED'])

export function ended(progress: ExportProgress): boolean {
  return ENDED.has(progress.state)
}

export interface Following {
  stop(): void
  /** Resolves with the last progress once the export has ended (or with null if stopped first). */
  done: Promise<ExportProgress | null>
}

export function follow(
  first: ExportProgress,
  poll: (id: string) => Promise<ExportProgress>,
  onProgress: (p: ExportProgress) => void,
  every = POLL_MS,
): Following {
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | null = null
  let finish: (p: ExportProgress | null) => void = () => {}
  const done = new Promise<ExportProgress | null>((resolve) => (finish = resolve))
  const step = async (current: ExportProgress) => {
    onProgress(current)
    if (ended(current)) return finish(current)
    timer = setTimeout(async () => {
      if (stopped) return
      try {
        const next = await poll(current.id)
        if (!stopped) await step(next)
      } catch (e) {
        if (stopped) return
        // an export the server no longer has (it restarted) has failed; any other lost answer: ask again
        await step(e instanceof ApiError && e.status === 404 ? { ...current, state: 'FAILED' } : current)
      }
    }, every)
  }
  void step(first)
  return {
    stop() {
      stopped = true
      if (timer) clearTimeout(timer)
      finish(null)
    },
    done,
  }
}
