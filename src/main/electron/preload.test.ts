import { beforeAll, describe, expect, it, vi } from 'vitest'
import { contract } from '../../shared/contract'
import { IPC_EVENT, ipcChannel, type Bridge } from '../../shared/contract/bridge'
import type { FakeElectron } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron())

let electron: FakeElectron
let api: Bridge

beforeAll(async () => {
  electron = (await import('electron')) as unknown as FakeElectron
  await import('./preload')
  api = electron.fake.exposed.api as Bridge
})

describe('preload bridge', () => {
  it('exposes one object named api, holding exactly the contract channels plus onEvent and onStatus', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1)
    expect(Object.keys(electron.fake.exposed)).toEqual(['api'])
    expect(Object.keys(api).sort()).toEqual([...Object.keys(contract), 'onEvent', 'onStatus'].sort())
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
  })

  it('never hands the page ipcRenderer or a generic send', () => {
    const values = Object.values(api) as unknown[]
    expect(values).not.toContain(electron.ipcRenderer)
    expect(api).not.toHaveProperty('invoke')
    expect(api).not.toHaveProperty('send')
  })

  it('invokes the IPC channel of each contract channel with the input and meta', async () => {
    const meta = { token: 'tok', locale: 'en' }
    for (const channel of Object.keys(contract) as (keyof typeof contract)[]) {
      electron.ipcRenderer.invoke.mockClear()
      await api[channel]({ probe: channel }, meta)
      expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(ipcChannel(channel), { probe: channel }, meta)
    }
  })

  it('hands the renderer the answer envelope unchanged', async () => {
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, code: 'FORBIDDEN', message: 'no' })
    await expect(api['users.list']({}, { token: null, locale: 'zh-CN' })).resolves.toEqual({ ok: false, code: 'FORBIDDEN', message: 'no' })
  })

  it('delivers live events without the IPC event object and unsubscribes', () => {
    const received: unknown[] = []
    const off = api.onEvent((event) => received.push(event))
    const listeners = [...(electron.fake.rendererListeners.get(IPC_EVENT) ?? [])]
    expect(listeners).toHaveLength(1)
    const ipcEvent = { sender: electron.ipcRenderer }
    listeners[0]?.(ipcEvent, { type: 'ro.changed', id: 3, at: 'now' })
    expect(received).toEqual([{ type: 'ro.changed', id: 3, at: 'now' }])
    off()
    expect(electron.fake.rendererListeners.get(IPC_EVENT)?.size).toBe(0)
  })

  it('refuses to subscribe something that is not a function', () => {
    expect(() => api.onEvent('x' as unknown as () => void)).toThrow(TypeError)
  })
})
