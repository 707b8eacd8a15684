// Call commands from the buttons and the shortcuts. The page state follows the live events that come
// back, not the REST answers (those have no seq), so nothing flickers or jumps back.
import { reactive } from 'vue'
import { ElMessage } from 'element-plus'
import { api } from '../api/desk'
import type { CallView } from '../api/types'

export type CallAction = 'answer' | 'hangup' | 'hold' | 'consultTransfer' | 'consultCancel'

export const pending = reactive<Record<string, boolean>>({})

async function run(key: string, fn: () => Promise<unknown>, done?: string): Promise<boolean> {
  if (pending[key]) return false
  pending[key] = true
  try {
    await fn()
    if (done) ElMessage({ type: 'success', message: done, duration: 2000, grouping: true })
    return true
  } catch {
    return false // the API client showed why
  } finally {
    pending[key] = false
  }
}

export function canAnswer(call: CallView | null): call is CallView {
  return !!call && call.phase === 'RINGING'
}

export function canHangUp(call: CallView | null): call is CallView {
  return !!call && (call.phase === 'ANSWERED' || (call.direction !== 'INBOUND' && call.phase !== 'ENDED'))
}

export function onLine(call: CallView | null): call is CallView {
  return !!call && call.phase === 'ANSWERED'
}

export const actions = {
  answer: (call: CallView, done?: string) => run('answer', () => api.answer(call.callId), done),
  hangup: (call: CallView) => run('hangup', () => api.hangUp(call.callId)),
  toggleHold: (call: CallView) => run('hold', () => (call.held ? api.resume(call.callId) : api.hold(call.callId))),
  consultTransfer: (call: CallView) => run('consultTransfer', () => api.completeConsult(call.callId)),
  consultCancel: (call: CallView) => run('consultCancel', () => api.cancelConsult(call.callId)),
  transfer: (call: CallView, to: { seat: string } | { number: string }, done?: string) =>
    run('transfer', () => api.transfer(call.callId, to), done),
  consult: (call: CallView, seat: string, done?: string) => run('consult', () => api.consult(call.callId, seat), done),
}
