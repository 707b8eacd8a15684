// TypeScript mirror of the desk contract (desk-contract.md, issue 10). Times are ISO-8601 UTC strings.

export type NumberKind = 'MOBILE' | 'LANDLINE' | 'SERVICE' | 'OTHER'

export interface PhoneNumber {
  e164: string
  kind: NumberKind
  regionZh: string
  regionEn: string
  national: string
}

export type LegKind = 'AGENT' | 'FORWARD'

export interface LegView {
  kind: LegKind
  party: string
  startedAt: string
  answeredAt: string | null
  endedAt: string | null
}

export type Direction = 'INBOUND' | 'OUTBOUND' | 'INTERNAL'
export type CallPhase = 'OFFERED' | 'RINGING' | 'QUEUED' | 'ANSWERED' | 'ENDED'
export type EndedBy = 'CUSTOMER' | 'AGENT' | 'SYSTEM'

export interface CallView {
  callId: string
  tenantId: number | string
  tenantCode: string
  direction: Direction
  customer: PhoneNumber | null
  customerNumber: string
  dialledNumber: string | null
  trunkNumber: string | null
  displayNumber: string | null
  /** The SIP account of the seat this view concerns. */
  seat: string | null
  phase: CallPhase
  held: boolean
  consultingSeat: string | null
  offeredAt: string
  ringingAt: string | null
  answeredAt: string | null
  endedAt: string | null
  endedBy: EndedBy | null
  endReason: string | null
  node: string
  forwardedTo: string | null
  legs: LegView[]
}

export type AgentStatus = 'IDLE' | 'BUSY' | 'REST' | 'OFFLINE'
export type AgentState = 'WAITING' | 'RINGING' | 'TALKING' | 'WRAP_UP'
export type RestReason = 'lunch' | 'meeting' | 'training' | 'break'
export const REST_REASONS: readonly RestReason[] = ['lunch', 'meeting', 'training', 'break']

export interface DeskAgent {
  seat: string
  seatNumber: string
  status: AgentStatus
  state: AgentState
  since: string
  callId: string | null
  /** Rest reason (lunch, meeting, training, break) or a system reason (no-answer, phone-gone). */
  reason: string | null
  wrapUpUntil: string | null
  missedInARow: number
  answeredToday: number
  phoneRegistered: boolean
}

export interface PopMatch {
  contactId: number
  contactName: string
  customerId: number | null
  customerName: string | null
}

export interface PopCall {
  callId: string
  direction: Direction
  seat: string | null
  startedAt: string
  answered: boolean
  durationSeconds: number
}

export interface PopEvent {
  id: number
  title: string
  status: string
  createdAt: string
}

export type Priority = 'LOW' | 'NORMAL' | 'HIGH' | 'URGENT'
export const PRIORITIES: readonly Priority[] = ['LOW', 'NORMAL', 'HIGH', 'URGENT']

export interface PopWorkOrder {
  id: number
  title: string
  status: string
  priority: string
  createdAt: string
}

export interface ScreenPop {
  callId: string
  caller: PhoneNumber | null
  callerNumber: string
  dialledNumber: string | null
  dialledLabel: string | null
  matches: PopMatch[]
  callsToday: PopCall[]
  openEvents: PopEvent[]
  openWorkOrders: PopWorkOrder[]
}

// ---- REST ----

export interface DeskMe {
  tenantCode: string
  tenantName: string
  userId: number
  username: string
  displayName: string
  roles: string[]
  seat: { sipUsername: string; number: string } | null
  csrf: { headerName: string; token: string }
}

export interface Colleague {
  seat: string
  seatNumber: string
  name: string
  status: AgentStatus
  state: AgentState
  free: boolean
}

/** A call of my seat today, as GET /api/desk/calls lists it. */
export interface SessionCall {
  callId: string
  direction: Direction
  customerNumber: string
  customer: PhoneNumber | null
  seat: string | null
  startedAt: string
  answeredAt: string | null
  endedAt: string | null
  durationSeconds: number
  note: string | null
}

export interface CallNote {
  callId: string
  text: string
  updatedAt: string | null
  updatedBy: string | null
}

export interface CallLinks {
  workOrders: PopWorkOrder[]
  events: PopEvent[]
}

export interface NewWorkOrder {
  title: string
  description?: string
  priority: Priority
  customerId?: number
  contactId?: number
}

export interface NewEvent {
  title: string
  description?: string
  customerId?: number
  contactId?: number
}

export interface SavedCaller {
  contactId: number
  customerId: number | null
  created: boolean
}

export interface CustomerHistory {
  calls: PopCall[]
  notes: { callId: string; text: string; updatedAt: string }[]
  events: PopEvent[]
  workOrders: PopWorkOrder[]
}

export interface DisplayOption {
  id: number
  number: string
  regionZh: string
  regionEn: string
}

export interface DisplayNumbers {
  chosen: DisplayOption | null
  options: DisplayOption[]
}

/** Work order detail (existing GET /api/work-orders/{id}); only some fields are shown. */
export interface WorkOrderDetail extends PopWorkOrder {
  description?: string | null
  customerId?: number | null
  contactId?: number | null
  createdBy?: string | null
  updatedAt?: string | null
}

export interface EventDetail extends PopEvent {
  description?: string | null
  customerId?: number | null
  contactId?: number | null
  createdBy?: string | null
  updatedAt?: string | null
}

export interface ProblemField {
  field: string
  message: string
  messageEn: string
}

export interface Problem {
  status: number
  code: string
  message: string
  messageEn: string
  fields: ProblemField[]
}

// ---- Live channel ----

export interface SnapshotCall {
  call: CallView
  seq: number
  pop: ScreenPop | null
}

export interface SnapshotMessage {
  type: 'Snapshot'
  serverTime: string
  agent: DeskAgent | null
  calls: SnapshotCall[]
}

export const CALL_EVENT_TYPES = [
  'CallOffered',
  'CallRinging',
  'CallQueued',
  'CallAnswered',
  'CallHeld',
  'CallResumed',
  'CallTransferring',
  'CallTransferred',
  'ConsultAnswered',
  'CallEnded',
  'VoicemailLeft',
] as const

export type CallEventType = (typeof CALL_EVENT_TYPES)[number]

export interface CallEventMessage {
  type: CallEventType
  tenantId: number | string
  seq: number
  at: string
  call: CallView
  pop?: ScreenPop | null
}

export interface AgentStateChangedMessage {
  type: 'AgentStateChanged'
  tenantId: number | string
  seq: number
  at: string
  agent: DeskAgent
}

export type DeskMessage = SnapshotMessage | CallEventMessage | AgentStateChangedMessage

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed'
