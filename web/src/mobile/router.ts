// Mobile H5 routes (hash history). Pages other than 我的 need the permission of their tile.
import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router'
import { useAuthStore } from '@/shared/auth'
import { MOBILE_TILES, hasPermission } from '@/shared/permissions'
import LoginPage from './access/LoginPage.vue'
import MePage from './access/MePage.vue'
import TabLayout from './common/TabLayout.vue'
import HomePage from './home/HomePage.vue'

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean
    permission?: string
  }
}

const permissionOf = (key: string) => MOBILE_TILES.find((tile) => tile.key === key)?.permission

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: LoginPage, meta: { public: true } },
  { path: '/signup', name: 'signup', component: () => import('./resident/SignupPage.vue'), meta: { public: true } },
  { path: '/my-signup', name: 'my-signup', component: () => import('./resident/MySignupPage.vue') },
  {
    path: '/',
    component: TabLayout,
    children: [
      { path: '', name: 'home', component: HomePage },
      { path: 'inbox', name: 'inbox', component: () => import('./notification/InboxPage.vue') },
      { path: 'me', name: 'me', component: MePage },
    ],
  },
  { path: '/my-grid', name: 'my-grid', component: () => import('./organization/MyGridPage.vue'), meta: { permission: permissionOf('my-grid') } },
  { path: '/my-partner', name: 'my-partner', component: () => import('./organization/MyPartnerPage.vue'), meta: { permission: permissionOf('my-partner') } },
  { path: '/areas/:id?', name: 'areas', component: () => import('./organization/AreasPage.vue'), meta: { permission: permissionOf('areas') } },
  { path: '/my-household', name: 'my-household', component: () => import('./resident/MyHouseholdPage.vue'), meta: { permission: permissionOf('my-household') } },
  { path: '/registration', name: 'registration', component: () => import('./member/RegistrationPage.vue'), meta: { permission: permissionOf('registration') } },
  { path: '/my-card', name: 'my-card', component: () => import('./member/MyCardPage.vue'), meta: { permission: permissionOf('my-card') } },
  { path: '/leaders', name: 'leaders', component: () => import('./member/LeadersPage.vue') },
  { path: '/wishes', name: 'wishes', component: () => import('./wish/WishesPage.vue') },
  { path: '/micro-projects', name: 'micro-projects', component: () => import('./wish/MicroProjectsPage.vue') },
  { path: '/mailbox', name: 'mailbox', component: () => import('./member/MailboxPage.vue') },
  { path: '/care', name: 'care', component: () => import('./care/MyContactsPage.vue'), meta: { permission: permissionOf('care') } },
  { path: '/care/visit', name: 'care-visit', component: () => import('./care/VisitFormPage.vue'), meta: { permission: permissionOf('care') } },
  { path: '/needs', name: 'needs', component: () => import('./matching/NeedsPage.vue'), meta: { permission: permissionOf('my-needs') } },
  { path: '/needs/report', name: 'report-need', component: () => import('./matching/ReportNeedPage.vue'), meta: { permission: permissionOf('report-need') } },
  { path: '/orders', name: 'orders', component: () => import('./matching/OrdersPage.vue'), meta: { permission: permissionOf('orders') } },
  { path: '/service-tasks', name: 'service-tasks', component: () => import('./matching/ServiceTasksPage.vue'), meta: { permission: permissionOf('service-tasks') } },
  { path: '/points', name: 'points', component: () => import('./points/PointsPage.vue'), meta: { permission: permissionOf('points') } },
  { path: '/activities', name: 'activities', component: () => import('./volunteer/ActivitiesPage.vue'), meta: { permission: permissionOf('activities') } },
  { path: '/activities/mine', redirect: { path: '/activities', query: { tab: 'mine' } } },
  { path: '/activity-code', name: 'activity-code', component: () => import('./volunteer/CheckInCodePage.vue'), meta: { permission: permissionOf('activity-code') } },
  { path: '/member-code', name: 'member-code', component: () => import('./volunteer/MemberCodePage.vue'), meta: { permission: permissionOf('member-code') } },
  { path: '/cases', name: 'cases', component: () => import('./casework/CasesPage.vue'), meta: { permission: permissionOf('cases') } },
  { path: '/:pathMatch(.*)*', redirect: '/' },
]

export const router = createRouter({
  history: createWebHashHistory(),
  routes,
  scrollBehavior: () => ({ top: 0 }),
})

router.beforeEach(async (to) => {
  if (to.meta.public) return true
  const auth = useAuthStore()
  if (!auth.me) {
    try {
      await auth.load()
    } catch {
      // unreachable server: the login page reports it on submit
    }
    if (!auth.me) return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } }
  }
  return hasPermission(auth.permissions, to.meta.permission) ? true : { name: 'home' }
})
