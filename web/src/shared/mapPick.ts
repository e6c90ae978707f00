// Picking a point on an area map (the phone's 在地图上选点): from a tapped pixel to WGS-84 coordinates, and which
// boundary the point falls in. The label is a hint; the server routes the case to its grid authoritatively.
import type { AreaMapFeature, Boundary, Position } from './types'

/** A pixel on the chart and the coordinates drawn there. */
export interface Anchor {
  pixel: [number, number]
  lngLat: [number, number]
}

/**
 * The coordinates under a pixel, interpolated between two anchors (e.g. the south-west and north-east corners of the
 * map's bounds, placed by the chart for its current zoom and pan). The ECharts geo view is linear in longitude and
 * latitude on each axis (no Mercator), so two anchors fix it. Rounded to 6 decimals (≈0.1 m); null when the anchors
 * do not span both axes or the pixel is not a number.
 */
export function lngLatFromPixel(pixel: [number, number], a: Anchor, b: Anchor): [number, number] | null {
  const dx = b.pixel[0] - a.pixel[0]
  const dy = b.pixel[1] - a.pixel[1]
  if (!Number.isFinite(pixel[0]) || !Number.isFinite(pixel[1]) || Math.abs(dx) < 1e-9 || Math.abs(dy) < 1e-9) {
    return null
  }
  const lng = a.lngLat[0] + ((pixel[0] - a.pixel[0]) / dx) * (b.lngLat[0] - a.lngLat[0])
  const lat = a.lngLat[1] + ((pixel[1] - a.pixel[1]) / dy) * (b.lngLat[1] - a.lngLat[1])
  if (!Number.isFinite(lng) || !Number.isFinite(lat)) return null
  return [round6(lng), round6(lat)]
}

export const round6 = (n: number) => Math.round(n * 1e6) / 1e6

/** Even-odd ray casting: is the point inside the ring (closed or not)? Points on an edge may go either way. */
export function inRing(point: Position, ring: Position[]): boolean {
  const [x, y] = point
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]
    const [xj, yj] = ring[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** Inside a Polygon (in its outer ring, not in a hole) or in any polygon of a MultiPolygon. */
export function inBoundary(point: Position, boundary: Boundary): boolean {
  const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates
  return polygons.some((rings) => rings.length > 0 && inRing(point, rings[0]) && !rings.slice(1).some((hole) => inRing(point, hole)))
}

/** Shoelace area of the outer rings (square degrees), to prefer the smallest of nested boundaries. */
export function boundaryArea(boundary: Boundary): number {
  const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates
  let area = 0
  for (const rings of polygons) {
    const ring = rings[0] ?? []
    let sum = 0
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) sum += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1])
    area += Math.abs(sum) / 2
  }
  return area
}

/** The smallest feature whose boundary holds the point (a micro-grid inside its grid wins), or null. */
export function featureAt<F extends Pick<AreaMapFeature, 'geometry'>>(point: Position, features: F[]): F | null {
  let best: F | null = null
  let bestArea = Infinity
  for (const f of features) {
    if (!f.geometry || !inBoundary(point, f.geometry)) continue
    const area = boundaryArea(f.geometry)
    if (area < bestArea) {
      best = f
      bestArea = area
    }
  }
  return best
}

/** [[minLng, minLat], [maxLng, maxLat]] over every ring of every feature, or null when there is none. */
export function boundsOf(features: Pick<AreaMapFeature, 'geometry'>[]): [[number, number], [number, number]] | null {
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (const f of features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates
    for (const rings of polygons) {
      for (const ring of rings) {
        for (const [x, y] of ring) {
          minX = Math.min(minX, x)
          minY = Math.min(minY, y)
          maxX = Math.max(maxX, x)
          maxY = Math.max(maxY, y)
        }
      }
    }
  }
  return Number.isFinite(minX) ? [[minX, minY], [maxX, maxY]] : null
}
