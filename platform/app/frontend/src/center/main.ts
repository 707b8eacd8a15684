// The call center page (served at /center, built as center.html under /desk/).
import { createApp } from 'vue'
import {
  ElButton,
  ElConfigProvider,
  ElDatePicker,
  ElDialog,
  ElDrawer,
  ElInput,
  ElProgress,
  ElTable,
  ElTableColumn,
} from 'element-plus'
import 'element-plus/dist/index.css'
import '../styles/desk.css'
import './center.css'
import CenterApp from './CenterApp.vue'
import { lang, makeI18n, setLang, storedLang } from '../i18n'

const initial = storedLang()
const i18n = makeI18n(initial)
lang.value = initial
setLang(i18n, initial, false)

const app = createApp(CenterApp, { i18n })
for (const c of [ElButton, ElConfigProvider, ElDatePicker, ElDialog, ElDrawer, ElInput, ElProgress, ElTable, ElTableColumn]) app.use(c)
app.use(i18n).mount('#app')
