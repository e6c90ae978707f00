// The signed-in account's inbox (console and mobile): API calls and a shared unread badge that refreshes
// every minute while the page is visible.
import { onBeforeUnmount, onMounted, ref } from 'vue'
import { request } from './api'
import type { Page } from './types'

export interface NotificationItem {
  id: number
  kind: string
  title: string
  body: string
  link: string | null
  createdAt: string
  read: boolean
}

export const notificationApi = {
  list: (query: { unread?: boolean; page?: number; size?: number } = {}) =>
    request<Page<NotificationItem>>('/notifications', { query }),
  unreadCount: () => request<{ unread: number }>('/notifications/unread-count'),
  read: (id: number) => request<NotificationItem>(`/notifications/${id}/read`, { method: 'POST' }),
  readAll: () => request<{ marked: number }>('/notifications/read-all', { method: 'POST' }),
}

const unread = ref(0)

export async function refreshUnread(): Promise<void> {
  try {
    unread.value = (await notificationApi.unreadCount()).unread
  } catch {
    // the badge is a hint: a failed refresh keeps the last figure
  }
}

/** The unread count, refreshed on mount, every minute while visible, and on demand. */
export function useUnreadCount(intervalMs = 60_000) {
  let timer: ReturnType<typeof setInterval> | undefined
  const onVisible = () => {
    if (document.visibilityState === 'visible') void refreshUnread()
  }
  onMounted(() => {
    void refreshUnread()
    timer = setInterval(onVisible, intervalMs)
    document.addEventListener('visibilitychange', onVisible)
  })
  onBeforeUnmount(() => {
    if (timer) clearInterval(timer)
    document.removeEventListener('visibilitychange', onVisible)
  })
  return { unread, refresh: refreshUnread }
}

/** Where a notification leads inside one app: links are written /admin/... or /m/...; others stay put. */
export function routeInApp(link: string | null, app: 'admin' | 'm'): string | null {
  const prefix = `/${app}`
  if (!link || (link !== prefix && !link.startsWith(`${prefix}/`))) return null
  return link.slice(prefix.length) || '/'
}
