import type { NetworkInterfaceInfo } from 'node:os'
import { describe, expect, it } from 'vitest'
import { hostAddresses } from './lan-addresses'

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '02:00:00:00:00:01',
  internal,
  cidr: `${address}/24`,
})
const v6 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: 'ffff:ffff:ffff:ffff::',
  family: 'IPv6',
  mac: '02:00:00:00:00:01',
  internal,
  cidr: `${address}/64`,
  scopeid: 0,
})

// A dealership PC as Windows names its interfaces: cable, Wi-Fi, loopback, a link-local leftover.
const PC = {
  以太网: [v6('fe80::1c2:3ff:fe44:5566'), v6('fd00::20'), v4('192.168.1.20')],
  WLAN: [v4('10.0.0.7'), v4('169.254.10.3')],
  'Loopback Pseudo-Interface 1': [v4('127.0.0.1', true), v6('::1', true)],
}

describe('the host’s LAN addresses', () => {
  it('lists every address another device can open when bound to all interfaces, IPv4 first', () => {
    const found = hostAddresses({ host: '0.0.0.0', port: 4780 }, PC)
    expect(found.lanReachable).toBe(true)
    expect(found.addresses.map((a) => [a.name, a.baseUrl])).toEqual([
      ['以太网', 'http://192.168.1.20:4780/'],
      ['WLAN', 'http://10.0.0.7:4780/'],
      ['以太网', 'http://[fd00::20]:4780/'],
    ])
  })

  it('says a TV cannot reach a host bound to 127.0.0.1, yet shows the addresses it would have', () => {
    const found = hostAddresses({ host: '127.0.0.1', port: 4780 }, PC)
    expect(found).toMatchObject({ bindHost: '127.0.0.1', port: 4780, lanReachable: false })
    expect(found.addresses[0]?.baseUrl).toBe('http://192.168.1.20:4780/')
  })

  it('offers only the address the host is bound to', () => {
    const found = hostAddresses({ host: '10.0.0.7', port: 5000 }, PC)
    expect(found.lanReachable).toBe(true)
    expect(found.addresses).toEqual([{ name: 'WLAN', address: '10.0.0.7', family: 'IPv4', baseUrl: 'http://10.0.0.7:5000/' }])
  })

  it('is not reachable without an HTTP host, nor on a PC with no network', () => {
    expect(hostAddresses(null, PC)).toMatchObject({ bindHost: null, port: null, lanReachable: false })
    expect(hostAddresses(null, PC).addresses.every((a) => a.baseUrl === null)).toBe(true)
    expect(hostAddresses({ host: '0.0.0.0', port: 4780 }, { lo: [v4('127.0.0.1', true)] })).toMatchObject({ lanReachable: false, addresses: [] })
  })
})
