// Server-side field errors next to the form fields (el-form-item :error), plus a toast.
import { ref } from 'vue'
import { ApiError } from '@/shared/api'
import { notifyError } from './notify'

export function useFormErrors() {
  const fieldErrors = ref<Record<string, string>>({})

  function clear(): void {
    fieldErrors.value = {}
  }

  function show(error: unknown): void {
    fieldErrors.value = error instanceof ApiError ? error.fieldErrors : {}
    notifyError(error)
  }

  return { fieldErrors, clear, show }
}
