import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import ElementPlus from 'element-plus'
import { i18n, setLocale } from '@/shared/i18n'
import { formatDateTime } from '@/shared/format'
import LoginForm from '@/admin/access/LoginForm.vue'

const fetchMock = vi.fn()

function problem(status: number, body: object): Response {
  return new Response(JSON.stringify({ status, ...body }), {
    status,
    headers: { 'Content-Type': 'application/problem+json' },
  })
}

async function submit(username: string, password: string) {
  const wrapper = mount(LoginForm, { global: { plugins: [ElementPlus, i18n] } })
  await wrapper.get('[data-testid="login-username"]').setValue(username)
  await wrapper.get('[data-testid="login-password"]').setValue(password)
  await wrapper.get('form').trigger('submit')
  await flushPromises()
  await flushPromises()
  return wrapper
}

beforeEach(() => {
  setActivePinia(createPinia())
  setLocale('zh-CN')
  fetchMock.mockReset()
  vi.stubGlobal('fetch', fetchMock)
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

describe('login form', () => {
  it('shows the server message of a 423 with the local unlock time', async () => {
    const lockedUntil = '2030-05-01T02:30:00Z'
    fetchMock.mockResolvedValue(
      problem(423, {
        type: 'https://lianxin.org/problems/account-locked',
        title: 'Locked',
        detail: '连续登录失败次数过多，账号已锁定',
        lockedUntil,
      }),
    )
    const wrapper = await submit('meiling', 'wrong-password')
    const error = wrapper.get('[data-testid="login-error"]')
    expect(error.text()).toContain('连续登录失败次数过多，账号已锁定')
    expect(error.text()).toContain(`解锁时间：${formatDateTime(lockedUntil, 'zh-CN')}`)
    expect(wrapper.emitted('success')).toBeUndefined()
  })

  it('shows the server message of a 401', async () => {
    fetchMock.mockResolvedValue(problem(401, { type: 'https://lianxin.org/problems/bad-credentials', detail: '用户名或密码错误' }))
    const wrapper = await submit('meiling', 'wrong-password')
    expect(wrapper.get('[data-testid="login-error"]').text()).toContain('用户名或密码错误')
  })

  it('emits success with the Me answer', async () => {
    const me = { id: 1, username: 'meiling', displayName: '梅玲', roles: [], permissions: [] }
    fetchMock.mockResolvedValue(new Response(JSON.stringify(me), { status: 200, headers: { 'Content-Type': 'application/json' } }))
    const wrapper = await submit('meiling', 'Right-Passw0rd')
    expect(wrapper.emitted('success')?.[0]).toEqual([me])
    expect(wrapper.find('[data-testid="login-error"]').exists()).toBe(false)
    const [url, init] = fetchMock.mock.calls[0] as [string, RequestInit]
    expect(url).toBe('/api/v1/auth/login')
    expect(JSON.parse(init.body as string)).toEqual({ username: 'meiling', password: 'Right-Passw0rd' })
  })

  it('asks for the username before calling the server', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined) // async-validator reports to the console
    const wrapper = await submit('', '')
    expect(fetchMock).not.toHaveBeenCalled()
    // Element Plus shows a field's message after a short debounce
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(wrapper.text()).toContain('请输入用户名')
  })

  it('asks for the authenticator code when the account has a second factor, then logs in with it', async () => {
    const me = { id: 1, username: 'auditor', displayName: '钱立', roles: [], permissions: ['access:audit:read'], totpEnabled: true }
    fetchMock
      .mockResolvedValueOnce(problem(401, { type: 'https://lianxin.org/problems/totp-required', detail: '请输入动态验证码' }))
      .mockResolvedValueOnce(new Response(JSON.stringify(me), { status: 200, headers: { 'Content-Type': 'application/json' } }))
    const wrapper = await submit('auditor', 'Lianxin@2026')

    expect(wrapper.find('[data-testid="login-error"]').exists()).toBe(false)
    await wrapper.get('[data-testid="login-totp-code"]').setValue('123456')
    await wrapper.get('form').trigger('submit')
    await flushPromises()
    await flushPromises()

    const [url, init] = fetchMock.mock.calls[1]
    expect(String(url)).toContain('/api/v1/auth/login/totp')
    expect(JSON.parse(String(init.body))).toEqual({ code: '123456' })
    expect(wrapper.emitted('success')?.[0]).toEqual([me])
  })

  it('refuses a code that is not six digits without asking the server', async () => {
    fetchMock.mockResolvedValueOnce(problem(401, { type: 'https://lianxin.org/problems/totp-required', detail: '' }))
    const wrapper = await submit('auditor', 'Lianxin@2026')
    await wrapper.get('[data-testid="login-totp-code"]').setValue('12a')
    await wrapper.get('form').trigger('submit')
    await flushPromises()

    expect(fetchMock).toHaveBeenCalledTimes(1)
    expect(wrapper.get('[data-testid="login-error"]').text()).toContain('6 位')
  })
})
