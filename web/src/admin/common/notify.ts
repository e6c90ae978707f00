// How the console tells the user what happened: success toasts, error toasts, confirmations.
import { ElMessage, ElMessageBox } from 'element-plus'
import { ApiError } from '@/shared/api'
import { t } from '@/shared/i18n'

/** A readable message for any failure, preferring the server's ProblemDetail `detail`. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('errors.network')
    return error.detail || error.title || t('errors.status', { status: error.status })
  }
  return error instanceof Error && error.message ? error.message : t('errors.unknown')
}

export function notifySuccess(key: string, params?: Record<string, unknown>): void {
  ElMessage.success(t(key, params))
}

export function notifyError(error: unknown): void {
  // A 401 has already sent the user to the login page.
  if (error instanceof ApiError && error.status === 401) return
  ElMessage.error({ message: errorText(error), duration: 5000, showClose: true })
}

/** Ask before something destructive; resolves true when confirmed. */
export async function confirmDanger(message: string, confirmKey = 'common.confirm'): Promise<boolean> {
  try {
    await ElMessageBox.confirm(message, t('common.confirmTitle'), {
      type: 'warning',
      confirmButtonText: t(confirmKey),
      cancelButtonText: t('common.cancel'),
      confirmButtonClass: 'el-button--danger',
    })
    return true
  } catch {
    return false
  }
}
