import { describe, expect, it } from 'vitest'
import type { ApiClient } from '../../../../shared/contract'
import { createDataAdminStore } from './data-admin-store'

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

describe('the data administration store', () => {
  it('loads only what the person may see', async () => {
    const { api, calls } = fakeApi()
    const store = createDataAdminStore(api, { export: false, backup: true })
    await store.getState().load()
    expect(calls).toEqual(['data.backup.status'])
    expect(store.getState().backups).toHaveLength(1)
    expect(store.getState().exportStatus).toBeNull()
  })

  it('reloads after an accepted request, and hands a refusal back without reloading', async () => {
    const { api, calls } = fakeApi({ 'data.export.resend': '未找到数据批次' })
    const store = createDataAdminStore(api, { export: true, backup: true })
    expect(await store.getState().runExport()).toBeNull()
    expect(calls).toContain('data.export.status')
    calls.length = 0
    expect(await store.getState().resend('NOPE')).toMatchObject({ ok: false, message: '未找到数据批次' })
    expect(calls).toEqual(['data.export.resend'])
  })

  it('notes a restore announced by the host, and ignores other areas’ events', async () => {
    const { api, calls } = fakeApi()
    const store = createDataAdminStore(api, { export: true, backup: true })
    store.getState().changed('ro.updated', 5)
    expect(calls).toEqual([])
    store.getState().changed('data.restored', 'dealer-20261127-100000-auto.sqlite')
    expect(store.getState().restoredFrom).toBe('dealer-20261127-100000-auto.sqlite')
  })
})
