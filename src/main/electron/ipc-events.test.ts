import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { IPC_EVENT, ipcChannel } from '../../shared/contract/bridge'
import { sessionMayReceive } from '../api/live-access'
import { makeTestApp, type TestApp } from '../test-support/test-app'
import { bindIpc, type SenderEvent } from './ipc'
import type { FakeElectron } from './fake-electron'

// The IPC equivalent of the push channel: each window hears only what the session its page uses
// may read, and nothing once that session has ended.

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron())

let t: TestApp
beforeAll(async () => {
  t = await makeTestApp({ roles: ['technician', 'parts_clerk'] })
})
afterAll(() => t.close())

describe('live events over IPC', () => {
  it('sends each window only what its session may read, and nothing after logout', async () => {
    const electron = (await import('electron')) as unknown as FakeElectron
    electron.fake.handlers.clear()
    const workshop = new electron.BrowserWindow({})
    const counter = new electron.BrowserWindow({})
    const unbind = bindIpc({
      ipcMain: electron.ipcMain,
      backend: {
        dispatch: t.app.dispatch,
        subscribe: (listener) => t.app.hub.subscribe(listener),
        mayReceive: (token, event) => sessionMayReceive(t.app, token, event),
      },
      windows: () => electron.BrowserWindow.getAllWindows(),
      trustedOrigins: ['app://app'],
    })
    const call = (window: { webContents: { id: number } }, channel: string, token: string) => {
      const event: SenderEvent = { sender: { id: window.webContents.id }, senderFrame: { url: 'app://app/index.html', parent: null } }
      return electron.fake.handlers.get(ipcChannel(channel))!(event, {}, { token, locale: 'en' })
    }
    await call(workshop, 'auth.me', t.tokens.technician)
    await call(counter, 'auth.me', t.tokens.parts_clerk)
    const at = '2026-11-27T10:30:00+08:00'
    t.app.hub.publish({ type: 'workshop.changed', id: 1, at })
    t.app.hub.publish({ type: 'stocktake.changed', id: 2, at })
    const sent = (w: typeof workshop) => vi.mocked(w.webContents.send).mock.calls.filter((c) => c[0] === IPC_EVENT).map((c) => (c[1] as { id: number }).id)
    expect(sent(workshop)).toEqual([1])
    expect(sent(counter)).toEqual([2])
    await call(workshop, 'auth.logout', t.tokens.technician)
    t.app.hub.publish({ type: 'workshop.changed', id: 3, at })
    expect(sent(workshop)).toEqual([1])
    unbind()
  })
})
