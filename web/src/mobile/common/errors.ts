// Failure messages for the mobile app (Vant toasts).
import { showFailToast } from 'vant'
import { ApiError } from '@/shared/api'
import { t } from '@/shared/i18n'

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('errors.network')
    return error.detail || error.title || t('errors.status', { status: error.status })
  }
  return error instanceof Error && error.message ? error.message : t('errors.unknown')
}

export function toastError(error: unknown): void {
  if (error instanceof ApiError && error.status === 401) return
  showFailToast({ message: errorText(error), wordBreak: 'break-word' })
}
