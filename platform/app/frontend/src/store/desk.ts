// The desk's live state: my agent, the live calls (by id) with their screen pops, the call shown in the
// workbench, and this session's call list. Fed by the live channel (snapshot + events, per-call seq rule)
// and by REST answers. Pure logic: no fetch, no timers, no DOM, so it is unit-tested as is.
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type {
  AgentStateChangedMessage,
  CallEventMessage,
  CallView,
  ConnectionState,
  DeskAgent,
  DeskMe,
  DeskMessage,
  PopMatch,
  ScreenPop,
  SessionCall,
  SnapshotMessage,
} from '../api/types'
import { CALL_EVENT_TYPES } from '../api/types'
import { SeqTracker } from '../logic/seq'
import { secondsBetween, secondsUntil } from '../logic/time'

const AGENT_KEY = '#agent'
const LIVE_PHASES = new Set(['OFFERED', 'RINGING', 'QUEUED', 'ANSWERED'])
const MAX_SESSION_CALLS = 100

/** A session list entry built from a call that ended while the page was open. */
export function sessionCallOf(call: CallView, localNow = Date.now()): SessionCall {
  const ended = call.endedAt ?? new Date(localNow).toISOString()
  return {
    callId: call.callId,
    direction: call.direction,
    customerNumber: call.customerNumber,
    customer: call.customer,
    seat: call.seat,
    startedAt: call.offeredAt,
    answeredAt: call.answeredAt,
    endedAt: ended,
    durationSeconds: call.answeredAt ? secondsBetween(call.answeredAt, ended, localNow) : 0,
    note: null,
  }
}

