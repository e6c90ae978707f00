import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, areaApi, authApi, configureApi, request } from '@/shared/api'

function answer(status: number, body?: unknown, contentType = 'application/json'): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': contentType },
  })
}

const fetchMock = vi.fn()

function lastCall(): { url: string; init: RequestInit; headers: Record<string, string> } {
  const [url, init] = fetchMock.mock.calls.at(-1) as [string, RequestInit]
  return { url, init, headers: init.headers as Record<string, string> }
}

beforeEach(() => {
  fetchMock.mockReset()
  vi.stubGlobal('fetch', fetchMock)
  document.cookie = 'XSRF-TOKEN=token-123; path=/'
  configureApi({ locale: () => 'zh-CN', onUnauthorized: () => undefined })
})

afterEach(() => {
  vi.unstubAllGlobals()
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/'
})

describe('api client', () => {
  it('echoes the XSRF-TOKEN cookie in X-XSRF-TOKEN on a write', async () => {
    fetchMock.mockResolvedValue(answer(201, { id: 7 }))
    await areaApi.create({ parentId: 1, level: 'GRID', name: '第一网格' })
    const { url, init, headers } = lastCall()
    expect(url).toBe('/api/v1/areas')
    expect(init.method).toBe('POST')
    expect(headers['X-XSRF-TOKEN']).toBe('token-123')
    expect(headers['Content-Type']).toBe('application/json')
    expect(JSON.parse(init.body as string)).toEqual({ parentId: 1, level: 'GRID', name: '第一网格' })
  })

  it('sends the token on DELETE and PUT too', async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }))
    await areaApi.remove(3)
    expect(lastCall().init.method).toBe('DELETE')
    expect(lastCall().headers['X-XSRF-TOKEN']).toBe('token-123')
    fetchMock.mockResolvedValue(answer(200, { id: 3 }))
    await areaApi.update(3, { name: 'x', version: 1 })
    expect(lastCall().headers['X-XSRF-TOKEN']).toBe('token-123')
  })

  it('does not send the token on a GET', async () => {
    fetchMock.mockResolvedValue(answer(200, []))
    await areaApi.roots()
    const { init, headers } = lastCall()
    expect(init.method).toBe('GET')
    expect(headers['X-XSRF-TOKEN']).toBeUndefined()
  })

  it('sends same-origin credentials and the chosen locale as Accept-Language', async () => {
    configureApi({ locale: () => 'en' })
    fetchMock.mockResolvedValue(answer(200, []))
    await areaApi.levels()
    const { init, headers } = lastCall()
    expect(init.credentials).toBe('same-origin')
    expect(headers['Accept-Language']).toBe('en')
  })

  it('puts the query in the URL and leaves out empty values', async () => {
    fetchMock.mockResolvedValue(answer(200, { content: [], page: 0, size: 20, totalElements: 0, totalPages: 0 }))
    await areaApi.list({ level: 'COMMUNITY', q: '', page: 0, size: 20 })
    expect(lastCall().url).toBe('/api/v1/areas?level=COMMUNITY&page=0&size=20')
  })

  it('turns a ProblemDetail 400 into an ApiError with its field errors', async () => {
    fetchMock.mockResolvedValue(
      answer(
        400,
        {
          type: 'https://lianxin.org/problems/validation',
          title: 'Bad Request',
          status: 400,
          detail: '输入有误',
          errors: [
            { field: 'name', message: '不能为空' },
            { field: 'code', message: '长度不能超过 50' },
          ],
        },
        'application/problem+json',
      ),
    )
    const error = await areaApi.create({ parentId: 1, level: 'GRID', name: '' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    const apiError = error as ApiError
    expect(apiError.status).toBe(400)
    expect(apiError.kind).toBe('validation')
    expect(apiError.detail).toBe('输入有误')
    expect(apiError.fieldErrors).toEqual({ name: '不能为空', code: '长度不能超过 50' })
  })

  it('keeps lockedUntil of a 423 account-locked answer', async () => {
    fetchMock.mockResolvedValue(
      answer(423, { type: 'https://lianxin.org/problems/account-locked', status: 423, detail: '账号已锁定', lockedUntil: '2030-01-01T08:30:00Z' }),
    )
    const error = (await authApi.login({ username: 'a', password: 'b' }).catch((e: unknown) => e)) as ApiError
    expect(error.kind).toBe('account-locked')
    expect(error.lockedUntil).toBe('2030-01-01T08:30:00Z')
  })

  it('calls the login redirect on 401', async () => {
    const onUnauthorized = vi.fn()
    configureApi({ onUnauthorized })
    fetchMock.mockResolvedValue(answer(401, { type: 'https://lianxin.org/problems/unauthenticated', status: 401 }))
    await expect(areaApi.roots()).rejects.toBeInstanceOf(ApiError)
    expect(onUnauthorized).toHaveBeenCalledOnce()
  })

  it('does not redirect when the login call itself answers 401', async () => {
    const onUnauthorized = vi.fn()
    configureApi({ onUnauthorized })
    fetchMock.mockResolvedValue(answer(401, { type: 'https://lianxin.org/problems/bad-credentials', status: 401, detail: '用户名或密码错误' }))
    const error = (await authApi.login({ username: 'a', password: 'b' }).catch((e: unknown) => e)) as ApiError
    expect(error.detail).toBe('用户名或密码错误')
    expect(onUnauthorized).not.toHaveBeenCalled()
  })

  it('reports a network failure as status 0', async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    const error = (await request('/auth/me').catch((e: unknown) => e)) as ApiError
    expect(error.status).toBe(0)
    expect(error.kind).toBe('network')
  })

  it('copes with an error answer that is not JSON', async () => {
    fetchMock.mockResolvedValue(new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }))
    const error = (await areaApi.roots().catch((e: unknown) => e)) as ApiError
    expect(error.status).toBe(502)
    expect(error.errors).toEqual([])
  })

  it('fetches every page of children', async () => {
    fetchMock
      .mockResolvedValueOnce(answer(200, { content: [{ id: 1 }], page: 0, size: 100, totalElements: 2, totalPages: 2 }))
      .mockResolvedValueOnce(answer(200, { content: [{ id: 2 }], page: 1, size: 100, totalElements: 2, totalPages: 2 }))
    const children = await areaApi.children(9)
    expect(children.map((c) => c.id)).toEqual([1, 2])
    expect(fetchMock.mock.calls[1][0]).toBe('/api/v1/areas?parentId=9&page=1&size=100')
  })
})
