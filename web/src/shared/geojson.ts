// Area boundaries: accept GeoJSON the way people have it (geometry, Feature, or a
// FeatureCollection holding one polygon) and normalise it to a Polygon/MultiPolygon geometry.
import type { Boundary, Position } from './types'

/** Failure reasons; each is an i18n key under `geo.` */
export type GeoErrorKey =
  | 'geo.invalidJson'
  | 'geo.notGeoJson'
  | 'geo.featureCount'
  | 'geo.wrongType'
  | 'geo.badPosition'
  | 'geo.tooFewPositions'
  | 'geo.openRing'
  | 'geo.noRings'

export type GeoCheck =
  | { ok: true; geometry: Boundary }
  | { ok: false; error: GeoErrorKey; params: Record<string, string | number> }

const fail = (error: GeoErrorKey, params: Record<string, string | number> = {}): GeoCheck => ({
  ok: false,
  error,
  params,
})

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Normalise parsed GeoJSON to a Polygon or MultiPolygon geometry, or say what is wrong. */
export function normaliseBoundary(input: unknown): GeoCheck {
  if (!isObject(input) || typeof input.type !== 'string') return fail('geo.notGeoJson')
  switch (input.type) {
    case 'FeatureCollection': {
      const features = Array.isArray(input.features) ? input.features : []
      if (features.length !== 1) return fail('geo.featureCount', { count: features.length })
      return normaliseBoundary(features[0])
    }
    case 'Feature':
      if (!isObject(input.geometry)) return fail('geo.notGeoJson')
      return normaliseBoundary(input.geometry)
    case 'Polygon': {
      const problem = checkPolygon(input.coordinates)
      return problem ?? { ok: true, geometry: { type: 'Polygon', coordinates: input.coordinates as Position[][] } }
    }
    case 'MultiPolygon': {
      const polygons = input.coordinates
      if (!Array.isArray(polygons) || polygons.length === 0) return fail('geo.noRings')
      for (const polygon of polygons) {
        const problem = checkPolygon(polygon)
        if (problem) return problem
      }
      return { ok: true, geometry: { type: 'MultiPolygon', coordinates: polygons as Position[][][] } }
    }
    default:
      return fail('geo.wrongType', { type: input.type })
  }
}

function checkPolygon(rings: unknown): GeoCheck | null {
  if (!Array.isArray(rings) || rings.length === 0) return fail('geo.noRings')
  for (const ring of rings) {
    if (!Array.isArray(ring)) return fail('geo.noRings')
    for (const position of ring) {
      if (!isPosition(position)) return fail('geo.badPosition')
    }
    if (ring.length < 4) return fail('geo.tooFewPositions', { count: ring.length })
    const first = ring[0] as Position
    const last = ring[ring.length - 1] as Position
    if (first[0] !== last[0] || first[1] !== last[1]) return fail('geo.openRing')
  }
  return null
}

function isPosition(value: unknown): value is Position {
  if (!Array.isArray(value) || value.length < 2) return false
  const [lng, lat] = value
  return (
    typeof lng === 'number' && typeof lat === 'number' &&
    Number.isFinite(lng) && Number.isFinite(lat) &&
    lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90
  )
}

export type BoundaryText =
  | { ok: true; geometry: Boundary | null }
  | { ok: false; error: GeoErrorKey; params: Record<string, string | number> }

/** Text from the boundary textarea: empty means "no boundary". */
export function parseBoundaryText(text: string): BoundaryText {
  if (!text.trim()) return { ok: true, geometry: null }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return fail('geo.invalidJson') as BoundaryText
  }
  return normaliseBoundary(parsed)
}

export function formatBoundary(geometry: Boundary | null | undefined): string {
  return geometry ? JSON.stringify(geometry, null, 2) : ''
}

/** A polygon from clicked vertices: closes the ring; needs at least three points. */
export function polygonFromPoints(points: Position[]): Boundary | null {
  if (points.length < 3) return null
  const ring = points.map(([lng, lat]) => [round(lng), round(lat)])
  ring.push([...ring[0]])
  return { type: 'Polygon', coordinates: [ring] }
}

const round = (value: number) => Math.round(value * 1e6) / 1e6

/** [minLng, minLat, maxLng, maxLat] over some boundaries, or null when there are none. */
export function bounds(geometries: Boundary[]): [number, number, number, number] | null {
  let box: [number, number, number, number] | null = null
  for (const geometry of geometries) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
    for (const polygon of polygons) {
      for (const ring of polygon) {
        for (const [lng, lat] of ring) {
          if (!box) box = [lng, lat, lng, lat]
          else {
            box[0] = Math.min(box[0], lng)
            box[1] = Math.min(box[1], lat)
            box[2] = Math.max(box[2], lng)
            box[3] = Math.max(box[3], lat)
          }
        }
      }
    }
  }
  return box
}
