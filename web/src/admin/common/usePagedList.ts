// A paged list bound to el-table + el-pagination: page (1-based in the UI), size, total.
import { ref } from 'vue'
import type { Page } from '@/shared/types'
import { notifyError } from './notify'

export function usePagedList<T>(fetchPage: (page: number, size: number) => Promise<Page<T>>, initialSize = 20) {
  const items = ref<T[]>([])
  const page = ref(1)
  const size = ref(initialSize)
  const total = ref(0)
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    try {
      const answer = await fetchPage(page.value - 1, size.value)
      items.value = answer.content
      total.value = answer.totalElements
    } catch (e) {
      notifyError(e)
    } finally {
      loading.value = false
    }
  }

  /** Back to the first page (after a filter change). */
  function search(): Promise<void> {
    page.value = 1
    return load()
  }

  function onSizeChange(value: number): void {
    size.value = value
    page.value = 1
    void load()
  }

  function onPageChange(value: number): void {
    page.value = value
    void load()
  }

  return { items, page, size, total, loading, load, search, onSizeChange, onPageChange }
}
