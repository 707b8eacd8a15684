// The desk app (served at /desk/).
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import {
  ElButton,
  ElConfigProvider,
  ElDialog,
  ElDrawer,
  ElInput,
  ElOption,
  ElSelect,
} from 'element-plus'
import 'element-plus/dist/index.css'
import './styles/desk.css'
import DeskApp from './DeskApp.vue'
import { lang, makeI18n, setLang, storedLang } from './i18n'

const initial = storedLang()
const i18n = makeI18n(initial)
lang.value = initial
setLang(i18n, initial, false)

const app = createApp(DeskApp, { i18n })
for (const c of [ElButton, ElConfigProvider, ElDialog, ElDrawer, ElInput, ElOption, ElSelect]) app.use(c)
app.use(createPinia()).use(i18n).mount('#app')
