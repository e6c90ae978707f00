import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { notificationApi, refreshUnread, routeInApp, useUnreadCount } from '@/shared/notifications'

describe('routeInApp', () => {
  it('keeps a link inside the app it belongs to', () => {
    expect(routeInApp('/m/registration', 'm')).toBe('/registration')
    expect(routeInApp('/admin/my-partner-units', 'admin')).toBe('/my-partner-units')
  })

  it('does not follow a link into the other app or nowhere', () => {
    expect(routeInApp('/m/registration', 'admin')).toBeNull()
    expect(routeInApp(null, 'm')).toBeNull()
    expect(routeInApp('/mobile', 'm')).toBeNull()
    expect(routeInApp('/m', 'm')).toBe('/')
  })
})

describe('unread badge', () => {
  const fetchMock = vi.fn()
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock)
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    fetchMock.mockReset()
  })

  it('shows the server count and keeps the last figure when a refresh fails', async () => {
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ unread: 3 }), { status: 200 }))
    await refreshUnread()
    // useUnreadCount outside a component only hands out the shared ref
    const { unread } = withoutLifecycle(() => useUnreadCount())
    expect(unread.value).toBe(3)
    fetchMock.mockRejectedValueOnce(new TypeError('offline'))
    await refreshUnread()
    expect(unread.value).toBe(3)
    expect(String(fetchMock.mock.calls[0][0])).toContain('/api/v1/notifications/unread-count')
  })

  it('marks one read with a POST carrying the CSRF header when the cookie is there', async () => {
    document.cookie = 'XSRF-TOKEN=abc'
    fetchMock.mockResolvedValueOnce(new Response(JSON.stringify({ id: 7, read: true }), { status: 200 }))
    await notificationApi.read(7)
    const [url, init] = fetchMock.mock.calls[0]
    expect(String(url)).toContain('/api/v1/notifications/7/read')
    expect(init.method).toBe('POST')
    expect(init.headers['X-XSRF-TOKEN']).toBe('abc')
  })
})

function withoutLifecycle<T>(fn: () => T): T {
  const warn = console.warn
  console.warn = () => undefined
  try {
    return fn()
  } finally {
    console.warn = warn
  }
}
