import { describe, expect, it, vi } from 'vitest'
import { openSealed, sealedWith } from '../secrets/secret-box'
import { safeStorageBox } from './safe-storage-box'
import type { FakeElectron } from './fake-electron'

vi.mock('electron', async () => (await import('./fake-electron')).createFakeElectron())

describe('safeStorage secret box', () => {
  it('seals through the OS and opens only what it sealed', async () => {
    const box = safeStorageBox()!
    const sealed = sealedWith(box, 'head-office-token')
    expect(sealed).toMatch(/^sealed:v1:safestorage:/)
    expect(sealed).not.toContain('head-office-token')
    expect(openSealed(box, sealed)).toBe('head-office-token')
    expect(openSealed(box, 'sealed:v1:safestorage:bm90LXNlYWxlZA==')).toBeNull()
    expect(openSealed(box, 'sealed:v1:keyfile:abc')).toBeNull()
  })

  it('is not offered when the OS has no keychain, so the key file is used', async () => {
    const electron = (await import('electron')) as unknown as FakeElectron & { safeStorage: { isEncryptionAvailable: ReturnType<typeof vi.fn> } }
    electron.safeStorage.isEncryptionAvailable.mockReturnValueOnce(false)
    expect(safeStorageBox()).toBeNull()
  })
})
