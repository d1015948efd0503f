import { describe, expect, it } from 'vitest'
import { QueryClient, QueryObserver } from '@tanstack/react-query'
import { createStore } from 'zustand/vanilla'
import type { ApiClient } from '../../../../shared/contract'
import { dataAct, dataAdminQueries, dataAdminUiState, type DataPermissions } from './data-admin-store'

const exportStatus = {
  settings: { enabled: true, timeOfDay: '21:30', personalData: 'pseudonymised', targets: [] },
  dealerCode: 'DEMO01',
  lastBatch: null,
  nextRunAt: '2026-11-27T21:30:00+08:00',
  queue: [],
}
const backupStatus = {
  settings: { intervalMinutes: 30, keepRecent: 48, keepDaily: 14, keepMonthly: 12, secondDir: null },
  backups: [{ name: 'dealer-20261127-100000-auto.sqlite', location: 'primary', createdAt: '2026-11-27T10:00:00+08:00', reason: 'auto', bytes: 1, sha256: 'x', check: 'ok' }],
  lastBackupAt: '2026-11-27T10:00:00+08:00',
  jobs: [],
}

function fakeApi(fail: Record<string, string> = {}) {
  const calls: string[] = []
  const api = {
    call: async (channel: string) => {
      calls.push(channel)
      if (fail[channel]) return { ok: false, code: 'NOT_FOUND', message: fail[channel] }
      if (channel === 'data.export.status') return { ok: true, data: exportStatus }
      if (channel === 'data.export.batches') return { ok: true, data: [] }
      if (channel === 'data.backup.status') return { ok: true, data: backupStatus }
      return { ok: true, data: { accepted: true } }
    },
    subscribe: () => () => {},
  } as unknown as ApiClient
  return { api, calls }
}

const settle = () => new Promise((done) => setTimeout(done, 5))

/** The data screen as its hooks wire it: one observer per read. */
function screen(api: ApiClient, may: DataPermissions) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const [status, batches, backup] = dataAdminQueries(api, may).map((options) => {
    const observer = new QueryObserver(client, options as ConstructorParameters<typeof QueryObserver>[1])
    observer.subscribe(() => {})
    return () => observer.getCurrentResult().data
  })
  return { client, status: status!, batches: batches!, backup: backup! as () => typeof backupStatus | undefined }
}

describe('the data administration store', () => {
  it('loads only what the person may see', async () => {
    const { api, calls } = fakeApi()
    const view = screen(api, { export: false, backup: true })
    await settle()
    expect(calls).toEqual(['data.backup.status'])
    expect(view.backup()?.backups).toHaveLength(1)
    expect(view.status()).toBeUndefined()
  })

  it('reloads after an accepted request, and hands a refusal back without reloading', async () => {
    const { api, calls } = fakeApi({ 'data.export.resend': '未找到数据批次' })
    const view = screen(api, { export: true, backup: true })
    await settle()
    calls.length = 0
    expect(await dataAct(api, view.client, 'data.export.run', {})).toBeNull()
    expect(calls).toContain('data.export.status')
    calls.length = 0
    expect(await dataAct(api, view.client, 'data.export.resend', { batchId: 'NOPE' })).toMatchObject({ ok: false, message: '未找到数据批次' })
    expect(calls).toEqual(['data.export.resend'])
  })

  it('notes a restore announced by the host, and ignores other areas’ events', () => {
    const ui = createStore(dataAdminUiState())
    ui.getState().heard({ type: 'ro.updated', id: 5 })
    expect(ui.getState().restoredFrom).toBeNull()
    ui.getState().heard({ type: 'data.restored', id: 'dealer-20261127-100000-auto.sqlite' })
    expect(ui.getState().restoredFrom).toBe('dealer-20261127-100000-auto.sqlite')
  })
})
