// The service note of the call on screen: autosaved (800 ms after typing stops, on blur, and with a
// keepalive request when the page unloads), with a local draft until the server has it, so a note is
// never lost when the call ends, the page reloads or the session expires.
import type { CallNote } from '../api/types'
import { SessionExpiredError } from '../api/client'

export type NoteState = 'none' | 'loading' | 'loadFailed' | 'saved' | 'dirty' | 'saving' | 'failed'

export interface NoteView {
  callId: string | null
  text: string
  state: NoteState
  savedAt: string | null
}

export interface NoteBackend {
  load(callId: string): Promise<CallNote>
  save(callId: string, text: string, keepalive: boolean): Promise<CallNote>
}

export interface DraftStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

export const DRAFT_PREFIX = 'calldesk.note.'
export const NOTE_MAX = 4000

export class NoteSync {
  private timer: ReturnType<typeof setTimeout> | null = null
  private saving: Promise<void> | null = null
  private generation = 0

  constructor(
    readonly view: NoteView,
    private readonly backend: NoteBackend,
    private readonly drafts: DraftStorage | null,
    private readonly opts: { debounceMs?: number; retryMs?: number; onSaved?: (callId: string, text: string) => void } = {},
  ) {}

  private draft(callId: string): string | null {
    try {
      return this.drafts?.getItem(DRAFT_PREFIX + callId) ?? null
    } catch {
      return null
    }
  }

  private keepDraft(callId: string, text: string): void {
    try {
      this.drafts?.setItem(DRAFT_PREFIX + callId, text)
    } catch {
      // storage full: the server save still runs
    }
  }

  private dropDraft(callId: string): void {
    try {
      this.drafts?.removeItem(DRAFT_PREFIX + callId)
    } catch {
      // ignore
    }
  }

  /** Shows the note of a call (saving the previous call's first). */
  async open(callId: string | null): Promise<void> {
    if (callId === this.view.callId) return
    await this.flush()
    const gen = ++this.generation
    this.view.callId = callId
    this.view.text = ''
    this.view.savedAt = null
    if (!callId) {
      this.view.state = 'none'
      return
    }
    const local = this.draft(callId)
    this.view.state = 'loading'
    let server: CallNote | null = null
    try {
      server = await this.backend.load(callId)
    } catch {
      server = null
    }
    if (gen !== this.generation) return
    if (local !== null && local !== (server?.text ?? '')) {
      this.view.text = local
      this.view.state = 'dirty'
      this.schedule()
    } else {
      if (local !== null) this.dropDraft(callId)
      this.view.text = server?.text ?? ''
      this.view.savedAt = server?.updatedAt ?? null
      this.view.state = server ? 'saved' : 'loadFailed'
    }
  }

  /** The agent typed. */
  input(text: string): void {
    if (!this.view.callId) return
    this.view.text = text.slice(0, NOTE_MAX)
    this.keepDraft(this.view.callId, this.view.text)
    this.view.state = 'dirty'
    this.schedule()
  }

  private schedule(delay = this.opts.debounceMs ?? 800): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      void this.flush()
    }, delay)
  }

  /** Saves now if there is something unsaved (blur, switching calls). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.timer = null
    }
    if (this.saving) await this.saving
    if (this.view.state !== 'dirty' && this.view.state !== 'failed') return
    const callId = this.view.callId
    if (!callId) return
    this.saving = this.save(callId, this.view.text)
    try {
      await this.saving
    } finally {
      this.saving = null
    }
  }

  private async save(callId: string, text: string): Promise<void> {
    this.view.state = 'saving'
    try {
      const saved = await this.backend.save(callId, text, false)
      const draft = this.draft(callId)
      if (this.view.callId !== callId) {
        if (draft === text) this.dropDraft(callId)
        return
      }
      if (this.view.text === text) {
        if (draft === null || draft === text) this.dropDraft(callId)
        this.view.state = 'saved'
        this.view.savedAt = saved?.updatedAt ?? new Date().toISOString()
        this.opts.onSaved?.(callId, text)
      } else {
        this.view.state = 'dirty' // typed on while saving
        this.schedule()
      }
    } catch (e) {
      if (this.view.callId !== callId) return
      this.view.state = 'failed'
      // the draft stays; retry later (after the agent signs in again, when the session expired)
      if (!(e instanceof SessionExpiredError)) this.schedule(this.opts.retryMs ?? 5000)
    }
  }

  /** The page is going away: send what is unsaved with a keepalive request. */
  flushOnUnload(): void {
    const callId = this.view.callId
    if (!callId || (this.view.state !== 'dirty' && this.view.state !== 'failed' && this.view.state !== 'saving')) return
    void this.backend.save(callId, this.view.text, true).catch(() => {})
  }

  /** Retries a failed save (the session is back). */
  retry(): void {
    if (this.view.state === 'failed' || this.view.state === 'dirty') this.schedule(0)
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
