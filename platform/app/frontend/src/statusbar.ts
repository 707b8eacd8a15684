// statusbar.js: the status bar (F24) on the server-rendered pages. Mounts into
// <div id="calldesk-status-bar"> when the page has one, and polls GET /api/agent every 5 s (no socket).
import { createApp, defineComponent, h, onBeforeUnmount, onMounted, ref } from 'vue'
import StatusBar from './components/StatusBar.vue'
import SessionExpired from './components/SessionExpired.vue'
import { ApiError, configureApi, serverClockOffsetMs, sessionRestored, setCsrf, type Csrf } from './api/client'
import { api } from './api/desk'
import type { DeskAgent } from './api/types'
import { useI18n } from 'vue-i18n'
import { makeI18n, pageLang } from './i18n'

const POLL_MS = 5000
const HIDDEN_POLL_MS = 30000

function metaCsrf(): Csrf | null {
  const token = document.querySelector<HTMLMetaElement>('meta[name="_csrf"]')?.content
  const headerName = document.querySelector<HTMLMetaElement>('meta[name="_csrf_header"]')?.content
  return token && headerName ? { headerName, token } : null
}

const Host = defineComponent({
  name: 'CallDeskStatusBarHost',
  setup() {
    const { locale } = useI18n()
    const agent = ref<DeskAgent | null>(null)
    const offset = ref(0)
    const noSeat = ref(false)
    const expired = ref(false)
    const error = ref('')
    let timer: ReturnType<typeof setTimeout> | null = null
    let errorTimer: ReturnType<typeof setTimeout> | null = null

    configureApi({
      notify: (e: ApiError) => {
        error.value = e.text(locale.value)
        if (errorTimer) clearTimeout(errorTimer)
        errorTimer = setTimeout(() => (error.value = ''), 6000)
      },
      sessionExpired: () => {
        expired.value = true
      },
      refreshCsrf: async () => {
        const me = await api.me({ quiet: true })
        setCsrf(me.csrf)
        return me.csrf
      },
    })
    setCsrf(metaCsrf())

    async function poll() {
      try {
        const next = await api.agent({ quiet: true })
        if (expired.value) {
          expired.value = false
          sessionRestored()
        }
        agent.value = next
        offset.value = serverClockOffsetMs()
        noSeat.value = false
      } catch (e) {
        if (e instanceof ApiError && e.code === 'agent.no-seat') {
          noSeat.value = true
          agent.value = null
        }
        if (expired.value) sessionRestored() // keep asking: signing in elsewhere brings the bar back
      }
      schedule()
    }

    function schedule() {
      if (timer) clearTimeout(timer)
      if (noSeat.value) return
      timer = setTimeout(poll, document.hidden ? HIDDEN_POLL_MS : POLL_MS)
    }

    function onVisible() {
      if (!document.hidden && !noSeat.value) void poll()
    }

    onMounted(() => {
      void poll()
      document.addEventListener('visibilitychange', onVisible)
    })
    onBeforeUnmount(() => {
      if (timer) clearTimeout(timer)
      document.removeEventListener('visibilitychange', onVisible)
    })

    return () =>
      noSeat.value
        ? null
        : h('div', { class: 'cd-sb-host' }, [
            expired.value ? h(SessionExpired) : null,
            h(
              StatusBar,
              {
                agent: agent.value,
                offsetMs: offset.value,
                deskLink: !document.getElementById('nav-desk'),
                onChanged: (a: DeskAgent) => (agent.value = a),
              },
              () => (error.value ? h('span', { class: 'cd-sb-error', role: 'alert' }, error.value) : null),
            ),
          ])
  },
})

export function mountStatusBar(target: Element | null = document.getElementById('calldesk-status-bar')): void {
  if (!target || target.hasAttribute('data-mounted')) return
  target.setAttribute('data-mounted', 'true')
  const i18n = makeI18n(pageLang())
  createApp(Host).use(i18n).mount(target)
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => mountStatusBar())
else mountStatusBar()
