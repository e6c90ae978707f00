// Micro-projects (微项目): types and API calls, beside wishes.ts.
import { API_BASE, request } from './api'
import type { Id, Page, PageQuery } from './types'

export type MicroProjectState = 'PUBLISHED' | 'IN_PROGRESS' | 'COMPLETED' | 'ACCEPTED' | 'CANCELLED'
export const MICRO_PROJECT_STATES: readonly MicroProjectState[] = ['PUBLISHED', 'IN_PROGRESS', 'COMPLETED', 'ACCEPTED', 'CANCELLED']
export type MicroProjectAction = 'claim' | 'update' | 'complete' | 'accept' | 'return' | 'cancel'

export interface MilestoneView {
  index: number
  title: string
  dueOn: string
  doneAt: string | null
}

export interface ProjectClaimView {
  unitId: Id
  unitName: string
  byName: string
  claimedAt: string
}

export interface ProjectUpdateView {
  id: Id
  byName: string
  unitName: string | null
  at: string
  text: string
  milestoneTitle: string | null
  hasPhoto: boolean
}

export interface MicroProjectView {
  id: Id
  title: string
  description: string
  place: string | null
  budget: number
  maxUnits: number
  placesLeft: number
  areaId: Id
  areaName: string
  state: MicroProjectState
  publishedBy: string
  publishedAt: string
  completedAt: string | null
  acceptedBy: string | null
  acceptedAt: string | null
  acceptanceNote: string | null
  cancelReason: string | null
  /** the community's reason, while a returned project is in progress again */
  returnReason: string | null
  milestones: MilestoneView[]
  claims: ProjectClaimView[]
  steps: { action: string; by: string; at: string; note: string | null }[] | null
  updates: ProjectUpdateView[] | null
  mine: boolean
  actions: MicroProjectAction[]
  version: number
}

export interface MicroProjectForm {
  areaId: Id | null
  title: string
  description: string
  place: string
  budget: number | null
  maxUnits: number | null
  milestones: { title: string; dueOn: string | null }[]
}

export interface MicroProjectQuery extends PageQuery {
  state?: MicroProjectState | ''
  q?: string
}

const post = <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body })

export const microProjectApi = {
  list: (query: MicroProjectQuery) => request<Page<MicroProjectView>>('/micro-projects', { query }),
  open: (query: PageQuery) => request<Page<MicroProjectView>>('/micro-projects/open', { query }),
  mine: () => request<MicroProjectView[]>('/micro-projects/mine'),
  get: (id: Id) => request<MicroProjectView>(`/micro-projects/${id}`),
  photoUrl: (id: Id, updateId: Id) => `${API_BASE}/micro-projects/${id}/updates/${updateId}/photo`,
  publish: (form: MicroProjectForm) => post<MicroProjectView>('/micro-projects', form),
  claim: (id: Id) => post<MicroProjectView>(`/micro-projects/${id}/claim`),
  update: (id: Id, text: string, photo: string | null, milestone: number | null) =>
    post<MicroProjectView>(`/micro-projects/${id}/updates`, { text, photo, milestone }),
  complete: (id: Id) => post<MicroProjectView>(`/micro-projects/${id}/complete`),
  accept: (id: Id, note: string) => post<MicroProjectView>(`/micro-projects/${id}/accept`, { note }),
  sendBack: (id: Id, reason: string) => post<MicroProjectView>(`/micro-projects/${id}/return`, { reason }),
  cancel: (id: Id, reason: string) => post<MicroProjectView>(`/micro-projects/${id}/cancel`, { reason }),
}
