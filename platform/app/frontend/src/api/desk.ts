// The desk's REST endpoints, typed against the contract.
import { http, type RequestOptions } from './client'
import type {
  AgentStatus,
  CallLinks,
  CallNote,
  CallView,
  Colleague,
  CustomerHistory,
  DeskAgent,
  DeskMe,
  DisplayNumbers,
  EventDetail,
  NewEvent,
  NewWorkOrder,
  PopEvent,
  PopWorkOrder,
  SavedCaller,
  ScreenPop,
  SessionCall,
  WorkOrderDetail,
} from './types'

const call = (id: string) => `/api/calls/${encodeURIComponent(id)}`

export const api = {
  me: (opts?: RequestOptions) => http.get<DeskMe>('/api/desk/me', opts),
  agent: (opts?: RequestOptions) => http.get<DeskAgent>('/api/agent', opts),
  setStatus: (status: AgentStatus, reason?: string) =>
    http.put<DeskAgent>('/api/agent/status', reason ? { status, reason } : { status }),
  endWrapUp: () => http.post<DeskAgent>('/api/agent/wrap-up/end'),
  colleagues: () => http.get<Colleague[]>('/api/desk/colleagues'),
  sessionCalls: (opts?: RequestOptions) => http.get<SessionCall[]>('/api/desk/calls', opts),
  pop: (callId: string, opts?: RequestOptions) =>
    http.get<ScreenPop>(`/api/desk/pop/${encodeURIComponent(callId)}`, opts),
  note: (callId: string, opts?: RequestOptions) => http.get<CallNote>(`${call(callId)}/note`, opts),
  saveNote: (callId: string, text: string, opts?: RequestOptions) =>
    http.put<CallNote>(`${call(callId)}/note`, { text }, opts),
  links: (callId: string, opts?: RequestOptions) => http.get<CallLinks>(`${call(callId)}/links`, opts),
  link: (callId: string, target: { workOrderId: number } | { eventId: number }) =>
    http.post<CallLinks>(`${call(callId)}/links`, target),
  createWorkOrder: (callId: string, form: NewWorkOrder) =>
    http.post<PopWorkOrder>(`${call(callId)}/work-orders`, form),
  createEvent: (callId: string, form: NewEvent) => http.post<PopEvent>(`${call(callId)}/events`, form),
  saveCaller: (number: string, name: string, customerName?: string) =>
    http.post<SavedCaller>('/api/desk/callers', customerName ? { number, name, customerName } : { number, name }),
  history: (customerId: number, opts?: RequestOptions) =>
    http.get<CustomerHistory>(`/api/customers/${customerId}/history`, opts),
  workOrder: (id: number, opts?: RequestOptions) => http.get<WorkOrderDetail>(`/api/work-orders/${id}`, opts),
  event: (id: number, opts?: RequestOptions) => http.get<EventDetail>(`/api/events/${id}`, opts),
  displayNumbers: (forNumber: string) =>
    http.get<DisplayNumbers>(`/api/calls/display-numbers?for=${encodeURIComponent(forNumber)}`),
  dial: (number: string, displayNumberId?: number) =>
    http.post<{ callId: string }>('/api/calls', displayNumberId ? { number, displayNumberId } : { number }),
  hangUp: (callId: string) => http.del<unknown>(call(callId)),
  answer: (callId: string) => http.post<CallView>(`${call(callId)}/answer`),
  hold: (callId: string) => http.post<CallView>(`${call(callId)}/hold`),
  resume: (callId: string) => http.del<CallView>(`${call(callId)}/hold`),
  transfer: (callId: string, to: { seat: string } | { number: string }) =>
    http.post<unknown>(`${call(callId)}/transfer`, to),
  consult: (callId: string, seat: string) => http.post<unknown>(`${call(callId)}/consult`, { seat }),
  completeConsult: (callId: string) => http.post<unknown>(`${call(callId)}/consult/complete`),
  cancelConsult: (callId: string) => http.del<unknown>(`${call(callId)}/consult`),
}
