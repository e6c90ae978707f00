// The configured level lists (areas and Party organisations), fetched once per locale.
import { shallowRef } from 'vue'
import { areaApi, orgUnitApi } from '@/shared/api'
import { currentLocale } from '@/shared/i18n'
import type { AreaLevel, OrgUnitLevel } from '@/shared/types'
import { notifyError } from '../common/notify'

function cached<T>(fetch: () => Promise<T[]>) {
  const list = shallowRef<T[]>([])
  let loadedFor = ''
  let pending: Promise<void> | null = null
  return function use() {
    const locale = currentLocale()
    if (loadedFor !== locale && !pending) {
      pending = fetch()
        .then((levels) => {
          list.value = levels
          loadedFor = locale
        })
        .catch(notifyError)
        .finally(() => {
          pending = null
        })
    }
    return list
  }
}

export const useAreaLevels = cached<AreaLevel>(() => areaApi.levels())
export const useOrgUnitLevels = cached<OrgUnitLevel>(() => orgUnitApi.levels())

/** Levels that may sit directly below a node of `parentLevel` (null: top levels). */
export function childLevels<L extends { parents: string[] }>(levels: L[], parentLevel: string | null): L[] {
  return levels.filter((l) => (parentLevel ? l.parents.includes(parentLevel) : l.parents.length === 0))
}
