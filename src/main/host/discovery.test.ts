import { createSocket } from 'node:dgram'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addressFacing, announcesOnLan, broadcastAddresses, discoverHosts, startDiscoveryResponder, type DiscoveryResponder } from './discovery'

// The LAN spec (e2e/lan.spec.ts) finds a host across network namespaces; here the protocol itself
// runs over loopback on a free port.
const PORT = 47_000 + (process.pid % 1_000)
let responder: DiscoveryResponder

beforeAll(async () => {
  responder = await startDiscoveryResponder({ httpPort: 4780, boundHost: '127.0.0.1', dealerName: () => '测试4S店', port: PORT })
})
afterAll(() => responder.close())

describe('finding the host on the LAN', () => {
  it('answers the question with the host’s URL and the dealership’s name, and nothing else', async () => {
    const socket = createSocket('udp4')
    const answer = await new Promise<string>((done) => {
      socket.on('message', (m) => done(m.toString('utf8')))
      socket.send('dealer-aftersales/1?', PORT, '127.0.0.1')
    })
    socket.close()
    expect(JSON.parse(answer)).toEqual({ service: 'dealer-aftersales/1', url: 'http://127.0.0.1:4780/', dealerName: '测试4S店' })
  })

  it('lists each host that answered once', async () => {
    expect(await discoverHosts({ port: PORT, targets: ['127.0.0.1', '127.0.0.1'], timeoutMs: 300 })).toEqual([
      { url: 'http://127.0.0.1:4780/', dealerName: '测试4S店' },
    ])
  })

  it('ignores anything that is not the question', async () => {
    const socket = createSocket('udp4')
    let answered = false
    socket.on('message', () => (answered = true))
    for (const junk of ['hello', 'dealer-aftersales/1', 'x'.repeat(500)]) socket.send(junk, PORT, '127.0.0.1')
    await new Promise((done) => setTimeout(done, 300))
    socket.close()
    expect(answered).toBe(false)
  })

  it('answers with the address on the asker’s subnet and asks each subnet’s broadcast address', () => {
    const nics = [
      { address: '192.168.1.10', netmask: '255.255.255.0' },
      { address: '10.231.0.1', netmask: '255.255.0.0' },
    ]
    expect(addressFacing('10.231.7.9', nics)).toBe('10.231.0.1')
    expect(addressFacing('192.168.1.77', nics)).toBe('192.168.1.10')
    expect(addressFacing('172.16.0.1', nics)).toBeNull()
    expect(broadcastAddresses(nics)).toEqual(['192.168.1.255', '10.231.255.255'])
  })

  it('announces only a host that listens on the LAN', () => {
    expect(announcesOnLan('0.0.0.0')).toBe(true)
    expect(announcesOnLan('192.168.1.10')).toBe(true)
    expect(announcesOnLan('127.0.0.1')).toBe(false)
    expect(announcesOnLan('localhost')).toBe(false)
  })
})
