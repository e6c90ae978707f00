import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { i18n, setLocale } from '@/shared/i18n'
import AuditPage from '@/admin/access/AuditPage.vue'

const fetchMock = vi.fn()

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } })
}

function entry(seq: number, result: string) {
  return {
    seq,
    occurredAt: '2030-05-01T02:30:00Z',
    actor: 'meiling',
    action: 'auth.login',
    objectType: 'Account',
    objectId: null,
    result,
    sourceAddress: '10.0.0.8',
    detail: null,
    hash: 'ab'.repeat(32),
  }
}

async function page() {
  const wrapper = mount(AuditPage, { global: { plugins: [ElementPlus, i18n] } })
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  setLocale('zh-CN')
  fetchMock.mockReset()
  vi.stubGlobal('fetch', fetchMock)
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('audit page', () => {
  it('labels SUCCESS, FAILURE and DENIED each with their own tag', async () => {
    fetchMock.mockResolvedValue(
      json({ content: [entry(3, 'DENIED'), entry(2, 'FAILURE'), entry(1, 'SUCCESS')], page: 0, size: 20, totalElements: 3, totalPages: 1 }),
    )
    const wrapper = await page()
    const tags = wrapper.get('[data-testid="audit-table"]').findAll('.el-tag')
    expect(tags.map((t) => t.text())).toEqual(['拒绝', '失败', '成功'])
    expect(tags.map((t) => ['warning', 'danger', 'success'].find((type) => t.classes(`el-tag--${type}`)))).toEqual(['warning', 'danger', 'success'])
  })

  it("shows the server's verification message once, with the first broken entry", async () => {
    const message = '审计日志被篡改：第 7 条的内容与其哈希不符'
    fetchMock
      .mockResolvedValueOnce(json({ content: [], page: 0, size: 20, totalElements: 0, totalPages: 0 }))
      .mockResolvedValueOnce(json({ intact: false, checked: 12, firstBrokenSeq: 7, message }))
    const wrapper = await page()
    await wrapper.get('[data-testid="audit-verify"]').trigger('click')
    await flushPromises()
    // (in the browser the test id lands on .el-alert itself; here on the stubbed <transition>)
    const alert = wrapper.get('[data-testid="audit-verification"] .el-alert')
    expect(alert.classes()).toContain('el-alert--error')
    expect(alert.text().split(message).length - 1).toBe(1)
    expect(alert.get('[data-testid="audit-first-broken-seq"]').text()).toBe('首个异常记录：序号 7（已校验 12 条）')
  })

  it('an intact log shows just the server message', async () => {
    const message = '审计日志完整：已校验 12 条，哈希链未断'
    fetchMock
      .mockResolvedValueOnce(json({ content: [], page: 0, size: 20, totalElements: 0, totalPages: 0 }))
      .mockResolvedValueOnce(json({ intact: true, checked: 12, firstBrokenSeq: null, message }))
    const wrapper = await page()
    await wrapper.get('[data-testid="audit-verify"]').trigger('click')
    await flushPromises()
    // (in the browser the test id lands on .el-alert itself; here on the stubbed <transition>)
    const alert = wrapper.get('[data-testid="audit-verification"] .el-alert')
    expect(alert.classes()).toContain('el-alert--success')
    expect(alert.text()).toBe(message)
  })
})
