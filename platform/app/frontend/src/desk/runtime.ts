// Starts the desk: who I am (CSRF), my agent, today's calls, then the live channel. Handles session
// expiry: the socket stops, nothing about the call is sent, and the page comes back by itself once the
// agent has signed in again (in another window).
import { refreshCallbacks } from './callbacks'
import { ElMessage } from 'element-plus'
import type { Ref } from 'vue'
import { ApiError, SessionExpiredError, configureApi, sessionRestored, setCsrf } from '../api/client'
import { api } from '../api/desk'
import type { DeskStore } from '../store/desk'
import { DeskSocket, deskSocketUrl } from '../live/socket'
import { currentCsrf } from '../api/client'

const SIGN_IN_WATCH_MS = 5000

export class DeskRuntime {
  private socket: DeskSocket | null = null
  private watchTimer: ReturnType<typeof setInterval> | null = null
  private readonly onOnline = () => this.socket?.retryNow()
  private readonly onVisible = () => {
    if (!document.hidden) this.socket?.retryNow()
  }

  constructor(
    private readonly store: DeskStore,
    private readonly locale: Ref<string>,
  ) {}

  async start(): Promise<void> {
    configureApi({
      notify: (e: ApiError) => {
        ElMessage({ type: 'error', message: e.text(this.locale.value), grouping: true, showClose: true, duration: 5000 })
      },
      sessionExpired: () => this.expired(),
      refreshCsrf: async () => {
        const me = await api.me({ quiet: true })
        setCsrf(me.csrf)
        this.store.setMe(me)
        return me.csrf
      },
    })
    window.addEventListener('online', this.onOnline)
    document.addEventListener('visibilitychange', this.onVisible)
    await this.load()
  }

  private async load(): Promise<void> {
    try {
      const me = await api.me()
      setCsrf(me.csrf)
      this.store.setMe(me)
      try {
        this.store.setAgent(await api.agent({ quiet: true }))
        this.store.noSeat = false
      } catch (e) {
        if (e instanceof ApiError && e.code === 'agent.no-seat') {
          this.store.noSeat = true
          this.store.setConnection('closed')
          return
        }
        throw e
      }
      void this.refreshSessionCalls()
      this.connect()
    } catch (e) {
      if (!(e instanceof SessionExpiredError) && e instanceof ApiError) {
        // shown already; try again shortly
        setTimeout(() => void this.load(), 5000)
      }
    }
  }

  async refreshSessionCalls(): Promise<void> {
    try {
      this.store.loadSessionCalls(await api.sessionCalls({ quiet: true }))
    } catch {
      // the list stays as it is
    }
  }

  private connect(): void {
    this.socket?.stop()
    this.socket = new DeskSocket({
      url: deskSocketUrl(),
      headers: () => {
        const csrf = currentCsrf()
        return csrf ? { [csrf.headerName]: csrf.token } : {}
      },
      prepare: async () => {
        try {
          const me = await api.me({ quiet: true })
          setCsrf(me.csrf)
          return true
        } catch (e) {
          return !(e instanceof SessionExpiredError)
        }
      },
      onMessage: (msg) => {
        this.store.applyMessage(msg)
        if (msg.type === 'Snapshot') void this.refreshSessionCalls()
        const type = (msg as { type?: string }).type
        if (type === 'Snapshot' || type === 'CallbackTaskChanged') void refreshCallbacks()
      },
      onState: (state, info) => this.store.setConnection(state, info.attempt, info.delayMs),
    })
    this.socket.start()
  }

  retryNow(): void {
    this.socket?.retryNow()
  }

  private expired(): void {
    this.store.sessionExpired = true
    void this.socket?.stop()
    this.socket = null
    if (this.watchTimer) return
    this.watchTimer = setInterval(() => void this.checkSignedIn(), SIGN_IN_WATCH_MS)
  }

  private async checkSignedIn(): Promise<void> {
    sessionRestored() // let the probe through; a 401 marks it expired again
    try {
      const me = await api.me({ quiet: true })
      if (this.watchTimer) clearInterval(this.watchTimer)
      this.watchTimer = null
      setCsrf(me.csrf)
      this.store.setMe(me)
      this.store.sessionExpired = false
      await this.load()
    } catch {
      // still signed out
    }
  }

  stop(): void {
    window.removeEventListener('online', this.onOnline)
    document.removeEventListener('visibilitychange', this.onVisible)
    if (this.watchTimer) clearInterval(this.watchTimer)
    void this.socket?.stop()
  }
}
