// The call center page's REST endpoints (supervisors and administrators), typed against the contract.
import { http, type RequestOptions } from '../api/client'

export type CallTab = 'IN_ANSWERED' | 'IN_MISSED' | 'OUT_ANSWERED' | 'OUT_MISSED'
export const TABS: CallTab[] = ['IN_ANSWERED', 'IN_MISSED', 'OUT_ANSWERED', 'OUT_MISSED']

export interface CallLine {
  id: string
  tab: CallTab
  customerNumber: string | null
  regionZh: string | null
  regionEn: string | null
  dialledNumber: string | null
  trunkNumber: string | null
  displayNumber: string | null
  seat: string | null
  offeredAt: string
  answeredAt: string | null
  endedAt: string | null
  endedBy: string | null
  endReason: string | null
  waitSeconds: number
  talkSeconds: number
  recorded: boolean
  costFen: number
  contactId: number | null
  contactName: string | null
  customerId: number | null
  customerName: string | null
  callback: LineCallback | null
}

/** The callback task a missed call opened or folded into. */
export interface LineCallback {
  taskId: number
  status: 'OPEN' | 'DONE'
  ownerSeat: string | null
  dueAt: string
  missedCalls: number
  attempts: number
  outcome: string | null
  closedBy: string | null
  version: number
}

export interface CallPage {
  lines: CallLine[]
  next: string | null
}

export interface CallFilter {
  tab: CallTab
  from?: string
  to?: string
  seat?: string
  number?: string
  customer?: number
}

export interface CallLeg {
  kind: string
  party: string | null
  startedAt: string
  answeredAt: string | null
  endedAt: string | null
}

export interface CallStep {
  kind: string
  seat: string | null
  detail: string | null
  occurredAt: string
}

export interface CallDetail {
  call: CallLine
  legs: CallLeg[]
  steps: CallStep[]
}

export interface RecordingLink {
  url: string
  expiresAt: string
}

/** The query string of a filter, without empty fields. */
export function filterQuery(filter: CallFilter, cursor?: string | null, size?: number): string {
  const params = new URLSearchParams()
  params.set('tab', filter.tab)
  for (const key of ['from', 'to', 'seat', 'number'] as const) {
    const value = filter[key]?.trim()
    if (value) params.set(key, value)
  }
  if (filter.customer) params.set('customer', String(filter.customer))
  if (cursor) params.set('cursor', cursor)
  if (size) params.set('size', String(size))
  return params.toString()
}

export interface Rate {
  value: number | null
  numerator: number
  denominator: number
  formula: string
}

export interface TodayFigures {
  from: string
  at: string
  serviceLevelSeconds: number
  inboundOffered: number
  inboundAnswered: number
  inboundMissed: number
  shortAbandons: number
  closedHours: number
  outboundPlaced: number
  outboundAnswered: number
  inboundTalkSeconds: number
  outboundTalkSeconds: number
  serviceLevel: Rate
  answerRate: Rate
  abandonRate: Rate
  averageSpeedOfAnswerSeconds: number | null
  averageHandleSeconds: number | null
}

export interface CenterInfo {
  tenantCode: string
  tenantName: string
  trunks: { id: number; number: string; serviceNumber: string | null; channels: number; channelsInUse: number }[]
  displayNumbers: { id: number; number: string; regionZh: string | null; regionEn: string | null }[]
  seats: number
  seatsTaken: number
  balanceFen: number
  monthChargesFen: number
}

/** A rate as a percentage with one decimal, or a dash when nothing was counted. */
export function percent(rate: Rate | null | undefined): string {
  return rate && rate.value !== null ? `${(rate.value * 100).toFixed(1)}%` : '—'
}

/** An Excel export as the server follows it. */
export interface ExportProgress {
  id: string
  state: 'WAITING' | 'WRITING' | 'DONE' | 'FAILED' | 'CANCELLED'
  total: number
  written: number
  percent: number
  fileName: string
  startedAt: string
  finishedAt: string | null
}

/** The export request: the list's filters (without the cursor) and the headings' language. */
export function exportRequest(filter: CallFilter, lang: string) {
  const body: Record<string, string | number> = { tab: filter.tab, language: lang.startsWith('en') ? 'en' : 'zh-CN' }
  for (const key of ['from', 'to', 'seat', 'number'] as const) {
    const value = filter[key]?.trim()
    if (value) body[key] = value
  }
  if (filter.customer) body.customer = filter.customer
  return body
}

