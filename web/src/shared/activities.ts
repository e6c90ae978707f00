// Volunteer activities (志愿服务活动): types and API calls, beside api.ts like wishes.ts.
import { API_BASE, request } from './api'
import type { Id, Page, PageQuery } from './types'

export type SignUpState = 'SIGNED_UP' | 'WAITLISTED' | 'CANCELLED' | 'CHECKED_IN' | 'CHECKED_OUT' | 'ATTENDED' | 'NO_SHOW' | 'ORGANISER_CANCELLED'
export const SIGN_UP_STATES: readonly SignUpState[] = ['SIGNED_UP', 'WAITLISTED', 'CANCELLED', 'CHECKED_IN', 'CHECKED_OUT', 'ATTENDED', 'NO_SHOW', 'ORGANISER_CANCELLED']
export type OrganiserKind = 'COMMUNITY' | 'GRID_BRANCH' | 'SERVICE_TEAM' | 'PARTNER_UNIT'
export const ORGANISER_KINDS: readonly OrganiserKind[] = ['COMMUNITY', 'GRID_BRANCH', 'SERVICE_TEAM', 'PARTNER_UNIT']

export interface ActivityView {
  id: Id
  title: string
  description: string | null
  areaId: Id
  areaName: string
  place: string
  startsAt: string
  endsAt: string
  signUpOpensAt: string
  signUpClosesAt: string
  capacity: number
  taken: number
  waitlisted: number
  checkedIn: number
  skills: string[]
  matchesMySkills: boolean
  campaignActionId: Id | null
  organiserKind: OrganiserKind
  organiserName: string
  createdBy: string | null
  hasCover: boolean
  state: 'PUBLISHED' | 'CONFIRMED' | 'CANCELLED'
  phase: 'UPCOMING' | 'ONGOING' | 'ENDED'
  cancelReason: string | null
  cancelledAt: string | null
  mySignUp: { id: Id; state: SignUpState; waitlistPosition: number | null } | null
  actions: string[]
  version: number
}

export interface SignUpView {
  id: Id
  activityId: Id
  activityTitle: string | null
  place: string | null
  startsAt: string
  endsAt: string
  memberName: string
  state: SignUpState
  waitlistPosition: number | null
  queuedAt: string
  placedAt: string | null
  cancelledAt: string | null
  lateCancellation: boolean
  checkedInAt: string | null
  checkedOutAt: string | null
  checkedInBy: string | null
  checkInMethod: 'SCAN' | 'HAND' | 'MEMBER_CODE' | null
  manualReason: string | null
  minutes: number | null
  correctionReason: string | null
  activityCancelReason: string | null
  actions: string[]
  version: number
}

/** What the publisher may change once published (the area and organiser stay); {@code version} as read. */
export interface ActivityEditForm {
  title: string
  description: string
  place: string
  startsAt: string | null
  endsAt: string | null
  signUpOpensAt: string | null
  signUpClosesAt: string | null
  capacity: number | null
  skills: string[]
  campaignActionId: Id | null
  cover?: string | null
  version: number
}

/** 我的签到码: the QR text and the eight-digit number, a new pair every minute. */
export interface MemberCode {
  memberName: string
  code: string
  number: string
  rotatesAt: string
  validUntil: string
}

export interface ActivityForm {
  title: string
  description: string
  areaId: Id | null
  place: string
  startsAt: string | null
  endsAt: string | null
  signUpClosesAt?: string | null
  capacity: number | null
  skills: string[]
  organiserKind: OrganiserKind
  organiserName: string
  cover?: string | null
  serviceTeamId?: Id | null
  campaignActionId?: Id | null
}

export interface CheckInCode {
  activityId: Id
  code: string
  rotatesAt: string
  validUntil: string
}

const post = <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body })

export const activityApi = {
  list: (query: { q?: string } & PageQuery) => request<Page<ActivityView>>('/activities', { query }),
  get: (id: Id) => request<ActivityView>(`/activities/${id}`),
  coverUrl: (id: Id) => `${API_BASE}/activities/${id}/cover`,
  create: (form: ActivityForm) => post<ActivityView>('/activities', form),
  edit: (id: Id, form: ActivityEditForm) => request<ActivityView>(`/activities/${id}`, { method: 'PUT', body: form }),
  cancelActivity: (id: Id, reason: string) => post<ActivityView>(`/activities/${id}/cancel`, { reason }),
  checkInByMemberCode: (id: Id, code: string) => post<SignUpView>(`/activities/${id}/check-ins/member-code`, { code }),
  myMemberCode: () => request<MemberCode>('/member-codes/mine'),
  signUp: (id: Id) => post<SignUpView>(`/activities/${id}/sign-ups`),
  roster: (id: Id, query: PageQuery) => request<Page<SignUpView>>(`/activities/${id}/sign-ups`, { query }),
  code: (id: Id) => request<CheckInCode>(`/activities/${id}/check-in-code`),
  checkIn: (id: Id, code: string) => post<SignUpView>(`/activities/${id}/check-ins`, { code }),
  checkInByHand: (id: Id, signUpId: Id, reason: string) => post<SignUpView>(`/activities/${id}/check-ins`, { signUpId, reason }),
  attendance: (id: Id, query: PageQuery) => request<Page<SignUpView>>(`/activities/${id}/attendance`, { query }),
  confirm: (id: Id) => post<{ activityId: Id; attended: number; noShows: number; minutes: number }>(`/activities/${id}/attendance/confirm`),
  correct: (id: Id, signUpId: Id, minutes: number, reason: string) => post<SignUpView>(`/activities/${id}/attendance/correct`, { signUpId, minutes, reason }),
  mine: (query: PageQuery) => request<Page<SignUpView>>('/sign-ups/mine', { query }),
  cancel: (signUpId: Id) => post<SignUpView>(`/sign-ups/${signUpId}/cancel`),
}

