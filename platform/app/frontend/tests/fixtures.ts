import type { CallEventMessage, CallView, DeskAgent, DeskMe, ScreenPop, SnapshotMessage } from '../src/api/types'

export const MY_SEAT = 'ss2001000ss0001'
export const COLLEAGUE = 'ss2001000ss0002'

export function me(): DeskMe {
  return {
    tenantCode: '2001000',
    tenantName: '演示科技有限公司',
    userId: 3,
    username: 'agent',
    displayName: '王小明',
    roles: ['AGENT'],
    seat: { sipUsername: MY_SEAT, number: '0001' },
    csrf: { headerName: 'X-CSRF-TOKEN', token: 'tok-1' },
  }
}

export function call(id: string, over: Partial<CallView> = {}): CallView {
  return {
    callId: id,
    tenantId: 1,
    tenantCode: '2001000',
    direction: 'INBOUND',
    customer: { e164: '+8613800138000', kind: 'MOBILE', regionZh: '北京', regionEn: 'Beijing', national: '138 0013 8000' },
    customerNumber: '13800138000',
    dialledNumber: '4008001234',
    trunkNumber: '+861062345678',
    displayNumber: null,
    seat: MY_SEAT,
    phase: 'RINGING',
    held: false,
    consultingSeat: null,
    offeredAt: '2026-12-05T03:00:00.000Z',
    ringingAt: '2026-12-05T03:00:05.000Z',
    answeredAt: null,
    endedAt: null,
    endedBy: null,
    endReason: null,
    node: 'node-a',
    forwardedTo: null,
    legs: [],
    ...over,
  }
}

export function ev(type: CallEventMessage['type'], seq: number, c: CallView, pop?: ScreenPop): CallEventMessage {
  return { type, tenantId: 1, seq, at: '2026-12-05T03:00:10.000Z', call: c, ...(pop ? { pop } : {}) }
}

export function pop(callId: string, over: Partial<ScreenPop> = {}): ScreenPop {
  return {
    callId,
    caller: call(callId).customer,
    callerNumber: '13800138000',
    dialledNumber: '4008001234',
    dialledLabel: '售后服务热线',
    matches: [{ contactId: 7, contactName: '张三', customerId: 70, customerName: '北京某某公司' }],
    callsToday: [],
    openEvents: [],
    openWorkOrders: [{ id: 5, title: '空调不制冷', status: 'OPEN', priority: 'HIGH', createdAt: '2026-12-04T02:00:00Z' }],
    ...over,
  }
}

export function agent(over: Partial<DeskAgent> = {}): DeskAgent {
  return {
    seat: MY_SEAT,
    seatNumber: '0001',
    status: 'IDLE',
    state: 'WAITING',
    since: '2026-12-05T03:00:00.000Z',
    callId: null,
    reason: null,
    wrapUpUntil: null,
    missedInARow: 0,
    answeredToday: 3,
    phoneRegistered: true,
    ...over,
  }
}

export function snapshot(calls: SnapshotMessage['calls'], a: DeskAgent | null = agent(), serverTime = '2026-12-05T03:00:20.000Z'): SnapshotMessage {
  return { type: 'Snapshot', serverTime, agent: a, calls }
}
