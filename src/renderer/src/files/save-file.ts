import { App } from 'antd'
import { useState } from 'react'
import type { Envelope } from '../../../shared/contract'

// Files the host builds (XLSX workbooks, JSON packages, stored attachments) come back as base64
// in the answer; they are handed to the browser's download as the named file, one way everywhere.

export interface HostFile {
  fileName: string
  mimeType: string
  base64: string
}

/** Saves a file the host made under its own name (the browser's download). */
export function saveFile(file: HostFile): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }))
  const link = document.createElement('a')
  link.href = url
  link.download = file.fileName
  link.click()
  URL.revokeObjectURL(url)
}

/**
 * A button's "save as file": `save(key, ask)` asks the host, saves the file, shows a refusal's
 * message; `busy` is the key of the save under way (for the button's spinner).
 */
export function useFileSave<K extends string = string>() {
  const { message } = App.useApp()
  const [busy, setBusy] = useState<K | null>(null)
  const save = async <F extends HostFile>(key: K, ask: () => Promise<Envelope<F>>): Promise<F | null> => {
    setBusy(key)
    try {
      const answer = await ask()
      if (!answer.ok) {
        void message.error(answer.message)
        return null
      }
      saveFile(answer.data)
      return answer.data
    } finally {
      setBusy(null)
    }
  }
  return { busy, save }
}
