import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// Chinese text takes Chinese punctuation (STYLE: full-width colon etc.): "损伤：前保险杠", never
// "损伤: 前保险杠". Two places put text on screen: the zh-CN catalogs, and code that runs
// several translated pieces together. Both are read as files, so a catalog area or a screen added
// later is checked without anyone listing it here.

const ROOT = resolve(import.meta.dirname, '..')
const CJK = '\\u2E80-\\u9FFF\\uF900-\\uFAFF\\uFF00-\\uFFEF\\u3000-\\u303F'
/** An ASCII colon or semicolon right after Chinese text (a space between does not excuse it). */
const AFTER_CJK = new RegExp(`[${CJK}]\\s*[:;]`)

function files(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path, keep) : keep(path) ? [path] : []
  })
}

/** `'key': 'value'` pairs of a catalog file, values as written (single-quoted in this code base). */
function catalogValues(text: string): [string, string][] {
  return [...text.matchAll(/^\s*'([^']+)':\s*\n?\s*'((?:[^'\\]|\\.)*)'/gm)].map((m) => [m[1]!, m[2]!])
}

describe('Chinese punctuation', () => {
  it('has no ASCII colon after Chinese text in any zh-CN catalog value', async () => {
    const dir = join(ROOT, 'src/shared/i18n/zh-CN')
    const bad: string[] = []
    let seen = 0
    for (const path of files(dir, (p) => p.endsWith('.ts'))) {
      for (const [key, value] of catalogValues(readFileSync(path, 'utf8'))) {
        seen += 1
        if (AFTER_CJK.test(value)) bad.push(`${relative(ROOT, path)} ${key}: ${value}`)
      }
    }
    expect(seen).toBeGreaterThan(500)
    expect(bad).toEqual([])
  })

  it('finds real catalog keys, and the merged values the app shows pass the same check', async () => {
    // The file parser must not invent keys; and a key defined in two areas shows only one value.
    const { isMessageKey, translate } = await import('../src/shared/i18n')
    const dir = join(ROOT, 'src/shared/i18n/zh-CN')
    for (const path of files(dir, (p) => p.endsWith('.ts'))) {
      for (const [key] of catalogValues(readFileSync(path, 'utf8'))) {
        expect(isMessageKey(key), key).toBe(true)
        expect(AFTER_CJK.test(translate('zh-CN', key)), key).toBe(false)
      }
    }
  })

  it('runs no translated pieces together with an ASCII colon in the UI code', () => {
    // `{t(a)}: {b}` in JSX or `${t(a)}: ${b}` in a template would show "损伤: 前保险杠" in Chinese;
    // such pairs go through the catalog (common.labelValue) so each language punctuates its own.
    const joined = /\bt\([^`]*?\)\}:\s*\$?\{/
    const bad: string[] = []
    for (const path of files(join(ROOT, 'src/renderer/src'), (p) => /\.tsx?$/.test(p) && !p.endsWith('.test.ts'))) {
      readFileSync(path, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (joined.test(line)) bad.push(`${relative(ROOT, path)}:${i + 1}: ${line.trim()}`)
        })
    }
    expect(bad).toEqual([])
  })
})
