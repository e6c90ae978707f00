// The mobile H5 at /m/.
import { createApp, watch } from 'vue'
import { createPinia } from 'pinia'
import Vant, { Locale as VantLocale } from 'vant'
import 'vant/lib/index.css'
import './vant-icon.css'
import vantZhCN from 'vant/es/locale/lang/zh-CN'
import vantEnUS from 'vant/es/locale/lang/en-US'
import { configureApi } from '@/shared/api'
import { useAuthStore } from '@/shared/auth'
import { currentLocale, i18n } from '@/shared/i18n'
import App from './App.vue'
import { router } from './router'
import './mobile.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia).use(i18n).use(router).use(Vant)

configureApi({
  locale: currentLocale,
  onUnauthorized: () => {
    useAuthStore(pinia).forget()
    const current = router.currentRoute.value
    if (current.name !== 'login') {
      void router.push({ name: 'login', query: { redirect: current.fullPath, expired: '1' } })
    }
  },
})

function applyLocale(): void {
  const locale = currentLocale()
  if (locale === 'en') VantLocale.use('en-US', vantEnUS)
  else VantLocale.use('zh-CN', vantZhCN)
  document.title = `${i18n.global.t('app.name')} · ${i18n.global.t('app.taglineShort')}`
  document.documentElement.lang = locale
}
applyLocale()
watch(i18n.global.locale, () => {
  applyLocale()
  // role labels come from the server in the chosen language
  const auth = useAuthStore(pinia)
  if (auth.me) void auth.load().catch(() => undefined)
})

app.mount('#app')
