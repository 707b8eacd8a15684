/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

declare module 'element-plus/es/locale/lang/zh-cn' {
  import type { Language } from 'element-plus/es/locale'
  const lang: Language
  export default lang
}

declare module 'element-plus/es/locale/lang/en' {
  import type { Language } from 'element-plus/es/locale'
  const lang: Language
  export default lang
}
