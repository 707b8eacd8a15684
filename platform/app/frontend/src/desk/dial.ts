// Click-to-call: any `.dial` number opens the dial dialog through this shared state.
import { reactive } from 'vue'

export const dialState = reactive({ open: false, number: '' })

export function openDial(number: string): void {
  if (!number) return
  dialState.number = number
  dialState.open = true
}
