import { describe, expect, it } from 'vitest'
import { bounds, normaliseBoundary, parseBoundaryText, polygonFromPoints } from '@/shared/geojson'

const ring = [
  [113.2, 23.1],
  [113.3, 23.1],
  [113.3, 23.2],
  [113.2, 23.1],
]
const polygon = { type: 'Polygon', coordinates: [ring] }

describe('boundary normalisation', () => {
  it('accepts a Polygon', () => {
    expect(normaliseBoundary(polygon)).toEqual({ ok: true, geometry: polygon })
  })

  it('accepts a MultiPolygon', () => {
    const multi = { type: 'MultiPolygon', coordinates: [[ring], [ring]] }
    expect(normaliseBoundary(multi)).toEqual({ ok: true, geometry: multi })
  })

  it('unwraps a Feature', () => {
    expect(normaliseBoundary({ type: 'Feature', properties: { name: 'x' }, geometry: polygon })).toEqual({ ok: true, geometry: polygon })
  })

  it('unwraps a FeatureCollection with one feature', () => {
    const collection = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: polygon }] }
    expect(normaliseBoundary(collection)).toEqual({ ok: true, geometry: polygon })
  })

  it('rejects a FeatureCollection with two features', () => {
    const feature = { type: 'Feature', properties: {}, geometry: polygon }
    expect(normaliseBoundary({ type: 'FeatureCollection', features: [feature, feature] })).toMatchObject({ ok: false, error: 'geo.featureCount' })
  })

  it('rejects a Point', () => {
    expect(normaliseBoundary({ type: 'Point', coordinates: [113.2, 23.1] })).toMatchObject({
      ok: false,
      error: 'geo.wrongType',
      params: { type: 'Point' },
    })
  })

  it('rejects an open ring', () => {
    const open = [...ring.slice(0, 3), [113.25, 23.15]]
    expect(normaliseBoundary({ type: 'Polygon', coordinates: [open] })).toMatchObject({ ok: false, error: 'geo.openRing' })
  })

  it('rejects a ring of fewer than 4 positions', () => {
    const short = [ring[0], ring[1], ring[0]]
    expect(normaliseBoundary({ type: 'Polygon', coordinates: [short] })).toMatchObject({ ok: false, error: 'geo.tooFewPositions', params: { count: 3 } })
  })

  it('rejects positions that are not longitude/latitude numbers', () => {
    const bad = [[200, 23.1], ring[1], ring[2], [200, 23.1]]
    expect(normaliseBoundary({ type: 'Polygon', coordinates: [bad] })).toMatchObject({ ok: false, error: 'geo.badPosition' })
  })

  it('reads text: empty means no boundary, bad JSON is reported', () => {
    expect(parseBoundaryText('  ')).toEqual({ ok: true, geometry: null })
    expect(parseBoundaryText('{"type": "Polygon",')).toMatchObject({ ok: false, error: 'geo.invalidJson' })
    expect(parseBoundaryText(JSON.stringify(polygon))).toEqual({ ok: true, geometry: polygon })
  })
})

describe('drawing', () => {
  it('closes the ring of three clicked points', () => {
    const drawn = polygonFromPoints([
      [113.2, 23.1],
      [113.3, 23.1],
      [113.3, 23.2],
    ])
    expect(drawn).toEqual({ type: 'Polygon', coordinates: [[[113.2, 23.1], [113.3, 23.1], [113.3, 23.2], [113.2, 23.1]]] })
    expect(normaliseBoundary(drawn).ok).toBe(true)
  })

  it('needs at least three points', () => {
    expect(polygonFromPoints([[1, 2], [3, 4]])).toBeNull()
  })

  it('computes the bounds of boundaries', () => {
    expect(bounds([polygon as never])).toEqual([113.2, 23.1, 113.3, 23.2])
    expect(bounds([])).toBeNull()
  })
})
