import { describe, expect, it } from 'vitest'
import { boundsOf, featureAt, inBoundary, inRing, lngLatFromPixel } from '@/shared/mapPick'
import type { Boundary } from '@/shared/types'

const square = (x0: number, y0: number, size: number) => [
  [x0, y0],
  [x0 + size, y0],
  [x0 + size, y0 + size],
  [x0, y0 + size],
  [x0, y0],
]

describe('pixel to coordinates', () => {
  // a 400 × 300 px view of 112.89–112.91 E, 23.15–23.16 N: x grows east, y grows south (screen)
  const sw = { pixel: [0, 300] as [number, number], lngLat: [112.89, 23.15] as [number, number] }
  const ne = { pixel: [400, 0] as [number, number], lngLat: [112.91, 23.16] as [number, number] }

  it('maps the corners and the centre', () => {
    expect(lngLatFromPixel([0, 300], sw, ne)).toEqual([112.89, 23.15])
    expect(lngLatFromPixel([400, 0], sw, ne)).toEqual([112.91, 23.16])
    expect(lngLatFromPixel([200, 150], sw, ne)).toEqual([112.9, 23.155])
  })

  it('goes north when the finger goes up the screen and east when it goes right', () => {
    const [lng, lat] = lngLatFromPixel([100, 60], sw, ne)!
    expect(lng).toBeCloseTo(112.895, 6)
    expect(lat).toBeCloseTo(23.158, 6)
  })

  it('rounds to six decimals and refuses degenerate anchors or NaN pixels', () => {
    const [lng] = lngLatFromPixel([1, 150], sw, ne)!
    expect(lng).toBe(112.89005)
    expect(lngLatFromPixel([10, 10], sw, { ...ne, pixel: [0, 0] })).toBeNull()
    expect(lngLatFromPixel([Number.NaN, 10], sw, ne)).toBeNull()
  })
})

describe('point in polygon', () => {
  const outer = square(0, 0, 10)
  const hole = square(4, 4, 2)
  const withHole: Boundary = { type: 'Polygon', coordinates: [outer, hole] }

  it('tells inside from outside a ring, closed or not', () => {
    expect(inRing([5, 5], outer)).toBe(true)
    expect(inRing([11, 5], outer)).toBe(false)
    expect(inRing([5, 5], outer.slice(0, 4))).toBe(true)
    // a concave ring (an L): the notch is outside
    const ell = [[0, 0], [10, 0], [10, 4], [4, 4], [4, 10], [0, 10]]
    expect(inRing([2, 8], ell)).toBe(true)
    expect(inRing([8, 8], ell)).toBe(false)
  })

  it('leaves holes out and takes any polygon of a MultiPolygon', () => {
    expect(inBoundary([1, 1], withHole)).toBe(true)
    expect(inBoundary([5, 5], withHole)).toBe(false)
    const multi: Boundary = { type: 'MultiPolygon', coordinates: [[square(0, 0, 1)], [square(20, 20, 1)]] }
    expect(inBoundary([20.5, 20.5], multi)).toBe(true)
    expect(inBoundary([10, 10], multi)).toBe(false)
  })

  it('names the smallest boundary holding the point: the micro-grid inside its grid, none outside', () => {
    const grid = { geometry: { type: 'Polygon', coordinates: [square(0, 0, 10)] } as Boundary, properties: { name: '第三网格' } }
    const micro = { geometry: { type: 'Polygon', coordinates: [square(0, 0, 3)] } as Boundary, properties: { name: '微网格1' } }
    expect(featureAt([1, 1], [grid, micro])?.properties.name).toBe('微网格1')
    expect(featureAt([5, 5], [grid, micro])?.properties.name).toBe('第三网格')
    expect(featureAt([50, 5], [grid, micro])).toBeNull()
    expect(boundsOf([grid, micro])).toEqual([[0, 0], [10, 10]])
    expect(boundsOf([])).toBeNull()
  })
})
