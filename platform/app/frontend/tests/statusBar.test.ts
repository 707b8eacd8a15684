import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, flushPromises, type VueWrapper } from '@vue/test-utils'
import StatusBar from '../src/components/StatusBar.vue'
import { makeI18n } from '../src/i18n'
import { agent } from './fixtures'
import { setCsrf, configureApi } from '../src/api/client'

describe('StatusBar', () => {
  let mounted: VueWrapper | null = null
  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-12-05T03:01:05.000Z'))
    setCsrf({ headerName: 'X-CSRF-TOKEN', token: 't' })
    configureApi({ notify: () => {}, sessionExpired: () => {} })
  })
  afterEach(() => {
    mounted?.unmount()
    mounted = null
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  function render(a = agent(), lang: 'zh-CN' | 'en' = 'zh-CN') {
    mounted = mount(StatusBar, { props: { agent: a }, global: { plugins: [makeI18n(lang)] }, attachTo: document.body })
    return mounted
  }

  it('shows status, state, time in status, phone and today’s count', async () => {
    const w = render(agent({ status: 'BUSY', state: 'TALKING', since: '2026-12-05T03:00:00.000Z' }))
    expect(w.get('#status-current').text()).toContain('忙碌中')
    expect(w.get('#status-current').text()).toContain('通话中')
    expect(w.get('#status-current').attributes('data-status')).toBe('BUSY')
    expect(w.get('#status-timer').text()).toBe('01:05')
    vi.advanceTimersByTime(10_010)
    await flushPromises()
    expect(w.get('#status-timer').text()).toBe('01:15')
    expect(w.get('#phone-registered').text()).toBe('话机已注册')
    expect(w.get('#today-answered').text()).toContain('3')
  })

  it('shows the rest reason and the wrap-up countdown', async () => {
    const w = render(agent({ status: 'REST', reason: 'lunch', state: 'WRAP_UP', wrapUpUntil: '2026-12-05T03:01:35.000Z' }))
    expect(w.get('#status-current').text()).toContain('小休（午餐）')
    expect(w.get('#wrapup-countdown').attributes('data-seconds')).toBe('30')
    vi.advanceTimersByTime(12_010)
    await flushPromises()
    expect(w.get('#wrapup-countdown').text()).toContain('00:18')
    expect(w.find('#wrapup-finish').exists()).toBe(true)
  })

  it('switches to rest with a reason through PUT /api/agent/status', async () => {
    const fetchMock = vi.fn().mockResolvedValue(
      new Response(JSON.stringify(agent({ status: 'REST', reason: 'meeting' })), { status: 200, headers: { 'Content-Type': 'application/json' } }),
    )
    vi.stubGlobal('fetch', fetchMock)
    const w = render()
    await w.get('#status-rest').trigger('click')
    await w.get('.rest-reason[data-reason="meeting"]').trigger('click')
    await flushPromises()
    expect(fetchMock).toHaveBeenCalledOnce()
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/agent/status')
    expect(init.method).toBe('PUT')
    expect(JSON.parse(init.body)).toEqual({ status: 'REST', reason: 'meeting' })
    expect(w.emitted('changed')?.[0][0]).toMatchObject({ status: 'REST', reason: 'meeting' })
  })

  it('speaks English when asked', () => {
    const w = render(agent({ phoneRegistered: false }), 'en')
    expect(w.get('#status-current').text()).toContain('Idle')
    expect(w.get('#phone-registered').text()).toBe('Phone not registered')
    expect(w.get('#phone-registered').attributes('data-registered')).toBe('false')
  })
})
