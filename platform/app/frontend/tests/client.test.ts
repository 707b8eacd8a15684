import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, SessionExpiredError, configureApi, http, sessionRestored, setCsrf } from '../src/api/client'

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } })
}

describe('API client', () => {
  const notify = vi.fn()
  const sessionExpired = vi.fn()
  let fetchMock: ReturnType<typeof vi.fn>

  beforeEach(() => {
    notify.mockReset()
    sessionExpired.mockReset()
    sessionRestored()
    setCsrf({ headerName: 'X-CSRF-TOKEN', token: 'tok-1' })
    configureApi({ notify, sessionExpired, refreshCsrf: undefined })
    fetchMock = vi.fn()
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('sends the CSRF header on unsafe methods only', async () => {
    fetchMock.mockImplementation(async () => json(200, { ok: true }))
    await http.get('/api/agent')
    await http.put('/api/agent/status', { status: 'BUSY' })
    const [, getInit] = fetchMock.mock.calls[0]
    const [, putInit] = fetchMock.mock.calls[1]
    expect(getInit.headers['X-CSRF-TOKEN']).toBeUndefined()
    expect(putInit.headers['X-CSRF-TOKEN']).toBe('tok-1')
    expect(putInit.body).toBe('{"status":"BUSY"}')
    expect(putInit.redirect).toBe('manual')
  })

  it('turns an error answer into a bilingual ApiError and shows it', async () => {
    fetchMock.mockResolvedValue(
      json(409, { status: 409, code: 'call.ended', message: '通话已结束。', messageEn: 'The call has ended.', fields: [] }),
    )
    const err = (await http.post('/api/calls/c1/hold').catch((e) => e)) as ApiError
    expect(err).toBeInstanceOf(ApiError)
    expect(err.code).toBe('call.ended')
    expect(err.text('zh-CN')).toBe('通话已结束。')
    expect(err.text('en')).toBe('The call has ended.')
    expect(notify).toHaveBeenCalledWith(err)
  })

  it('a 401 means the session expired: banner once, no retry, nothing else sent', async () => {
    fetchMock.mockImplementation(async () => new Response('', { status: 401 }))
    await expect(http.get('/api/agent')).rejects.toBeInstanceOf(SessionExpiredError)
    await expect(http.put('/api/calls/c1/note', { text: 'x' })).rejects.toBeInstanceOf(SessionExpiredError)
    expect(sessionExpired).toHaveBeenCalledOnce()
    expect(fetchMock).toHaveBeenCalledTimes(2)
    expect(notify).not.toHaveBeenCalled()
  })

  it('a redirect to the login page also means the session expired', async () => {
    const redirected = new Response('', { status: 200 })
    Object.defineProperty(redirected, 'type', { value: 'opaqueredirect' })
    fetchMock.mockResolvedValue(redirected)
    await expect(http.get('/api/desk/me')).rejects.toBeInstanceOf(SessionExpiredError)
    expect(sessionExpired).toHaveBeenCalledOnce()
  })

  it('a 403 on a write retries once with a renewed CSRF token', async () => {
    const refreshCsrf = vi.fn().mockResolvedValue({ headerName: 'X-CSRF-TOKEN', token: 'tok-2' })
    configureApi({ refreshCsrf })
    fetchMock.mockResolvedValueOnce(json(403, { status: 403, code: 'access.denied', message: 'x', messageEn: 'x', fields: [] }))
    fetchMock.mockResolvedValueOnce(json(200, { done: true }))
    await expect(http.post('/api/agent/wrap-up/end')).resolves.toEqual({ done: true })
    expect(fetchMock.mock.calls[1][1].headers['X-CSRF-TOKEN']).toBe('tok-2')
  })

  it('a 403 whose token check finds the session gone does not retry', async () => {
    const refreshCsrf = vi.fn().mockRejectedValue(new SessionExpiredError())
    configureApi({ refreshCsrf })
    fetchMock.mockResolvedValueOnce(json(403, { status: 403, code: 'access.denied', message: 'x', messageEn: 'x', fields: [] }))
    await expect(http.del('/api/calls/c1')).rejects.toBeInstanceOf(SessionExpiredError)
    expect(fetchMock).toHaveBeenCalledOnce()
  })

  it('a network failure is a clear error', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    const err = (await http.get('/api/agent').catch((e) => e)) as ApiError
    expect(err.code).toBe('network')
    expect(err.text('zh-CN')).toContain('网络')
  })
})
