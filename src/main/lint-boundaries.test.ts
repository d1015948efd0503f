import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// The boundaries of ARCHITECTURE.md fail lint, however the import is written. Each case lints a
// line of code as if it were in the named file, with the project's own eslint config.

const root = fileURLToPath(new URL('../..', import.meta.url))
const eslint = new ESLint({ cwd: root })

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport {}\n`, { filePath: `${root}${file}` })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').map((m) => m.message)
}

const refused: [string, string, RegExp][] = [
  ['src/renderer/src/screens/x.tsx', "import { createApp } from '../../../main/app'", /never imports main/],
  ['src/renderer/src/screens/x.tsx', "import type { Store } from '../../../main/store/open'", /never imports main/],
  ['src/renderer/src/screens/x.tsx', "void import('../../../main/app')", /never imports main/],
  ['src/renderer/src/screens/x.tsx', "import { readFileSync } from 'node:fs'", /no Node built-ins/],
  ['src/renderer/src/screens/x.tsx', "import Database from 'better-sqlite3'", /only through the API/],
  ['src/renderer/src/screens/x.tsx', "import { ipcRenderer } from 'electron'", /window\.api/],
  ['src/main/parts/x.ts', "import { app } from 'electron'", /Only src\/main\/electron/],
  ['src/main/parts/x.ts', "void import('electron')", /Only src\/main\/electron/],
  ['src/main/parts/x.ts', "require('electron')", /Only src\/main\/electron/],
  ['src/main/parts/x.ts', "import { Button } from 'antd'", /no UI/],
  ['src/main/parts/x.ts', "import { money } from '../../renderer/src/format'", /never imports renderer/],
  ['src/main/electron/x.ts', "void import('../../renderer/src/format')", /never imports renderer/],
  ['src/shared/domain/x.ts', "import Database from 'better-sqlite3'", /nothing platform-bound/],
  ['src/shared/domain/x.ts', "import { join } from 'node:path'", /no Node built-ins/],
  ['src/shared/domain/x.ts', "import { createApp } from '../../main/app'", /nothing outside itself/],
  ['src/shared/domain/x.ts', "void import('../../renderer/src/format')", /nothing outside itself/],
  ['src/head-office/x.ts', "import { openStore } from '../main/store/open'", /only src\/shared/],
]

const allowed: [string, string][] = [
  ['src/main/electron/x.ts', "import { app } from 'electron'"],
  ['src/renderer/src/screens/x.tsx', "import { translate } from '../../../shared/i18n'"],
  ['src/main/parts/x.ts', "import Database from 'better-sqlite3'"],
  ['src/head-office/x.ts', "import { spec } from '../shared/export/spec'"],
]

describe('lint boundaries', () => {
  it.each(refused)('refuse in %s: %s', async (file, code, message) => {
    const found = await problems(file, code)
    expect(found.length, `${file}: ${code}`).toBeGreaterThan(0)
    expect(found.join('\n')).toMatch(message)
  })

  it.each(allowed)('allow in %s: %s', async (file, code) => {
    expect(await problems(file, code)).toEqual([])
  })
})