const exportUrl = (id: string) => `/api/center/exports/${encodeURIComponent(id)}`

/** Where the finished workbook downloads from (the server names the file). */
export const exportFileUrl = (id: string) => `${exportUrl(id)}/file`

/** A voicemail as the list shows it, with the callback task its call opened. */
export interface VoicemailLine {
  id: number
  callId: string
  customerNumber: string | null
  regionZh: string | null
  regionEn: string | null
  contactName: string | null
  customerName: string | null
  dialledNumber: string | null
  situation: string
  endedBy: string
  recordedAt: string
  durationMs: number
  heardBy: string | null
  heardAt: string | null
  handled: boolean
  handledBy: string | null
  handledAt: string | null
  outcome: string | null
  callback: LineCallback | null
}

export interface VoicemailPage {
  lines: VoicemailLine[]
  next: string | null
}

export interface VoicemailFilter {
  from?: string
  to?: string
  openOnly?: boolean
}

export function voicemailQuery(filter: VoicemailFilter, cursor?: string | null, size?: number): string {
  const params = new URLSearchParams()
  if (filter.from) params.set('from', filter.from)
  if (filter.to) params.set('to', filter.to)
  params.set('status', filter.openOnly ? 'OPEN' : 'ALL')
  if (cursor) params.set('cursor', cursor)
  if (size) params.set('size', String(size))
  return params.toString()
}

/** A seat on the monitor wall: now (from the ACD board) and its day so far (from the journals). */
export interface WallSeat {
  seat: string
  seatNumber: string
  userName: string | null
  displayName: string | null
  status: 'IDLE' | 'BUSY' | 'REST' | 'OFFLINE'
  state: 'WAITING' | 'RINGING' | 'TALKING' | 'WRAP_UP'
  since: string
  reason: string | null
  callId: string | null
  phoneRegistered: boolean
  inboundAnswered: number
  inboundTalkSeconds: number
  outboundCalls: number
  outboundAnswered: number
  outboundTalkSeconds: number
  offered: number
  answeredOffers: number
  answerRate: number | null
  loginSeconds: number
  busySeconds: number
  restSeconds: number
  talkSeconds: number
  wrapUpSeconds: number
}

export interface Wall {
  from: string
  at: string
  seats: WallSeat[]
}

/** What a supervisor sees a seat doing: on a call, ringing, free, in wrap-up, busy, resting or offline. */
export const WALL_GROUPS = ['TALKING', 'RINGING', 'IDLE', 'WRAP_UP', 'BUSY', 'REST', 'OFFLINE'] as const
export type WallGroup = (typeof WALL_GROUPS)[number]

export function wallGroup(s: Pick<WallSeat, 'status' | 'state'>): WallGroup {
  if (s.status === 'OFFLINE') return 'OFFLINE'
  if (s.state === 'TALKING' || s.state === 'RINGING' || s.state === 'WRAP_UP') return s.state
  return s.status
}

/** How many seats are in each group, every group present. */
export function wallCounts(seats: WallSeat[]): Record<WallGroup, number> {
  const counts = Object.fromEntries(WALL_GROUPS.map((g) => [g, 0])) as Record<WallGroup, number>
  for (const s of seats) counts[wallGroup(s)]++
  return counts
}

/** Seats on a call first, then ringing, free, in wrap-up, busy, resting and offline; by seat number within. */
export function wallOrder(seats: WallSeat[]): WallSeat[] {
  const rank = (s: WallSeat) => WALL_GROUPS.indexOf(wallGroup(s))
  return [...seats].sort((a, b) => rank(a) - rank(b) || a.seatNumber.localeCompare(b.seatNumber))
}

/** By seat number: the order that stays put while the floor changes. */
export function seatOrder(seats: WallSeat[]): WallSeat[] {
  return [...seats].sort((a, b) => a.seatNumber.localeCompare(b.seatNumber))
}

export interface CenterSettings {
  serviceLevelSeconds: number
  callbackSlaMinutes: number
  recordingRetentionDays: number | null
  updatedBy?: string | null
  updatedAt?: string | null
}

/** The service-level wallboard of a day: the queue now (today only), the day, and each hour. */
export interface ServiceLevelBoard {
  day: string
  queue: { waiting: number; longestWaitSeconds: number } | null
  figures: TodayFigures
  occupancy: Rate
  averageHandleSeconds: number | null
  averageHandleFormula: string
  hours: ServiceLevelHour[]
}

