import { basename, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DB_FILE } from '../src/main/app'
import { availableBackups } from '../src/main/backup/integrity'
import { restoreOffline, RestoreError } from '../src/main/backup/restore'
import { DEFAULT_TIME_ZONE, systemClock } from '../src/shared/domain/time'
import { asLocale, translate } from '../src/shared/i18n'

// `npm run restore -- --data-dir D --from <backup file | backup name>` with the app stopped.
// Without --from it lists the backups. The current store files are moved to D/replaced/…,
// never deleted. `--lang en` for English.

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    from: { type: 'string' },
    lang: { type: 'string', default: process.env.LANG ?? 'zh-CN' },
  },
})
const locale = asLocale(values.lang)
const say = (key: string, params?: Record<string, string>) => translate(locale, key, params)

if (!values['data-dir']) {
  console.error(say('data.restore.usage'))
  process.exit(2)
}
const dataDir = resolve(values['data-dir'])
const backups = availableBackups(dataDir)

if (!values.from) {
  console.log(say('data.restore.usage'))
  console.log(say('data.restore.list'))
  for (const b of backups) console.log(`  ${b.name}  ${b.createdAt}  ${b.reason}  ${b.location}  ${b.file}`)
  process.exit(2)
}

// A bare name means one of the listed backups; anything else is a path.
const byName = backups.find((b) => b.name === values.from)
const from = byName ? byName.file : resolve(values.from)

try {
  const { savedIn } = await restoreOffline({ dataDir, dbFile: DB_FILE, from, clock: systemClock, timeZone: DEFAULT_TIME_ZONE })
  console.log(savedIn ? say('data.restore.done', { savedIn }) : say('data.restore.doneNothingSaved'))
  console.log(`${basename(from)} → ${join(dataDir, DB_FILE)}`)
} catch (error) {
  if (error instanceof RestoreError) {
    console.error(say(error.messageKey, error.params))
    process.exit(1)
  }
  throw error
}
