// ECharts, only the parts the maps use.
import * as echarts from 'echarts/core'
import { MapChart, ScatterChart, LinesChart } from 'echarts/charts'
import { GeoComponent, TooltipComponent } from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'
import type { AreaMap, Boundary } from '@/shared/types'

echarts.use([MapChart, ScatterChart, LinesChart, GeoComponent, TooltipComponent, CanvasRenderer])

export { echarts }

let counter = 0

/** Register a FeatureCollection under a fresh name (ECharts keeps maps by name). */
export function registerAreaMap(map: AreaMap | { type: 'FeatureCollection'; features: unknown[] }): string {
  const name = `lianxin-map-${++counter}`
  echarts.registerMap(name, map as unknown as Parameters<typeof echarts.registerMap>[1])
  return name
}

export function featureOf(boundary: Boundary, properties: Record<string, unknown>) {
  return { type: 'Feature' as const, geometry: boundary, properties }
}
