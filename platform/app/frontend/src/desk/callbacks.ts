// The agent's open callback tasks (B2): read on start, after every (re)connect and whenever the live
// channel says one of them changed; closed here with an outcome, or called back through the dial dialog
// (an answered call back closes the task on the server).
import { reactive } from 'vue'
import { http, type RequestOptions } from '../api/client'

export interface CallbackTask {
  id: number
  caller: string
  source: 'MISSED' | 'ABANDONED' | 'VOICEMAIL'
  lastCallId: string
  missedCalls: number
  ownerSeat: string | null
  status: 'OPEN' | 'DONE'
  dueAt: string
  createdAt: string
  attempts: number
  closedBy: string | null
  outcome: string | null
  version: number
}

/** A message one of the task's calls left. */
export interface TaskVoicemail {
  id: number
  callId: string
  recordedAt: string
  durationMs: number
  heardBy: string | null
}

export const CLOSE_OUTCOMES = ['CALLED_BACK', 'RESOLVED', 'NO_NEED', 'UNREACHABLE', 'WRONG_NUMBER'] as const

export const callbackApi = {
  mine: (opts?: RequestOptions) => http.get<CallbackTask[]>('/api/callbacks?mine=true', opts),
  open: (opts?: RequestOptions) => http.get<CallbackTask[]>('/api/callbacks', opts),
  close: (task: CallbackTask, outcome: string, note?: string) =>
    http.post<{ task: CallbackTask }>(`/api/callbacks/${task.id}/close`, { outcome, note, version: task.version }),
  voicemails: (taskId: number) => http.get<TaskVoicemail[]>(`/api/callbacks/${taskId}/voicemails`),
  voicemailLink: (taskId: number, voicemailId: number) =>
    http.post<{ url: string; expiresAt: string }>(`/api/callbacks/${taskId}/voicemails/${voicemailId}/links`, { use: 'PLAY' }),
}

/** A signed link to the task's latest message, or null when its calls left none. */
export async function latestVoicemailLink(taskId: number): Promise<string | null> {
  const messages = await callbackApi.voicemails(taskId)
  const latest = messages[messages.length - 1]
  return latest ? (await callbackApi.voicemailLink(taskId, latest.id)).url : null
}

export const callbacks = reactive({ tasks: [] as CallbackTask[], loaded: false })

export async function refreshCallbacks(): Promise<void> {
  try {
    callbacks.tasks = await callbackApi.mine({ quiet: true })
    callbacks.loaded = true
  } catch {
    // kept as it was; the next change or reconnect reads it again
  }
}

/** Seconds until the task is due (negative: overdue). */
export function secondsLeft(task: Pick<CallbackTask, 'dueAt'>, now: number, offsetMs = 0): number {
  return Math.round((Date.parse(task.dueAt) - (now + offsetMs)) / 1000)
}
