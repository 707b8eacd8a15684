// vue-i18n set-up: Simplified Chinese by default, English switchable, the choice kept in localStorage.
import { createI18n } from 'vue-i18n'
import { ref } from 'vue'
import zhCN from './zh-CN'
import en from './en'

export type Lang = 'zh-CN' | 'en'
export const LANG_KEY = 'calldesk.lang'

export const messages = { 'zh-CN': zhCN, en }

export function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

/** The language of a server-rendered page (its <html lang>). */
export function pageLang(): Lang {
  const lang = document.documentElement.lang || ''
  return lang.toLowerCase().startsWith('en') ? 'en' : 'zh-CN'
}

export function makeI18n(lang: Lang) {
  return createI18n({
    legacy: false,
    locale: lang,
    fallbackLocale: 'zh-CN',
    messages,
    missingWarn: false,
    fallbackWarn: false,
  })
}

/** The desk's current language, reactive (Element Plus follows it too). */
export const lang = ref<Lang>('zh-CN')

export function setLang(i18n: ReturnType<typeof makeI18n>, next: Lang, persist = true): void {
  lang.value = next
  i18n.global.locale.value = next
  document.documentElement.lang = next
  if (persist) {
    try {
      localStorage.setItem(LANG_KEY, next)
    } catch {
      // private mode: not kept
    }
  }
}
