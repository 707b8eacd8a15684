import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { ElButton, ElDialog, ElDrawer, ElInput, ElOption, ElSelect } from 'element-plus'
import CurrentCall from '../src/components/CurrentCall.vue'
import ScreenPop from '../src/components/ScreenPop.vue'
import CallList from '../src/components/CallList.vue'
import { useDeskStore } from '../src/store/desk'
import { makeI18n } from '../src/i18n'
import { configureApi, setCsrf } from '../src/api/client'
import { call, ev, me, pop } from './fixtures'

function json(body: unknown) {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

describe('workbench components', () => {
  let pinia: Pinia
  let wrappers: VueWrapper[] = []
  let fetchMock: ReturnType<typeof vi.fn>

  beforeEach(() => {
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2026-12-05T03:01:15.000Z'))
    pinia = createPinia()
    setActivePinia(pinia)
    useDeskStore().setMe(me())
    setCsrf(me().csrf)
    configureApi({ notify: () => {}, sessionExpired: () => {} })
    fetchMock = vi.fn(async () => json({}))
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => {
    wrappers.forEach((w) => w.unmount())
    wrappers = []
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  function render<T>(component: T) {
    const w = mount(component as never, {
      global: { plugins: [pinia, makeI18n('zh-CN'), ElButton, ElDialog, ElDrawer, ElInput, ElOption, ElSelect] },
      attachTo: document.body,
    })
    wrappers.push(w)
    return w
  }

  it('shows a ringing call with the answer hint and its ringing time', async () => {
    useDeskStore().applyMessage(ev('CallRinging', 1, call('c1'), pop('c1')))
    const w = render(CurrentCall)
    await flushPromises()
    const cc = w.get('#current-call')
    expect(cc.attributes('data-call-id')).toBe('c1')
    expect(cc.attributes('data-phase')).toBe('RINGING')
    expect(w.find('#btn-answer').exists()).toBe(true)
    expect(w.get('#call-timer').text()).toBe('01:10') // since ringingAt 03:00:05
    expect(w.get('#call-trunk').text()).toBe('+861062345678')
    await w.get('#btn-answer').trigger('click')
    await flushPromises()
    expect(fetchMock.mock.calls[0][0]).toBe('/api/calls/c1/answer')
    expect(fetchMock.mock.calls[0][1].method).toBe('POST')
  })

  it('on the line: hold toggles to 取回 once CallHeld arrives; hang up calls DELETE', async () => {
    const s = useDeskStore()
    s.applyMessage(ev('CallAnswered', 2, call('c1', { phase: 'ANSWERED', answeredAt: '2026-12-05T03:00:15Z' })))
    const w = render(CurrentCall)
    await flushPromises()
    expect(w.find('#btn-answer').exists()).toBe(false)
    expect(w.get('#btn-hold').text()).toBe('保持')
    expect(w.get('#call-timer').text()).toBe('01:00')
    expect(w.get('#call-queue-wait').text()).toBe('00:15')
    await w.get('#btn-hold').trigger('click')
    await flushPromises()
    expect(fetchMock.mock.calls[0][0]).toBe('/api/calls/c1/hold')
    s.applyMessage(ev('CallHeld', 3, call('c1', { phase: 'ANSWERED', held: true, answeredAt: '2026-12-05T03:00:15Z' })))
    await flushPromises()
    expect(w.get('#current-call').attributes('data-held')).toBe('true')
    expect(w.get('#btn-hold').text()).toBe('取回')
    await w.get('#btn-hold').trigger('click')
    await flushPromises()
    expect(fetchMock.mock.calls[1][0]).toBe('/api/calls/c1/hold')
    expect(fetchMock.mock.calls[1][1].method).toBe('DELETE')
    await w.get('#btn-hangup').trigger('click')
    await flushPromises()
    expect(fetchMock.mock.calls[2][0]).toBe('/api/calls/c1')
    expect(fetchMock.mock.calls[2][1].method).toBe('DELETE')
  })

  it('keeps an ended call on screen for wrap-up, without call buttons', async () => {
    const s = useDeskStore()
    s.applyMessage(ev('CallAnswered', 2, call('c1', { phase: 'ANSWERED', answeredAt: '2026-12-05T03:00:15Z' })))
    s.applyMessage(ev('CallEnded', 3, call('c1', { phase: 'ENDED', answeredAt: '2026-12-05T03:00:15Z', endedAt: '2026-12-05T03:01:00Z', endedBy: 'CUSTOMER' })))
    const w = render(CurrentCall)
    await flushPromises()
    expect(w.get('#current-call').attributes('data-phase')).toBe('ENDED')
    expect(w.get('#call-timer').text()).toBe('00:45')
    expect(w.find('#btn-hangup').exists()).toBe(false)
    expect(w.text()).toContain('客户挂断')
  })

  it('screen pop: caller, region, dialled number, the match and open work orders', async () => {
    useDeskStore().applyMessage(ev('CallRinging', 1, call('c1'), pop('c1')))
    const w = render(ScreenPop)
    await flushPromises()
    expect(w.get('#screen-pop').attributes('data-call-id')).toBe('c1')
    expect(w.get('#pop-caller .dial').attributes('data-number')).toBe('13800138000')
    expect(w.get('#pop-region').text()).toBe('北京 · 手机')
    expect(w.get('#pop-dialled').text()).toContain('4008001234')
    expect(w.get('#pop-dialled').text()).toContain('售后服务热线')
    expect(w.get('#pop-contact').text()).toBe('张三')
    expect(w.get('#pop-customer').text()).toBe('北京某某公司')
    expect(w.findAll('#pop-work-orders .pop-work-order')).toHaveLength(1)
    expect(w.find('#pop-new-caller').exists()).toBe(false)
  })

  it('screen pop: several matches are picked from a list', async () => {
    const p = pop('c1', {
      matches: [
        { contactId: 1, contactName: '张三', customerId: 10, customerName: 'A 公司' },
        { contactId: 2, contactName: '李四', customerId: 20, customerName: 'B 公司' },
      ],
    })
    useDeskStore().applyMessage(ev('CallRinging', 1, call('c1'), p))
    const w = render(ScreenPop)
    await flushPromises()
    expect(w.findAll('#pop-matches .pop-match')).toHaveLength(2)
    expect(w.find('#pop-contact').exists()).toBe(false)
    await w.findAll('.pop-match')[1].trigger('click')
    expect(w.get('#pop-contact').text()).toBe('李四')
    expect(w.get('#pop-customer').text()).toBe('B 公司')
  })

  it('screen pop: a new caller is saved in one click and the pop reloads', async () => {
    useDeskStore().applyMessage(ev('CallRinging', 1, call('c1'), pop('c1', { matches: [] })))
    fetchMock.mockImplementation(async (url: string) =>
      url === '/api/desk/callers'
        ? json({ contactId: 9, customerId: null, created: true })
        : json(pop('c1', { matches: [{ contactId: 9, contactName: '赵六', customerId: null, customerName: null }] })),
    )
    const w = render(ScreenPop)
    await flushPromises()
    expect(w.find('#pop-new-caller').exists()).toBe(true)
    await w.get('#pop-caller-name').setValue('赵六')
    await w.get('#pop-save-caller').trigger('click')
    await w.get('#pop-new-caller').trigger('submit')
    await flushPromises()
    const urls = fetchMock.mock.calls.map((c) => c[0])
    expect(urls.filter((u) => u === '/api/desk/callers')).toHaveLength(1)
    expect(JSON.parse(fetchMock.mock.calls.find((c) => c[0] === '/api/desk/callers')![1].body)).toEqual({ number: '13800138000', name: '赵六' })
    expect(urls).toContain('/api/desk/pop/c1')
    expect(w.get('#pop-contact').text()).toBe('赵六')
  })

  it('call list: live calls on top, then the session calls', async () => {
    const s = useDeskStore()
    s.loadSessionCalls([
      { callId: 'old', direction: 'OUTBOUND', customerNumber: '02164381234', customer: null, seat: 'x', startedAt: '2026-12-05T01:00:00Z',
        answeredAt: '2026-12-05T01:00:05Z', endedAt: '2026-12-05T01:01:05Z', durationSeconds: 60, note: '已回访' },
    ])
    s.applyMessage(ev('CallRinging', 1, call('c1')))
    const w = render(CallList)
    await flushPromises()
    const rows = w.findAll('#call-list .call-row')
    expect(rows.map((r) => r.attributes('data-call-id'))).toEqual(['c1', 'old'])
    expect(rows[0].classes()).toContain('ringing')
    expect(rows[1].text()).toContain('01:00')
    await rows[1].trigger('click')
    expect(s.selectedCallId).toBe('old')
  })
})