/** The activity id a scanned check-in code names (LXA.<id>.<minute>.<mac>), or null. */
export function activityOfCode(code: string): number | null {
  const m = /^LXA\.(\d{1,18})\.\d+\.[A-Za-z0-9_-]+$/.exec(code.trim())
  return m ? Number(m[1]) : null
}

/**
 * What the QR code holds: the mobile check-in page with the code filled in, so that a phone's camera (or WeChat)
 * opens it directly; the page also takes the bare code, typed or pasted.
 */
export function checkInLink(code: string): string {
  return `${window.location.origin}/m/#/activities?tab=check-in&code=${encodeURIComponent(code)}`
}

/** A QR code of the text as an SVG data URL (qrcode-generator, error correction M). */
export async function qrDataUrl(text: string): Promise<string> {
  const { default: qrcode } = await import('qrcode-generator')
  const qr = qrcode(0, 'M')
  qr.addData(text)
  qr.make()
  return 'data:image/svg+xml;utf8,' + encodeURIComponent(qr.createSvgTag({ cellSize: 8, margin: 2, scalable: true }))
}

/** The eight digits of a member code as read out: 4821 0937. */
export function spacedNumber(number: string): string {
  return number.length === 8 ? `${number.slice(0, 4)} ${number.slice(4)}` : number
}

/** 11月24日 08:30 in the viewer's time. */
export function when(iso: string): string {
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export type ServiceTeamKind = 'PROFESSION' | 'INITIATIVE' | 'INTEREST'
export const SERVICE_TEAM_KINDS: readonly ServiceTeamKind[] = ['PROFESSION', 'INITIATIVE', 'INTEREST']

export interface ServiceTeamView {
  id: Id
  name: string
  kind: ServiceTeamKind
  description: string | null
  areaId: Id
  areaName: string
  leaderMemberId: Id
  leaderName: string
  memberCount: number
  members: TeamMemberView[] | null
  pastMembers: TeamMemberView[] | null
  myRole: 'LEADER' | 'MEMBER' | null
  activities: { activityId: Id; title: string; startsAt: string; place: string; state: string; people: number; minutes: number }[] | null
  activityCount: number
  attendances: number
  minutes: number
  canManage: boolean
  version: number
}

/** A stint in a team: leftAt once he left (leftBy himself) or was removed (with the reason). */
export interface TeamMemberView {
  memberId: Id
  name: string
  leader: boolean
  joinedAt: string
  leftAt: string | null
  leftReason: string | null
  leftBy: string | null
}

export const serviceTeamApi = {
  list: (query: PageQuery) => request<Page<ServiceTeamView>>('/service-teams', { query }),
  get: (id: Id) => request<ServiceTeamView>(`/service-teams/${id}`),
  create: (form: { name: string; kind: ServiceTeamKind; description: string; areaId: Id | null; leaderMemberId: Id | null }) =>
    post<ServiceTeamView>('/service-teams', form),
  addMember: (id: Id, memberId: Id) => post<ServiceTeamView>(`/service-teams/${id}/members`, { memberId }),
  leave: (id: Id) => post<ServiceTeamView>(`/service-teams/${id}/leave`),
  removeMember: (id: Id, memberId: Id, reason: string) => post<ServiceTeamView>(`/service-teams/${id}/members/${memberId}/remove`, { reason }),
  handOver: (id: Id, memberId: Id) => post<ServiceTeamView>(`/service-teams/${id}/leader`, { memberId }),
}

export interface CampaignView {
  id: Id
  name: string
  description: string | null
  areaId: Id
  areaName: string
  startsOn: string
  endsOn: string
  state: 'DRAFT' | 'ROLLED_OUT'
  communityCount: number
  actions: { id: Id; seq: number; name: string }[]
  canManage: boolean
  version: number
}

export interface CampaignDashboard {
  campaignId: Id
  name: string
  actions: { id: Id; seq: number; name: string }[]
  communities: {
    communityId: Id
    communityName: string
    cells: { actionId: Id; activities: number; members: number; minutes: number }[]
    activities: number
    members: number
    minutes: number
    lagging: boolean
  }[]
  averageMembers: number
}

export const campaignApi = {
  list: (query: PageQuery) => request<Page<CampaignView>>('/campaigns', { query }),
  get: (id: Id) => request<CampaignView>(`/campaigns/${id}`),
  create: (form: { name: string; description: string; areaId: Id | null; startsOn: string | null; endsOn: string | null; actions: string[] }) =>
    post<CampaignView>('/campaigns', form),
  rollOut: (id: Id) => post<CampaignView>(`/campaigns/${id}/roll-out`),
  dashboard: (id: Id) => request<CampaignDashboard>(`/campaigns/${id}/dashboard`),
}
