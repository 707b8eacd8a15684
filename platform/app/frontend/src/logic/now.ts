// One shared clock for every timer on the page, ticking once a second (aligned to the second, so
// all timers change together and nothing flickers).
import { onScopeDispose, ref, type Ref } from 'vue'

const now = ref(Date.now())
let users = 0
let timer: ReturnType<typeof setTimeout> | null = null

function tick() {
  now.value = Date.now()
  timer = setTimeout(tick, 1000 - (now.value % 1000) + 5)
}

/** The current time (ms), updated every second while some component uses it. */
export function useNow(): Ref<number> {
  users += 1
  if (timer === null) tick()
  else now.value = Date.now()
  onScopeDispose(() => {
    users -= 1
    if (users === 0 && timer !== null) {
      clearTimeout(timer)
      timer = null
    }
  })
  return now
}
