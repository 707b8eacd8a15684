import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useDeskStore } from '../src/store/desk'
import { COLLEAGUE, MY_SEAT, agent, call, ev, me, pop, snapshot } from './fixtures'

const T0 = Date.parse('2026-12-05T03:00:20.000Z')

describe('desk store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  function store() {
    const s = useDeskStore()
    s.setMe(me())
    return s
  }

  it('applies events in seq order per call and drops duplicates and late ones', () => {
    const s = store()
    expect(s.applyMessage(ev('CallRinging', 1, call('c1')), T0)).toBe(true)
    expect(s.applyMessage(ev('CallAnswered', 3, call('c1', { phase: 'ANSWERED', answeredAt: '2026-12-05T03:00:12Z' })), T0)).toBe(true)
    // a duplicate and a late one (seq 2 after 3) are dropped
    expect(s.applyMessage(ev('CallAnswered', 3, call('c1', { phase: 'ANSWERED', held: true })), T0)).toBe(false)
    expect(s.applyMessage(ev('CallRinging', 2, call('c1')), T0)).toBe(false)
    expect(s.calls.c1.phase).toBe('ANSWERED')
    expect(s.calls.c1.held).toBe(false)
    // seq is per call: another call starts at 1
    expect(s.applyMessage(ev('CallRinging', 1, call('c2')), T0)).toBe(true)
    expect(s.lastSeq('c1')).toBe(3)
  })

  it('a ringing call becomes current and is selected, with its pop', () => {
    const s = store()
    s.applyMessage(ev('CallRinging', 1, call('c1'), pop('c1')), T0)
    expect(s.currentCallId).toBe('c1')
    expect(s.selectedCallId).toBe('c1')
    expect(s.selectedPop?.matches[0].contactName).toBe('张三')
    expect(s.ringingCalls.map((c) => c.callId)).toEqual(['c1'])
  })

  it('a ringing call does not take the focus from a call on the line', () => {
    const s = store()
    s.applyMessage(ev('CallAnswered', 2, call('c1', { phase: 'ANSWERED' })), T0)
    s.applyMessage(ev('CallRinging', 1, call('c2', { offeredAt: '2026-12-05T03:01:00Z' })), T0)
    expect(s.currentCallId).toBe('c1')
    expect(s.ringingCalls.map((c) => c.callId)).toEqual(['c2'])
  })

  it('CallAnswered with a pop shows the call answered on the phone without the page', () => {
    const s = store()
    s.applyMessage(ev('CallAnswered', 4, call('c9', { phase: 'ANSWERED' }), pop('c9')), T0)
    expect(s.currentCallId).toBe('c9')
    expect(s.pops.c9).toBeTruthy()
  })

  it('CallEnded moves the call to the session list; the workbench keeps it for wrap-up', () => {
    const s = store()
    s.loadSessionCalls([
      { callId: 'old', direction: 'INBOUND', customerNumber: '1', customer: null, seat: MY_SEAT, startedAt: '2026-12-05T01:00:00Z',
        answeredAt: null, endedAt: '2026-12-05T01:00:30Z', durationSeconds: 0, note: null },
    ])
    s.applyMessage(ev('CallAnswered', 2, call('c1', { phase: 'ANSWERED', answeredAt: '2026-12-05T03:00:10Z' })), T0)
    s.applyMessage(
      ev('CallEnded', 3, call('c1', { phase: 'ENDED', answeredAt: '2026-12-05T03:00:10Z', endedAt: '2026-12-05T03:02:10Z', endedBy: 'CUSTOMER' })),
      T0,
    )
    expect(s.calls.c1).toBeUndefined()
    expect(s.currentCallId).toBeNull()
    expect(s.selectedCallId).toBe('c1')
    expect(s.selectedCall?.phase).toBe('ENDED')
    expect(s.sessionCalls.map((c) => c.callId)).toEqual(['c1', 'old'])
    expect(s.sessionCalls[0].durationSeconds).toBe(120)
    // a late event of the ended call is dropped and does not bring it back
    expect(s.applyMessage(ev('CallHeld', 2, call('c1', { phase: 'ANSWERED' })), T0)).toBe(false)
    expect(s.calls.c1).toBeUndefined()
  })

  it('after a call ends, another ringing call becomes current', () => {
    const s = store()
    s.applyMessage(ev('CallAnswered', 2, call('c1', { phase: 'ANSWERED' })), T0)
    s.applyMessage(ev('CallRinging', 1, call('c2')), T0)
    s.applyMessage(ev('CallEnded', 3, call('c1', { phase: 'ENDED' })), T0)
    expect(s.currentCallId).toBe('c2')
    expect(s.selectedCallId).toBe('c2')
  })

  it('a snapshot replaces calls and agent, counts for seq, and ends calls it does not list', () => {
    const s = store()
    s.applyMessage(ev('CallAnswered', 5, call('gone', { phase: 'ANSWERED' })), T0)
    s.applySnapshot(snapshot([{ call: call('c1'), seq: 7, pop: pop('c1') }], agent({ state: 'RINGING', callId: 'c1' })), T0 - 2000)
    expect(Object.keys(s.calls)).toEqual(['c1'])
    expect(s.agent?.state).toBe('RINGING')
    expect(s.currentCallId).toBe('c1')
    expect(s.pops.c1).toBeTruthy()
    expect(s.sessionCalls.map((c) => c.callId)).toContain('gone')
    expect(s.serverOffsetMs).toBe(2000)
    // events at or below the snapshot's seq are old news
    expect(s.applyMessage(ev('CallRinging', 7, call('c1')), T0)).toBe(false)
    expect(s.applyMessage(ev('CallAnswered', 8, call('c1', { phase: 'ANSWERED' })), T0)).toBe(true)
  })

  it('a snapshot after a reconnect shows a call that rang while the socket was down', () => {
    const s = store()
    s.applySnapshot(snapshot([]), T0)
    expect(s.currentCallId).toBeNull()
    s.applySnapshot(snapshot([{ call: call('missed-while-down'), seq: 2, pop: pop('missed-while-down') }]), T0)
    expect(s.currentCallId).toBe('missed-while-down')
    expect(s.selectedPop?.callId).toBe('missed-while-down')
  })

  it("a colleague's side of my consult keeps my call and records the consult", () => {
    const s = store()
    s.applyMessage(ev('CallAnswered', 2, call('c1', { phase: 'ANSWERED' })), T0)
    s.applyMessage(ev('CallRinging', 3, call('c1', { seat: COLLEAGUE, phase: 'RINGING', held: true, consultingSeat: COLLEAGUE })), T0)
    expect(s.calls.c1.seat).toBe(MY_SEAT)
    expect(s.calls.c1.phase).toBe('ANSWERED')
    expect(s.calls.c1.held).toBe(true)
    expect(s.calls.c1.consultingSeat).toBe(COLLEAGUE)
    expect(s.consults.c1.phase).toBe('RINGING')
    expect(s.ringingCalls).toHaveLength(0) // no ring for the colleague's phone
    // cancelled: my own view without a consulting seat clears it
    s.applyMessage(ev('CallResumed', 4, call('c1', { phase: 'ANSWERED' })), T0)
    expect(s.consults.c1).toBeUndefined()
    expect(s.calls.c1.consultingSeat).toBeNull()
  })

  it('a transfer to a colleague ends the call for me', () => {
    const s = store()
    s.applyMessage(ev('CallAnswered', 2, call('c1', { phase: 'ANSWERED', answeredAt: '2026-12-05T03:00:10Z' })), T0)
    s.applyMessage(ev('CallTransferred', 5, call('c1', { seat: COLLEAGUE, phase: 'ANSWERED' })), T0)
    expect(s.calls.c1).toBeUndefined()
    expect(s.ended.c1.forwardedTo).toBe(COLLEAGUE)
    expect(s.selectedCallId).toBe('c1')
  })

  it('a call ringing me that a colleague answers (ring-all) stops ringing here', () => {
    const s = store()
    s.applyMessage(ev('CallRinging', 1, call('c1')), T0)
    s.applyMessage(ev('CallAnswered', 2, call('c1', { seat: COLLEAGUE, phase: 'ANSWERED' })), T0)
    expect(s.ringingCalls).toHaveLength(0)
    expect(s.calls.c1).toBeUndefined()
    expect(s.currentCallId).toBeNull()
  })

  it('agent events follow their own seq, reset by a snapshot', () => {
    const s = store()
    s.applySnapshot(snapshot([], agent({ status: 'IDLE' })), T0)
    expect(s.applyMessage({ type: 'AgentStateChanged', tenantId: 1, seq: 10, at: '', agent: agent({ status: 'BUSY' }) })).toBe(true)
    expect(s.applyMessage({ type: 'AgentStateChanged', tenantId: 1, seq: 9, at: '', agent: agent({ status: 'IDLE' }) })).toBe(false)
    expect(s.agent?.status).toBe('BUSY')
    s.applySnapshot(snapshot([], agent({ status: 'REST', reason: 'lunch' })), T0)
    expect(s.agent?.status).toBe('REST')
    expect(s.applyMessage({ type: 'AgentStateChanged', tenantId: 1, seq: 1, at: '', agent: agent({ status: 'IDLE' }) })).toBe(true)
  })

  it('ignores unknown message types', () => {
    const s = store()
    expect(s.applyMessage({ type: 'SomethingNew' })).toBe(false)
    expect(s.applyMessage({} as never)).toBe(false)
  })

  it('computes the wrap-up countdown from wrapUpUntil and the server clock', () => {
    const s = store()
    s.applySnapshot(
      snapshot([], agent({ state: 'WRAP_UP', wrapUpUntil: '2026-12-05T03:00:50.000Z' }), '2026-12-05T03:00:20.000Z'),
      T0 - 5000, // our clock is 5 s behind the server's
    )
    expect(s.wrapUpRemaining(T0 - 5000)).toBe(30)
    expect(s.wrapUpRemaining(T0 + 5000)).toBe(20)
    expect(s.wrapUpRemaining(T0 + 60000)).toBe(0)
    s.setAgent(agent({ state: 'WAITING' }))
    expect(s.wrapUpRemaining(T0)).toBeNull()
  })

  it('several matches: none is shown until the agent picks one', () => {
    const s = store()
    const p = pop('c1', {
      matches: [
        { contactId: 1, contactName: '张三', customerId: 10, customerName: 'A 公司' },
        { contactId: 2, contactName: '李四', customerId: 20, customerName: 'B 公司' },
      ],
    })
    s.applyMessage(ev('CallRinging', 1, call('c1'), p), T0)
    expect(s.selectedMatch).toBeNull()
    s.pickMatch('c1', 2)
    expect(s.selectedMatch?.customerName).toBe('B 公司')
  })

  it('keeps calls that ended here when the session list is reloaded', () => {
    const s = store()
    s.applyMessage(ev('CallRinging', 1, call('c1')), T0)
    s.applyMessage(ev('CallEnded', 2, call('c1', { phase: 'ENDED' })), T0)
    s.loadSessionCalls([])
    expect(s.sessionCalls.map((c) => c.callId)).toEqual(['c1'])
  })
})