/** One hour of the day: its calls' figures, and the agents' occupancy and AHT within it. */
export interface ServiceLevelHour {
  hour: number
  figures: TodayFigures
  occupancy: Rate
  averageHandleSeconds: number | null
}

const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`
const pct = (r: Rate) => (r.value === null ? null : Math.round(r.value * 1000) / 10)

/** The day's hours as chart series: offered and answered bars, SL %, abandon % and occupancy % lines (null: a gap). */
export function hourSeries(board: ServiceLevelBoard) {
  return {
    hours: board.hours.map((h) => hourLabel(h.hour)),
    offered: board.hours.map((h) => h.figures.inboundOffered),
    answered: board.hours.map((h) => h.figures.inboundAnswered),
    serviceLevel: board.hours.map((h) => pct(h.figures.serviceLevel)),
    abandonRate: board.hours.map((h) => pct(h.figures.abandonRate)),
    occupancy: board.hours.map((h) => pct(h.occupancy)),
  }
}

/** The hours worth a line in the hour table: a call was offered, or an agent was signed in and not resting. */
export function busyHours(board: ServiceLevelBoard): (ServiceLevelHour & { label: string })[] {
  return board.hours
    .filter((h) => h.figures.inboundOffered > 0 || h.figures.outboundPlaced > 0 || h.occupancy.denominator > 0)
    .map((h) => ({ ...h, label: `${hourLabel(h.hour)}–${hourLabel((h.hour + 1) % 24)}` }))
}

const voicemail = (id: number) => `/api/center/voicemails/${id}`

const recording = (id: string) => `/api/recordings/${encodeURIComponent(id)}`

export const centerApi = {
  calls: (filter: CallFilter, cursor?: string | null, size?: number, opts?: RequestOptions) =>
    http.get<CallPage>(`/api/center/calls?${filterQuery(filter, cursor, size)}`, opts),
  call: (id: string, opts?: RequestOptions) => http.get<CallDetail>(`/api/center/calls/${encodeURIComponent(id)}`, opts),
  info: (opts?: RequestOptions) => http.get<CenterInfo>('/api/center/info', opts),
  today: (opts?: RequestOptions) => http.get<TodayFigures>('/api/center/today', opts),
  callbackTask: (id: number, opts?: RequestOptions) =>
    http.get<{ task: LineCallback & { id: number } }>(`/api/callbacks/${id}`, opts),
  closeCallback: (task: LineCallback, outcome: string, note?: string) =>
    http.post<unknown>(`/api/callbacks/${task.taskId}/close`, { outcome, note, version: task.version }),
  startExport: (filter: CallFilter, lang: string) => http.post<ExportProgress>('/api/center/exports', exportRequest(filter, lang)),
  exportProgress: (id: string) => http.get<ExportProgress>(exportUrl(id), { quiet: true }),
  discardExport: (id: string) => http.del<void>(exportUrl(id), { quiet: true }),
  voicemails: (filter: VoicemailFilter, cursor?: string | null, size?: number) =>
    http.get<VoicemailPage>(`/api/center/voicemails?${voicemailQuery(filter, cursor, size)}`),
  voicemail: (id: number) => http.get<VoicemailLine>(voicemail(id), { quiet: true }),
  voicemailLink: (id: number, use: 'PLAY' | 'DOWNLOAD') => http.post<RecordingLink>(`${voicemail(id)}/links`, { use }),
  handleVoicemail: (line: VoicemailLine, outcome: string) =>
    http.post<VoicemailLine>(`${voicemail(line.id)}/handled`, { outcome, taskVersion: line.callback?.version }),
  wall: (opts?: RequestOptions) => http.get<Wall>('/api/center/wall', opts),
  setAgentStatus: (seat: string, status: WallSeat['status'], reason?: string) =>
    http.put<WallSeat>(`/api/center/wall/${encodeURIComponent(seat)}/status`, { status, reason }),
  settings: () => http.get<CenterSettings>('/api/center/settings'),
  saveSettings: (settings: CenterSettings) => http.put<CenterSettings>('/api/center/settings', settings),
  serviceLevel: (day?: string, opts?: RequestOptions) =>
    http.get<ServiceLevelBoard>(`/api/center/service-level${day ? `?day=${encodeURIComponent(day)}` : ''}`, opts),
  recordingLink: (id: string, use: 'PLAY' | 'DOWNLOAD', opts?: RequestOptions) =>
    http.post<RecordingLink>(`${recording(id)}/links`, { use }, opts),
}
