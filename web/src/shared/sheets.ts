// Spreadsheet import and export: templates, uploads that start an import job, the job's progress and rejected
// lines, and export links (the browser downloads them with the session cookie).
import { API_BASE, ApiError, queryString, readCookie, request } from './api'
import type { Id, ImportIssue, ImportJob, Page, ProblemDetail } from './types'

/** What a roster holds: members (党员) or residents (居民). */
export type SheetKind = 'members' | 'residents'

export const sheetApi = {
  templateUrl: (kind: SheetKind) => `${API_BASE}/${kind}/import-template`,
  exportUrl: (kind: SheetKind, query: object, unmasked = false) =>
    `${API_BASE}/${kind}/export${queryString({ ...query, unmasked: unmasked || undefined })}`,
  issuesUrl: (jobId: Id) => `${API_BASE}/import-jobs/${jobId}/issues.xlsx`,
  job: (id: Id) => request<ImportJob>(`/import-jobs/${id}`),
  issues: (id: Id, page = 0, size = 20) => request<Page<ImportIssue>>(`/import-jobs/${id}/issues`, { query: { page, size } }),

  /** Uploads the file (multipart, with the CSRF token); answers the queued job. */
  async upload(kind: SheetKind, file: File, locale: string): Promise<ImportJob> {
    const body = new FormData()
    body.append('file', file)
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', 'Accept-Language': locale }
    const token = readCookie('XSRF-TOKEN')
    if (token) headers['X-XSRF-TOKEN'] = token
    let response: Response
    try {
      response = await fetch(`${API_BASE}/${kind}/imports`, { method: 'POST', headers, body, credentials: 'same-origin' })
    } catch {
      throw new ApiError(0, {})
    }
    const text = await response.text()
    if (!response.ok) {
      let problem: ProblemDetail = { status: response.status }
      try {
        problem = text ? (JSON.parse(text) as ProblemDetail) : problem
      } catch {
        // not JSON: keep the status
      }
      throw new ApiError(response.status, problem)
    }
    return JSON.parse(text) as ImportJob
  },
}

/** A job is over when it is DONE or FAILED. */
export function finished(job: ImportJob | null): boolean {
  return !!job && (job.state === 'DONE' || job.state === 'FAILED')
}

/** Progress in percent (0 while the lines are being counted). */
export function percent(job: ImportJob | null): number {
  if (!job || job.total === 0) return finished(job) ? 100 : 0
  return Math.min(100, Math.round((job.processed * 100) / job.total))
}
