import { describe, expect, it, vi } from 'vitest'
import { contract } from '../../shared/contract'
import { IPC_EVENT, ipcChannel } from '../../shared/contract/bridge'
import type { LiveEvent } from '../../shared/contract/types'
import { translate } from '../../shared/i18n'
import { EventHub } from '../api/events'
import { bindIpc, type Backend, type SenderEvent } from './ipc'
import type { FakeElectron } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron())

async function setUp(trustedOrigins = ['app://app']) {
  const electron = (await import('electron')) as unknown as FakeElectron
  electron.fake.handlers.clear()
  const window = new electron.BrowserWindow({})
  const hub = new EventHub()
  const dispatch = vi.fn<Backend['dispatch']>(async () => ({ ok: true, data: 'answered' }))
  const log = vi.fn()
  const unbind = bindIpc({
    ipcMain: electron.ipcMain,
    backend: { dispatch, subscribe: (listener) => hub.subscribe(listener) },
    windows: () => electron.BrowserWindow.getAllWindows(),
    trustedOrigins,
    log,
  })
  const fromOurPage: SenderEvent = { sender: { id: window.webContents.id }, senderFrame: { url: 'app://app/index.html', parent: null } }
  const call = (channel: string, event: SenderEvent, input: unknown, meta: unknown) => {
    const handler = electron.fake.handlers.get(ipcChannel(channel))
    if (!handler) throw new Error(`no handler for ${channel}`)
    return handler(event, input, meta) as Promise<unknown>
  }
  return { electron, window, hub, dispatch, log, unbind, fromOurPage, call }
}

describe('IPC binding', () => {
  it('binds exactly one handler per contract channel and removes them all on unbind', async () => {
    const { electron, unbind } = await setUp()
    const expected = Object.keys(contract).map(ipcChannel).sort()
    expect([...electron.fake.handlers.keys()].sort()).toEqual(expected)
    unbind()
    expect(electron.fake.handlers.size).toBe(0)
  })

  it('passes a call from our page to dispatch with its token and locale', async () => {
    const { dispatch, call, fromOurPage } = await setUp()
    const answer = await call('customers.get', fromOurPage, { id: 7 }, { token: 'tok-1', locale: 'en' })
    expect(answer).toEqual({ ok: true, data: 'answered' })
    expect(dispatch).toHaveBeenCalledWith('customers.get', { id: 7 }, { token: 'tok-1', locale: 'en' })
  })

  it('accepts a call before login, when the token is null', async () => {
    const { dispatch, call, fromOurPage } = await setUp()
    await call('setup.status', fromOurPage, {}, { token: null, locale: 'zh-CN' })
    expect(dispatch).toHaveBeenCalledWith('setup.status', {}, { token: null, locale: 'zh-CN' })
  })

  it('refuses a frame from a foreign origin without reaching dispatch', async () => {
    const { dispatch, call, window, log } = await setUp()
    const foreign = { sender: { id: window.webContents.id }, senderFrame: { url: 'https://evil.example/x', parent: null } }
    const answer = await call('users.list', foreign, {}, { token: 'tok', locale: 'en' })
    expect(answer).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(dispatch).not.toHaveBeenCalled()
    expect(log).toHaveBeenCalledWith(expect.stringContaining('https://evil.example/x'))
  })

  it('refuses a sub-frame even when it claims our origin', async () => {
    const { dispatch, call, window } = await setUp()
    const subFrame = { sender: { id: window.webContents.id }, senderFrame: { url: 'app://app/index.html', parent: {} } }
    expect(await call('users.list', subFrame, {}, { token: 'tok', locale: 'en' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('refuses a webContents that is not one of our windows, and a destroyed frame', async () => {
    const { dispatch, call } = await setUp()
    const stranger = { sender: { id: 99_999 }, senderFrame: { url: 'app://app/index.html', parent: null } }
    expect(await call('users.list', stranger, {}, { token: 'tok', locale: 'en' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const gone = { sender: { id: 1 }, senderFrame: null }
    expect(await call('users.list', gone, {}, { token: 'tok', locale: 'en' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('trusts the dev server origin only when it is configured', async () => {
    const devPage = (id: number) => ({ sender: { id }, senderFrame: { url: 'http://localhost:5173/', parent: null } })
    const strict = await setUp()
    expect(await strict.call('setup.status', devPage(strict.window.webContents.id), {}, { token: null, locale: 'en' })).toMatchObject({
      code: 'FORBIDDEN',
    })
    const dev = await setUp(['app://app', 'http://localhost:5173'])
    expect(await dev.call('setup.status', devPage(dev.window.webContents.id), {}, { token: null, locale: 'en' })).toEqual({
      ok: true,
      data: 'answered',
    })
  })

  it('refuses malformed meta with a VALIDATION envelope in the asked language', async () => {
    const { dispatch, call, fromOurPage } = await setUp()
    const bad = [undefined, null, 'tok', { token: 5, locale: 'en' }, { token: 'x' }, { token: 'x'.repeat(600), locale: 'en' }]
    for (const meta of bad) {
      expect(await call('auth.me', fromOurPage, {}, meta)).toMatchObject({ ok: false, code: 'VALIDATION' })
    }
    const english = await call('auth.me', fromOurPage, {}, { token: 1, locale: 'en' })
    expect(english).toMatchObject({ message: translate('en', 'error.VALIDATION') })
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('answers INTERNAL when the backend throws instead of rejecting the renderer promise', async () => {
    const { dispatch, call, fromOurPage, log } = await setUp()
    dispatch.mockRejectedValueOnce(new Error('host unreachable'))
    expect(await call('auth.me', fromOurPage, {}, { token: 't', locale: 'en' })).toMatchObject({ ok: false, code: 'INTERNAL' })
    expect(log).toHaveBeenCalledWith(expect.stringContaining('host unreachable'))
  })

  it('forwards live events to every open window and stops after unbind', async () => {
    const { electron, hub, window, unbind } = await setUp()
    const second = new electron.BrowserWindow({})
    const closed = new electron.BrowserWindow({})
    closed.destroyed = true
    const event: LiveEvent = { type: 'ro.changed', id: 12, at: '2026-03-02T09:00:00+08:00' }
    hub.publish(event)
    expect(window.webContents.send).toHaveBeenCalledWith(IPC_EVENT, event)
    expect(second.webContents.send).toHaveBeenCalledWith(IPC_EVENT, event)
    expect(closed.webContents.send).not.toHaveBeenCalled()
    unbind()
    hub.publish({ ...event, id: 13 })
    expect(window.webContents.send).toHaveBeenCalledTimes(1)
  })
})
