import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import Vant from 'vant'
import { i18n, setLocale } from '@/shared/i18n'
import { useAuthStore } from '@/shared/auth'
import { P } from '@/shared/permissions'
import type { MailboxMessageView } from '@/shared/leaders'

const letters: MailboxMessageView[] = [
  {
    id: 1, buildingId: 9, buildingName: '1座', compoundName: '时代城小区', writerName: '匿名居民', doorNumber: null, phone: null,
    anonymous: true, text: '楼道声控灯坏了', photoIds: [], state: 'NEW', overdue: true, answer: null, answeredBy: null,
    answeredAt: null, handedOverTo: null, handedOverBy: null, closedAt: null, createdAt: '2026-11-20T08:00:00Z', mine: false,
    canAnswer: true, canHandle: true, version: 0,
  },
]

vi.mock('@/shared/leaders', async (original) => ({
  ...(await original<typeof import('@/shared/leaders')>()),
  mailboxApi: {
    list: vi.fn(async () => ({ content: letters, page: 0, size: 50, totalElements: 1, totalPages: 1 })),
    photoUrl: (id: number, photo: number) => `/api/v1/mailbox-messages/${id}/photos/${photo}`,
  },
}))

import MailboxPage from '@/mobile/member/MailboxPage.vue'

function page(permissions: string[]) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().me = { id: 3, username: 'louzhang', displayName: '林志强', roles: [], permissions }
  return mount(MailboxPage, { global: { plugins: [pinia, i18n, Vant], stubs: { 'router-link': true }, mocks: { $router: {} } } })
}

beforeEach(() => setLocale('zh-CN'))

describe('building mailbox on the phone', () => {
  it('shows the leader an anonymous, overdue letter with an answer box and no writing form', async () => {
    const wrapper = page([P.mailboxUse])
    await flushPromises()
    expect(wrapper.find('[data-testid="m-mailbox-form"]').exists()).toBe(false)
    const item = wrapper.get('[data-testid="m-letter-item"]')
    expect(item.text()).toContain('匿名居民')
    expect(item.text()).toContain('超时未回复')
    expect(item.find('[data-testid="m-answer-send"]').exists()).toBe(true)
  })

  it('gives a resident the writing form', async () => {
    const wrapper = page([P.mailboxUse, P.householdOwn])
    await flushPromises()
    expect(wrapper.find('[data-testid="m-mailbox-form"]').exists()).toBe(true)
  })
})
