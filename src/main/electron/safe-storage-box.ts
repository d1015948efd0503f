import { safeStorage } from 'electron'
import type { SecretBox } from '../secrets/secret-box'

/**
 * Electron's safeStorage (DPAPI on Windows, the keychain/libsecret elsewhere) as the secret box,
 * when the OS offers it; the key-file box is used otherwise (e.g. Linux without a keyring).
 */
export function safeStorageBox(): SecretBox | null {
  if (!safeStorage.isEncryptionAvailable()) return null
  return {
    kind: 'safestorage',
    seal: (plain) => safeStorage.encryptString(plain).toString('base64'),
    open(sealed) {
      try {
        return safeStorage.decryptString(Buffer.from(sealed, 'base64'))
      } catch {
        return null
      }
    },
  }
}
