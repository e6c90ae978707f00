import { beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import Vant from 'vant'
import { i18n, setLocale } from '@/shared/i18n'
import { useAuthStore } from '@/shared/auth'
import { P } from '@/shared/permissions'
import type { Me } from '@/shared/types'
import HomePage from '@/mobile/home/HomePage.vue'

function grant(id: number, roleLabel: string, areaName: string) {
  return { id, role: 'BUILDING_LEADER', roleLabel, areaId: id, areaName, areaLevel: 'BUILDING' }
}

function home(me: Me) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useAuthStore().me = me
  return mount(HomePage, { global: { plugins: [pinia, i18n, Vant] } })
}

beforeEach(() => setLocale('zh-CN'))

describe('mobile home', () => {
  it('lists each role with its place under the tiles', () => {
    const wrapper = home({
      id: 7,
      username: 'laozhang',
      displayName: '张建国',
      roles: [grant(1, '楼栋长', '北江社区第一网格 3 栋'), grant(2, '楼栋长', '北江社区第一网格 5 栋')],
      permissions: [P.areaRead],
    })
    expect(wrapper.findAll('[data-testid^="m-tile-"]').map((t) => t.attributes('data-testid'))).toEqual(['m-tile-areas', 'm-tile-me'])
    const identity = wrapper.get('[data-testid="m-home-identity"]')
    expect(identity.text()).toContain('我的身份')
    const cells = identity.findAll('.van-cell').map((c) => [c.get('.van-cell__title').text(), c.get('.van-cell__value').text()])
    expect(cells).toEqual([
      ['楼栋长', '北江社区第一网格 3 栋'],
      ['楼栋长', '北江社区第一网格 5 栋'],
    ])
  })

  it('says so when the account has no role', () => {
    const wrapper = home({ id: 8, username: 'nobody', displayName: '无角色', roles: [], permissions: [] })
    expect(wrapper.get('[data-testid="m-home-identity"]').text()).toContain('暂无角色')
  })
})
