// The admin console at /admin/.
import { createApp, watch } from 'vue'
import { createPinia } from 'pinia'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import { configureApi } from '@/shared/api'
import { useAuthStore } from '@/shared/auth'
import { currentLocale, i18n } from '@/shared/i18n'
import App from './App.vue'
import { router } from './router'
import './admin.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia).use(i18n).use(router).use(ElementPlus)

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

const syncTitle = () => {
  document.title = `${i18n.global.t('app.name')} · ${i18n.global.t('app.adminTitle')}`
  document.documentElement.lang = currentLocale()
}
syncTitle()
// labels such as roleLabel come from the server in the chosen language
watch(i18n.global.locale, () => {
  syncTitle()
  const auth = useAuthStore(pinia)
  if (auth.me) void auth.load().catch(() => undefined)
})

app.mount('#app')
