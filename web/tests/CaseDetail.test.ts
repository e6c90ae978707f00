import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import Vant from 'vant'
import { i18n, setLocale } from '@/shared/i18n'
import { ApiError } from '@/shared/api'
import type { CaseStep, CaseView } from '@/shared/cases'

const step = (action: string, toState: CaseStep['toState'], by: string | null, at: string, comment: string | null = null): CaseStep =>
  ({ action, fromState: null, toState, by, at, comment, photoIds: [] })

function aCase(changes: Partial<CaseView> = {}): CaseView {
  return {
    id: 7, category: 'FACILITY', categoryLabel: '设施设备', description: '楼道声控灯不亮', address: '时代城小区2座', channel: 'RESIDENT',
    longitude: 112.9, latitude: 23.15, gridName: '第1网格微网格1', level: 'GRID', responsibleName: '吴海', state: 'CLOSED',
    stateSince: '2026-11-20T08:00:00Z', deadline: '2026-11-21T08:00:00Z', deadlineStatus: 'GREEN', reporterName: '陈美玲',
    reportedAt: '2026-11-18T08:00:00Z', closedAt: '2026-11-20T08:00:00Z', rating: null, ratingComment: null, rejectReason: null,
    rejectRedirect: null, duplicateOf: null, urgeCount: 0, supervisionOpen: false, photoIds: [], mine: true,
    reopenUntil: '2099-11-27T08:00:00Z', actions: ['rate', 'reopen'], version: 3,
    steps: [
      step('report', 'REPORTED', null, '2026-11-18T08:00:00Z'),
      step('handle', 'HANDLED', '吴海（网格员）', '2026-11-19T08:00:00Z', '已更换灯泡'),
      step('close', 'CLOSED', '孙悦（社区工作者）', '2026-11-20T08:00:00Z'),
      step('return-visit', 'CLOSED', '孙悦（社区工作者）', '2026-11-21T08:00:00Z', '电话回访，满意'),
    ],
    ...changes,
  }
}

const api = vi.hoisted(() => ({ get: vi.fn(), step: vi.fn() }))
vi.mock('@/shared/cases', async (original) => ({
  ...(await original<typeof import('@/shared/cases')>()),
  caseApi: { get: api.get, step: api.step, photoUrl: (id: number, photo: number) => `/api/v1/cases/${id}/photos/${photo}` },
}))

import CaseDetail from '@/mobile/casework/CaseDetail.vue'

function detail(handles = false) {
  return mount(CaseDetail, { props: { caseId: 7, handles }, global: { plugins: [i18n, Vant], stubs: { teleport: true } } })
}

const labels = (wrapper: ReturnType<typeof detail>) => wrapper.findAll('[data-testid="m-case-step"] strong').map((s) => s.text())

beforeEach(() => {
  setLocale('zh-CN')
  api.get.mockReset()
  api.step.mockReset()
})

describe('the case detail on the phone', () => {
  it('shows every step newest on top, the comments, and 反映人 where the API gives no name', async () => {
    api.get.mockResolvedValue(aCase())
    const wrapper = detail()
    await flushPromises()
    expect(labels(wrapper)).toEqual(['社区已回访', '结案', '处置反馈', '上报'])
    const steps = wrapper.findAll('[data-testid="m-case-step"]')
    expect(steps[0].text()).toContain('电话回访，满意')
    expect(steps[2].text()).toContain('已更换灯泡')
    expect(steps[3].text()).toContain('反映人')
    // a reporter sees no deadline; 申请重办 with its time
    expect(wrapper.find('[data-testid="m-case-detail-deadline"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="m-case-detail-actions"]').text()).toContain('前申请重办')
  })

  it('shows a handler the deadline with its tag', async () => {
    api.get.mockResolvedValue(aCase({ state: 'HANDLING', deadlineStatus: 'RED', actions: ['handle', 'escalate'], mine: false }))
    const wrapper = detail(true)
    await flushPromises()
    expect(wrapper.get('[data-testid="m-case-detail-deadline"]').text()).toContain('超时')
    expect(wrapper.find('[data-testid="m-case-detail-handle"]').exists()).toBe(true)
  })

  it('says why it could not load, and loads again on request', async () => {
    api.get.mockRejectedValueOnce(new ApiError(404, { detail: '事件不存在' })).mockResolvedValueOnce(aCase())
    const wrapper = detail()
    await flushPromises()
    const error = wrapper.get('[data-testid="m-case-detail-error"]')
    expect(error.text()).toContain('事件不存在')
    await error.get('button').trigger('click')
    await flushPromises()
    expect(api.get).toHaveBeenCalledTimes(2)
    expect(labels(wrapper)[0]).toBe('社区已回访')
  })

  it('rates from the detail and shows the rating on top of the steps', async () => {
    api.get.mockResolvedValue(aCase())
    const rated = aCase({ state: 'RATED', rating: 4, ratingComment: '修好了', actions: [] })
    rated.steps = [...rated.steps!, step('rate', 'RATED', '陈美玲（居民）', '2026-11-22T08:00:00Z', '4★ 修好了')]
    api.step.mockResolvedValue(rated)
    const wrapper = detail()
    await flushPromises()
    await wrapper.get('[data-testid="m-case-detail-rate"]').trigger('click')
    await wrapper.findAll('[data-testid="m-case-detail-stars"] .van-rate__item')[3].trigger('click')
    await wrapper.get('[data-testid="m-case-detail-step-text"] textarea').setValue('修好了')
    await wrapper.get('[data-testid="m-case-detail-step-send"]').trigger('click')
    await flushPromises()
    expect(api.step).toHaveBeenCalledWith(7, 'rate', { rating: 4, comment: '修好了' })
    expect(labels(wrapper)[0]).toBe('评价')
    expect(wrapper.get('[data-testid="m-case-detail-state"]').text()).toBe('已评价')
    expect(wrapper.find('[data-testid="m-case-detail-actions"]').exists()).toBe(false)
    expect(wrapper.emitted('changed')).toHaveLength(1)
  })
})
