import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Store } from '../store/open'
import { migratedTempStore, type TempStore } from '../test-support/temp-store'
import { readExportSettings, writeExportSettings } from './settings'
import { keyFileBox } from '../secrets/key-file-box'
import { attachSecretBox } from '../secrets/registry'

let temp: TempStore
let store: Store
beforeEach(async () => {
  temp = await migratedTempStore('export-settings')
  store = temp.store
  attachSecretBox(store, keyFileBox(temp.dir))
})
afterEach(() => temp.close())

describe('export settings', () => {
  it('keeps a target’s token and certificate when the screen sends the target back without them', () => {
    const https = { id: 'ho', kind: 'https' as const, label: '总部', url: 'https://ho.example.cn/batches', allowHttp: false }
    writeExportSettings(store, { targets: [{ ...https, token: 'secret-token-1', caPem: 'PEM' }] })
    writeExportSettings(store, { targets: [{ ...https, label: 'Head office' }] })
    expect(readExportSettings(store).targets).toEqual([{ ...https, label: 'Head office', token: 'secret-token-1', caPem: 'PEM' }])
    writeExportSettings(store, { targets: [{ ...https, caPem: '' }] })
    expect(readExportSettings(store).targets).toEqual([{ ...https, token: 'secret-token-1' }])
  })

  it('defaults to a pseudonymised nightly batch at 21:30 with no targets', () => {
    expect(readExportSettings(store)).toEqual({ enabled: true, timeOfDay: '21:30', personalData: 'pseudonymised', targets: [] })
  })
})
