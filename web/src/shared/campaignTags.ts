// Campaign actions (主题行动的行动项) as tags on micro-wishes and service tasks: which ones a wish or a task may carry
// (campaigns rolled out to its community and running), tagging and clearing, and the campaign dashboard with the
// tagged wishes fulfilled and tasks completed beside the activities.
import { request } from './api'
import type { Id } from './types'
import type { CampaignDashboard } from './activities'
import type { WishView } from './wishes'
import type { ServiceTaskView } from './matching'

/** A campaign action as a tag reads: 百日先锋行动 · 守护家园环境. */
export interface CampaignTag {
  id: Id
  name: string
  campaignId: Id
  campaignName: string
}

export const tagLabel = (tag: CampaignTag): string => `${tag.campaignName} · ${tag.name}`

type DashboardRow = CampaignDashboard['communities'][number]

/** The dashboard with the tagged work counted: wishes confirmed and service tasks completed, per action and in all. */
export interface TaggedDashboard extends Omit<CampaignDashboard, 'communities'> {
  communities: (Omit<DashboardRow, 'cells'> & {
    wishes: number
    tasks: number
    cells: (DashboardRow['cells'][number] & { wishes: number; tasks: number })[]
  })[]
}

const post = <T>(path: string, body?: unknown) => request<T>(path, { method: 'POST', body })

export const campaignTagApi = {
  dashboard: (campaignId: Id) => request<TaggedDashboard>(`/campaigns/${campaignId}/dashboard`),
  wishChoices: (wishId: Id) => request<CampaignTag[]>(`/wishes/${wishId}/campaign-actions`),
  tagWish: (wishId: Id, campaignActionId: Id | null) => post<WishView>(`/wishes/${wishId}/campaign-action`, { campaignActionId }),
  /** For the task form: the caller's area (or the one given), on the day the task takes place (YYYY-MM-DD). */
  taskChoices: (on?: string, areaId?: Id) => request<CampaignTag[]>('/service-tasks/campaign-actions', { query: { on, areaId } }),
  tagTask: (taskId: Id, campaignActionId: Id | null) => post<ServiceTaskView>(`/service-tasks/${taskId}/campaign-action`, { campaignActionId }),
}