export const useDeskStore = defineStore('desk', () => {
  const me = ref<DeskMe | null>(null)
  const agent = ref<DeskAgent | null>(null)
  /** Live calls by id (not ended). */
  const calls = ref<Record<string, CallView>>({})
  /** Last known view of calls that ended (or left me) while the page was open. */
  const ended = ref<Record<string, CallView>>({})
  /** The colleague's side of a consult on one of my calls (call.seat ≠ my seat). */
  const consults = ref<Record<string, CallView>>({})
  const pops = ref<Record<string, ScreenPop>>({})
  /** The agent's pick among several matches, by call: contactId. */
  const picked = ref<Record<string, number>>({})
  const sessionCalls = ref<SessionCall[]>([])
  /** The live call in focus (ringing for me or on the line). */
  const currentCallId = ref<string | null>(null)
  /** The call the workbench shows: follows the current call, stays on an ended one for its wrap-up. */
  const selectedCallId = ref<string | null>(null)
  /** Server clock minus local clock, from the last snapshot. */
  const serverOffsetMs = ref(0)
  const connection = ref<ConnectionState>('connecting')
  const reconnectAttempt = ref(0)
  const reconnectDelayMs = ref(0)
  const sessionExpired = ref(false)
  const noSeat = ref(false)

  const seqs = new SeqTracker()

  const mySeat = computed(() => me.value?.seat?.sipUsername ?? agent.value?.seat ?? null)

  function isMine(call: CallView): boolean {
    return !call.seat || !mySeat.value || call.seat === mySeat.value
  }

  const liveCalls = computed(() =>
    Object.values(calls.value).sort((a, b) => Date.parse(b.offeredAt) - Date.parse(a.offeredAt)),
  )

  const currentCall = computed(() => (currentCallId.value ? calls.value[currentCallId.value] ?? null : null))

  /** What the workbench shows: a live call, or the last view of an ended one (null if only listed). */
  const selectedCall = computed<CallView | null>(() => {
    const id = selectedCallId.value
    if (!id) return null
    return calls.value[id] ?? ended.value[id] ?? null
  })

  const selectedSessionCall = computed(() =>
    selectedCallId.value ? sessionCalls.value.find((c) => c.callId === selectedCallId.value) ?? null : null,
  )

  const selectedPop = computed(() => (selectedCallId.value ? pops.value[selectedCallId.value] ?? null : null))

  /** My calls ringing now (they ring and pop). */
  const ringingCalls = computed(() => liveCalls.value.filter((c) => c.phase === 'RINGING' && isMine(c)))

  /** The match shown for a call: the only one, or the one the agent picked among several. */
  function matchOf(callId: string | null): PopMatch | null {
    if (!callId) return null
    const pop = pops.value[callId]
    if (!pop || pop.matches.length === 0) return null
    if (pop.matches.length === 1) return pop.matches[0]
    const chosen = picked.value[callId]
    return pop.matches.find((m) => m.contactId === chosen) ?? null
  }

  const selectedMatch = computed(() => matchOf(selectedCallId.value))

  function pickMatch(callId: string, contactId: number): void {
    picked.value = { ...picked.value, [callId]: contactId }
  }

  function setCurrent(id: string | null): void {
    if (id === currentCallId.value) return
    currentCallId.value = id
    if (id) selectedCallId.value = id
  }

  /** The best live call to focus: mine on the line, mine ringing, any of mine, else none. */
  function bestLive(): string | null {
    const mine = liveCalls.value.filter(isMine)
    return (
      mine.find((c) => c.phase === 'ANSWERED')?.callId ??
      mine.find((c) => c.phase === 'RINGING')?.callId ??
      mine[0]?.callId ??
      null
    )
  }

  function focusAfter(call: CallView): void {
    const cur = currentCall.value
    const curOnLine = cur !== null && cur.callId !== call.callId && cur.phase === 'ANSWERED' && isMine(cur)
    if (!isMine(call)) {
      if (!currentCallId.value) setCurrent(null)
      return
    }
    if (call.phase === 'ANSWERED') setCurrent(call.callId)
    else if (call.phase === 'RINGING' && !curOnLine) setCurrent(call.callId)
    else if (!cur) setCurrent(call.callId)
  }

  function upsertSession(entry: SessionCall): void {
    const list = sessionCalls.value.filter((c) => c.callId !== entry.callId)
    const old = sessionCalls.value.find((c) => c.callId === entry.callId)
    list.unshift(old ? { ...old, ...entry, note: old.note } : entry)
    list.sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt))
    sessionCalls.value = list.slice(0, MAX_SESSION_CALLS)
  }

  /** The call is over for me: out of the live calls, into the session list; the workbench keeps it. */
  function leave(call: CallView, localNow: number, listed = true): void {
    const { [call.callId]: _gone, ...rest } = calls.value
    void _gone
    calls.value = rest
    const { [call.callId]: _c, ...otherConsults } = consults.value
    void _c
    consults.value = otherConsults
    if (listed) {
      ended.value = { ...ended.value, [call.callId]: call }
      upsertSession(sessionCallOf(call, localNow))
    }
    if (currentCallId.value === call.callId) {
      currentCallId.value = null
      const next = bestLive()
      if (next) setCurrent(next)
    }
  }

  function applyCallEvent(ev: CallEventMessage, localNow = Date.now()): boolean {
    const call = ev.call
    if (!call?.callId || !seqs.accept(call.callId, ev.seq)) return false
    if (ev.pop) pops.value = { ...pops.value, [call.callId]: ev.pop }
    const held = calls.value[call.callId]
    const heldMine = held !== undefined && isMine(held)

    if (ev.type === 'CallEnded' || call.phase === 'ENDED') {
      const last = { endedAt: call.endedAt ?? ev.at, endedBy: call.endedBy, endReason: call.endReason }
      if (!held) {
        if (isMine(call)) leave({ ...call, endedAt: last.endedAt }, localNow)
      } else if (heldMine) {
        leave(isMine(call) ? { ...call, endedAt: last.endedAt } : { ...held, phase: 'ENDED', ...last }, localNow)
      } else {
        leave({ ...call, endedAt: last.endedAt }, localNow, false)
      }
      return true
    }
    if (!isMine(call) && heldMine) {
      if (held.phase !== 'ANSWERED' || ev.type === 'CallTransferred') {
        // rang me but a colleague took it, or I handed it over: over for me
        leave({ ...held, phase: 'ENDED', held: false, consultingSeat: null, forwardedTo: call.seat, endedAt: ev.at }, localNow)
        return true
      }
      // the colleague's side of my consult: keep my view, note the consult
      consults.value = { ...consults.value, [call.callId]: call }
      calls.value = {
        ...calls.value,
        [call.callId]: { ...held, held: call.held, consultingSeat: call.consultingSeat ?? held.consultingSeat, legs: call.legs },
      }
      return true
    }
    if (consults.value[call.callId] && !call.consultingSeat) {
      // my own view says the consult is over (cancelled, or transferred back)
      const { [call.callId]: _c, ...others } = consults.value
      void _c
      consults.value = others
    }
    if (!LIVE_PHASES.has(call.phase)) return true
    calls.value = { ...calls.value, [call.callId]: call }
    if (ended.value[call.callId]) {
      const { [call.callId]: _e, ...rest } = ended.value
      void _e
      ended.value = rest
    }
    focusAfter(call)
    return true
  }

  function applyAgentEvent(ev: AgentStateChangedMessage): boolean {
    if (!ev.agent || !seqs.accept(AGENT_KEY, ev.seq)) return false
    agent.value = ev.agent
    return true
  }

  /** Replaces the live state with the server's (first connect and every reconnect). */
  function applySnapshot(snap: SnapshotMessage, localNow = Date.now()): void {
    const server = Date.parse(snap.serverTime)
    if (Number.isFinite(server)) serverOffsetMs.value = server - localNow
    if (snap.agent) agent.value = snap.agent
    seqs.forget(AGENT_KEY)

    const next: Record<string, CallView> = {}
    const nextPops = { ...pops.value }
    for (const entry of snap.calls ?? []) {
      if (!entry?.call?.callId) continue
      seqs.set(entry.call.callId, entry.seq)
      if (entry.pop) nextPops[entry.call.callId] = entry.pop
      if (LIVE_PHASES.has(entry.call.phase)) next[entry.call.callId] = entry.call
    }
    // calls that were live here and are not any more ended while the socket was down
    for (const old of Object.values(calls.value)) {
      if (!next[old.callId]) {
        ended.value = { ...ended.value, [old.callId]: { ...old, phase: 'ENDED' } }
        upsertSession(sessionCallOf({ ...old, phase: 'ENDED' }, localNow))
      }
    }
    for (const id of Object.keys(next)) {
      if (ended.value[id]) {
        const { [id]: _e, ...rest } = ended.value
        void _e
        ended.value = rest
      }
    }
    calls.value = next
    pops.value = nextPops
    consults.value = Object.fromEntries(Object.entries(consults.value).filter(([id]) => next[id]))

    if (!currentCallId.value || !next[currentCallId.value]) {
      currentCallId.value = null
      const best = bestLive()
      if (best) setCurrent(best)
    } else {
      const best = bestLive()
      const cur = next[currentCallId.value]
      if (best && cur.phase !== 'ANSWERED' && next[best].phase === 'ANSWERED') setCurrent(best)
    }
  }

  /** One message of the live channel; unknown types are ignored. */
  function applyMessage(msg: DeskMessage | { type?: string }, localNow = Date.now()): boolean {
    if (!msg || typeof msg !== 'object') return false
    const type = (msg as { type?: string }).type
    if (type === 'Snapshot') {
      applySnapshot(msg as SnapshotMessage, localNow)
      return true
    }
    if (type === 'AgentStateChanged') return applyAgentEvent(msg as AgentStateChangedMessage)
    if ((CALL_EVENT_TYPES as readonly string[]).includes(type ?? '')) return applyCallEvent(msg as CallEventMessage, localNow)
    return false
  }

  function setAgent(next: DeskAgent | null): void {
    agent.value = next
  }

  function setMe(next: DeskMe | null): void {
    me.value = next
  }

  function setPop(pop: ScreenPop): void {
    pops.value = { ...pops.value, [pop.callId]: pop }
  }

  /** The session list from GET /api/desk/calls; calls that ended here since are kept too. */
  function loadSessionCalls(list: SessionCall[]): void {
    const byId = new Map<string, SessionCall>()
    for (const c of list) byId.set(c.callId, c)
    for (const c of sessionCalls.value) if (!byId.has(c.callId)) byId.set(c.callId, c)
    sessionCalls.value = [...byId.values()]
      .sort((a, b) => Date.parse(b.startedAt) - Date.parse(a.startedAt))
      .slice(0, MAX_SESSION_CALLS)
  }

  function setSessionNote(callId: string, text: string): void {
    const i = sessionCalls.value.findIndex((c) => c.callId === callId)
    if (i >= 0) {
      const list = sessionCalls.value.slice()
      list[i] = { ...list[i], note: text }
      sessionCalls.value = list
    }
  }

  function select(callId: string | null): void {
    selectedCallId.value = callId
  }

  function setConnection(state: ConnectionState, attempt = 0, delayMs = 0): void {
    connection.value = state
    reconnectAttempt.value = attempt
    reconnectDelayMs.value = delayMs
  }

  /** Seconds of wrap-up left, or null when not in wrap-up. */
  function wrapUpRemaining(localNow: number): number | null {
    const a = agent.value
    if (!a || a.state !== 'WRAP_UP') return null
    return secondsUntil(a.wrapUpUntil, localNow, serverOffsetMs.value) ?? 0
  }

  function lastSeq(callId: string): number | undefined {
    return seqs.get(callId)
  }

  return {
    me,
    agent,
    calls,
    ended,
    consults,
    pops,
    picked,
    sessionCalls,
    currentCallId,
    selectedCallId,
    serverOffsetMs,
    connection,
    reconnectAttempt,
    reconnectDelayMs,
    sessionExpired,
    noSeat,
    mySeat,
    liveCalls,
    currentCall,
    selectedCall,
    selectedSessionCall,
    selectedPop,
    selectedMatch,
    ringingCalls,
    isMine,
    matchOf,
    pickMatch,
    applyMessage,
    applySnapshot,
    applyCallEvent,
    applyAgentEvent,
    setAgent,
    setMe,
    setPop,
    loadSessionCalls,
    setSessionNote,
    select,
    setConnection,
    wrapUpRemaining,
    lastSeq,
  }
})

export type DeskStore = ReturnType<typeof useDeskStore>
