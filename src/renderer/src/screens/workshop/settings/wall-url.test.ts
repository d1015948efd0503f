import { describe, expect, it } from 'vitest'
import { lanWallUrl, localWallUrl } from './wall-url'
import { parseRoute } from '../../../router'

describe('wall display addresses', () => {
  it('gives a TV the host’s LAN address with the /wall page and the token', () => {
    expect(lanWallUrl('http://192.168.1.20:4780/', 'abc_DEF-123')).toBe('http://192.168.1.20:4780/wall?token=abc_DEF-123')
    expect(lanWallUrl('http://[fd00::20]:4780/', 'tok')).toBe('http://[fd00::20]:4780/wall?token=tok')
  })

  it('opens the wall route on this PC with the same token', () => {
    const url = localWallUrl('abc_DEF-123', { origin: 'http://127.0.0.1:4780', pathname: '/' })
    expect(url).toBe('http://127.0.0.1:4780/#/wall?token=abc_DEF-123')
    expect(parseRoute(new URL(url).hash)).toEqual({ name: 'wall', token: 'abc_DEF-123' })
  })
})
