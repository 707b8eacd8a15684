// The live channel: STOMP over a plain WebSocket at /ws, subscribed to exactly one destination: the
// desk's /user/queue/desk, or a supervisor's monitor wall /user/queue/wall.
// Nothing is ever sent on it (commands go over REST). Heart-beats 10 s both ways detect a dead link;
// reconnects back off 1 s, 2 s, 4 s, 8 s, 15 s (see backoff.ts) and the state is reported for the page.
import { Client, type IFrame, type IMessage, type StompConfig } from '@stomp/stompjs'
import type { ConnectionState, DeskMessage } from '../api/types'
import { Backoff } from '../logic/backoff'

export const DESK_DESTINATION = '/user/queue/desk'
export const WALL_DESTINATION = '/user/queue/wall'

/** The library's own wait before it reconnects; the back-off adds the rest in beforeConnect. */
const LIBRARY_DELAY_MS = 200

export interface SocketStateInfo {
  attempt: number
  delayMs: number
}

export interface DeskSocketOptions<M = DeskMessage> {
  url: string
  /** What to subscribe to; the desk's own destination unless told. */
  destination?: string
  /** Connect headers (the CSRF header), read before every connect. */
  headers: () => Record<string, string>
  /** Runs before every connect (refresh the CSRF token); false stops the socket (session expired). */
  prepare?: () => Promise<boolean>
  onMessage: (msg: M) => void
  onState: (state: ConnectionState, info: SocketStateInfo) => void
  backoff?: Backoff
  webSocketFactory?: () => WebSocket
  debug?: (msg: string) => void
}

export function deskSocketUrl(loc: Pick<Location, 'protocol' | 'host'> = location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`
}

export class DeskSocket<M = DeskMessage> {
  private readonly client: Client
  private readonly backoff: Backoff
  private stopped = false
  private failedSinceOpen = false
  private cancelWait: (() => void) | null = null
  private state: ConnectionState = 'connecting'

  constructor(private readonly opts: DeskSocketOptions<M>) {
    this.backoff = opts.backoff ?? new Backoff()
    const config: StompConfig = {
      brokerURL: opts.webSocketFactory ? undefined : opts.url,
      webSocketFactory: opts.webSocketFactory,
      heartbeatIncoming: 10000,
      heartbeatOutgoing: 10000,
      reconnectDelay: LIBRARY_DELAY_MS,
      connectionTimeout: 10000,
      debug: opts.debug ?? (() => {}),
      beforeConnect: () => this.beforeConnect(),
      onConnect: () => this.onConnect(),
      onWebSocketClose: () => this.onClose(),
      onStompError: (frame: IFrame) => {
        // the server refused something (e.g. a subscription); it closes the socket next
        console.warn('STOMP error', frame.headers['message'] ?? '', frame.body)
      },
    }
    this.client = new Client(config)
  }

  get connectionState(): ConnectionState {
    return this.state
  }

  start(): void {
    this.stopped = false
    this.client.activate()
  }

  /** Stops for good (session expired, page leaving); nothing is sent to the server about calls. */
  async stop(): Promise<void> {
    this.stopped = true
    this.cancelWait?.()
    this.setState('closed', 0, 0)
    await this.client.deactivate()
  }

  /** Skips the rest of the back-off wait (the network came back, the tab became visible). */
  retryNow(): void {
    this.cancelWait?.()
  }

  private setState(state: ConnectionState, attempt: number, delayMs: number): void {
    this.state = state
    this.opts.onState(state, { attempt, delayMs })
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.cancelWait = null
        resolve()
      }
      const timer = setTimeout(done, ms)
      this.cancelWait = done
    })
  }

  private async beforeConnect(): Promise<void> {
    if (this.failedSinceOpen) {
      const delay = this.backoff.next()
      this.setState('reconnecting', this.backoff.attempt, delay)
      await this.wait(Math.max(0, delay - LIBRARY_DELAY_MS))
    } else if (this.state !== 'reconnecting') {
      this.setState('connecting', 0, 0)
    }
    if (this.stopped) {
      await this.client.deactivate()
      return
    }
    if (this.opts.prepare) {
      let ok = true
      try {
        ok = await this.opts.prepare()
      } catch {
        ok = true // the server may be down: try the socket anyway, it backs off
      }
      if (!ok) {
        this.stopped = true
        this.setState('closed', 0, 0)
        await this.client.deactivate()
        return
      }
    }
    this.client.connectHeaders = this.opts.headers()
  }

  private onConnect(): void {
    this.backoff.reset()
    this.failedSinceOpen = false
    this.setState('open', 0, 0)
    this.client.subscribe(this.opts.destination ?? DESK_DESTINATION, (message: IMessage) => {
      let parsed: unknown
      try {
        parsed = JSON.parse(message.body)
      } catch {
        return
      }
      if (parsed && typeof parsed === 'object') this.opts.onMessage(parsed as M)
    })
  }

  private onClose(): void {
    this.failedSinceOpen = true
    if (!this.stopped) this.setState('reconnecting', this.backoff.attempt, 0)
  }
}
