import { describe, expect, it } from 'vitest'
import { P, visibleMenu, visibleTiles } from '@/shared/permissions'

const keys = (entries: { key: string }[]) => entries.map((e) => e.key)

describe('admin menu by permission', () => {
  it('a partner unit contact sees only 我的共建', () => {
    expect(keys(visibleMenu([P.partnerUnitOwn]))).toEqual(['my-partner-units'])
  })

  it('a system administrator sees 账号管理 but not 审计日志', () => {
    const systemAdmin = [P.accountRead, P.accountWrite, P.roleAssign, P.areaRead, P.areaWrite]
    const menu = keys(visibleMenu(systemAdmin))
    expect(menu).toContain('accounts')
    expect(menu).not.toContain('audit')
  })

  it('审计日志 appears with access:audit:read', () => {
    expect(keys(visibleMenu([P.accountRead, P.auditRead]))).toEqual(['accounts', 'audit'])
  })

  it('nobody sees anything without permissions', () => {
    expect(visibleMenu([])).toEqual([])
    expect(visibleMenu(undefined)).toEqual([])
  })

  it('each entry has its test hook', () => {
    const all = visibleMenu(Object.values(P))
    expect(all.map((m) => m.testId)).toEqual([
      'menu-areas',
      'menu-org-units',
      'menu-partner-units',
      'menu-my-partner-units',
      'menu-accounts',
      'menu-audit',
      'menu-residents',
      'menu-resident-signups',
      'menu-members',
      'menu-registrations',
      'menu-public-boards',
      'menu-building-leaders',
      'menu-wishes',
      'menu-micro-projects',
      'menu-care',
      'menu-working-calendar',
      'menu-needs',
      'menu-offers',
      'menu-service-tasks',
      'menu-orders',
      'menu-my-offers',
      'menu-points',
      'menu-activities',
      'menu-service-teams',
      'menu-campaigns',
      'menu-cases',
      'menu-return-visits',
      'menu-case-categories',
      'menu-matching-statistics',
      'menu-case-statistics',
      'menu-volunteer-reports',
    ])
  })
})

describe('mobile tiles by permission', () => {
  it('a partner unit contact sees 我的共建 and 账号与安全 only', () => {
    expect(keys(visibleTiles([P.partnerUnitOwn]))).toEqual(['my-partner', 'me'])
  })

  it('everybody has the me tile', () => {
    expect(keys(visibleTiles([]))).toEqual(['me'])
  })

  it('a resident sees 我的家庭', () => {
    expect(keys(visibleTiles([P.householdOwn]))).toEqual(['my-household', 'me'])
  })

  it('a grid worker sees 我的网格 and 区域', () => {
    expect(keys(visibleTiles([P.gridRoleRead, P.areaRead]))).toEqual(['my-grid', 'areas', 'me'])
  })
})

describe('member menu and tile', () => {
  it('community staff see 党员管理, 报到审核 and 公示与责任卡; a grid worker 党员管理 and his grid\'s 公示', () => {
    expect(visibleMenu([P.memberRead, P.registrationReview]).map((m) => m.key)).toEqual(['members', 'registrations', 'public-boards'])
    expect(visibleMenu([P.memberRead]).map((m) => m.key)).toEqual(['members', 'public-boards'])
  })

  it('a member sees 我要报到 and 我的责任卡 on his phone', () => {
    expect(keys(visibleTiles([P.registrationApply]))).toEqual(['registration', 'my-card', 'me'])
  })

  it('a resident sees 党员楼长 (to recommend) and 楼长信箱 (to write)', () => {
    expect(keys(visibleTiles([P.householdOwn, P.leaderNominate, P.mailboxUse]))).toEqual(['my-household', 'leaders', 'mailbox', 'me'])
  })

  it('a member with contact households sees 我的联系户; staff see 联系户与走访 in the console', () => {
    expect(keys(visibleTiles([P.registrationApply, P.careVisitUse]))).toEqual(['registration', 'my-card', 'care', 'me'])
    expect(visibleMenu([P.careContactRead]).map((m) => m.key)).toEqual(['care'])
  })
})

describe('micro-wish menu and tiles', () => {
  it('staff who read wishes get 微心愿 in the console', () => {
    expect(visibleMenu([P.wishRead]).map((m) => m.key)).toEqual(['wishes'])
  })
  it('a member or unit contact who may claim sees the wish wall; a resident sees 我的心愿', () => {
    expect(keys(visibleTiles([P.wishClaim]))).toEqual(['wish-wall', 'me'])
    expect(keys(visibleTiles([P.wishSubmit]))).toEqual(['my-wishes', 'me'])
  })
})

describe('matching (三单) menus and tiles', () => {
  it('a partner unit contact sees his orders and his offers besides 我的共建', () => {
    expect(keys(visibleMenu([P.partnerUnitOwn, P.needTake, P.offerOwn]))).toEqual(['my-partner-units', 'orders', 'my-offers'])
    expect(keys(visibleTiles([P.partnerUnitOwn, P.needTake, P.offerOwn]))).toEqual(['my-partner', 'orders', 'me'])
  })

  it('a resident follows his needs and a member claims service tasks on the phone', () => {
    expect(keys(visibleTiles([P.householdOwn, P.needSubmit]))).toEqual(['my-household', 'my-needs', 'me'])
    expect(keys(visibleTiles([P.taskClaim, P.offerOwn]))).toEqual(['service-tasks', 'me'])
  })
})

describe('volunteer menu and tiles', () => {
  it('staff who read activities see 志愿活动 in the console', () => {
    expect(visibleMenu([P.activityRead]).map((m) => m.key)).toEqual(['activities', 'service-teams', 'campaigns', 'volunteer-reports'])
  })

  it('a member joins activities, an organiser shows the check-in code', () => {
    expect(keys(visibleTiles([P.activityJoin]))).toEqual(['me', 'activities', 'member-code'])
    expect(keys(visibleTiles([P.activityManage]))).toEqual(['me', 'activity-code'])
  })
})
