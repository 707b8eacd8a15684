// fetch wrapper for the desk's REST calls: CSRF header on unsafe methods, bilingual errors, and session
// expiry detection (401, or a redirect to /login). On expiry nothing is retried or sent: the call goes on.
import type { Problem, ProblemField } from './types'

export interface Csrf {
  headerName: string
  token: string
}

export interface ApiHooks {
  /** Shows an error to the agent (ElMessage in the desk, an inline text in the status bar). */
  notify(error: ApiError): void
  /** The session has expired: show the banner, stop the live channel, send nothing. */
  sessionExpired(): void
  /** Fetches a fresh CSRF token (GET /api/desk/me or the page's meta tags); null when unknown. */
  refreshCsrf?(): Promise<Csrf | null>
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly messageZh: string
  readonly messageEn: string
  readonly fields: ProblemField[]

  constructor(problem: Problem) {
    super(problem.messageEn || problem.message || problem.code)
    this.name = 'ApiError'
    this.status = problem.status
    this.code = problem.code
    this.messageZh = problem.message || problem.messageEn || problem.code
    this.messageEn = problem.messageEn || problem.message || problem.code
    this.fields = problem.fields ?? []
  }

  /** The message in the page's language. */
  text(lang: string): string {
    return lang.startsWith('en') ? this.messageEn : this.messageZh
  }
}

export class SessionExpiredError extends Error {
  constructor() {
    super('session expired')
    this.name = 'SessionExpiredError'
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

let csrf: Csrf | null = null
let hooks: ApiHooks = { notify: () => {}, sessionExpired: () => {} }
let expired = false
let serverOffset = 0

/**
 * The server's clock minus ours, from the Date header of the last answer; 0 while under 2 s (the header
 * has whole seconds), so only a really wrong PC clock shifts the timers.
 */
export function serverClockOffsetMs(): number {
  return serverOffset
}

export function configureApi(next: Partial<ApiHooks>): void {
  hooks = { ...hooks, ...next }
}

export function setCsrf(next: Csrf | null): void {
  csrf = next
}

export function currentCsrf(): Csrf | null {
  return csrf
}

export function isSessionExpired(): boolean {
  return expired
}

/** Called once the agent has signed in again (in another tab): requests go out normally again. */
export function sessionRestored(): void {
  expired = false
}

export interface RequestOptions {
  /** Do not show the error to the agent (the caller handles it). */
  quiet?: boolean
  /** fetch keepalive, for a save while the page unloads. */
  keepalive?: boolean
}

function networkProblem(): Problem {
  return {
    status: 0,
    code: 'network',
    message: '网络连接失败，请检查网络后重试。',
    messageEn: 'The network is unreachable. Check the connection and try again.',
    fields: [],
  }
}

function genericProblem(status: number): Problem {
  return {
    status,
    code: 'http.' + status,
    message: `服务器返回错误（${status}），请稍后重试。`,
    messageEn: `The server answered with an error (${status}). Try again later.`,
    fields: [],
  }
}

function isLoginRedirect(res: Response): boolean {
  if (res.type === 'opaqueredirect') return true
  if (res.redirected) {
    try {
      return new URL(res.url, location.href).pathname.endsWith('/login')
    } catch {
      return false
    }
  }
  return false
}

function markExpired(): SessionExpiredError {
  if (!expired) {
    expired = true
    hooks.sessionExpired()
  }
  return new SessionExpiredError()
}

async function send(method: string, url: string, body: unknown, opts: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' }
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  if (UNSAFE.has(method) && csrf) headers[csrf.headerName] = csrf.token
  return fetch(url, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
    redirect: 'manual',
    cache: 'no-store',
    keepalive: opts.keepalive,
  })
}

async function readProblem(res: Response): Promise<Problem> {
  try {
    const json = (await res.json()) as Partial<Problem>
    if (json && typeof json === 'object' && (json.message || json.messageEn || json.code)) {
      return {
        status: json.status ?? res.status,
        code: json.code ?? 'http.' + res.status,
        message: json.message ?? '',
        messageEn: json.messageEn ?? '',
        fields: json.fields ?? [],
      }
    }
  } catch {
    // not JSON
  }
  return genericProblem(res.status)
}

export async function request<T>(method: string, url: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  let res: Response
  try {
    res = await send(method, url, body, opts)
    if (res.status === 403 && UNSAFE.has(method) && hooks.refreshCsrf) {
      // An expired session or a renewed one (signed in again elsewhere) fails the CSRF check first:
      // find out which. The server did nothing, so one retry with the new token is safe.
      const before = csrf?.token
      const fresh = await hooks.refreshCsrf()
      if (fresh && fresh.token !== before) {
        csrf = fresh
        res = await send(method, url, body, opts)
      }
    }
  } catch (e) {
    if (e instanceof SessionExpiredError) throw e
    const err = new ApiError(networkProblem())
    if (!opts.quiet) hooks.notify(err)
    throw err
  }
  if (res.status === 401 || isLoginRedirect(res)) throw markExpired()
  if (res.type !== 'opaqueredirect') {
    const offset = clockOffsetFrom(res)
    serverOffset = Math.abs(offset) < 2000 ? 0 : offset
  }
  if (!res.ok) {
    const err = new ApiError(await readProblem(res))
    if (!opts.quiet) hooks.notify(err)
    throw err
  }
  if (res.status === 204) return undefined as T
  const text = await res.text()
  return (text ? JSON.parse(text) : undefined) as T
}

/** The server's clock minus ours, from a response's Date header (second precision), or 0. */
export function clockOffsetFrom(res: { headers: Headers }, localNow = Date.now()): number {
  const date = res.headers.get('Date')
  const server = date ? Date.parse(date) : NaN
  return Number.isFinite(server) ? server - localNow : 0
}

export const http = {
  get: <T>(url: string, opts?: RequestOptions) => request<T>('GET', url, undefined, opts),
  post: <T>(url: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', url, body, opts),
  put: <T>(url: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', url, body, opts),
  del: <T>(url: string, opts?: RequestOptions) => request<T>('DELETE', url, undefined, opts),
}
