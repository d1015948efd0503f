import { translate, type Locale } from '../../shared/i18n'
import type { BackupInfo } from './catalogue'
import { fileSize } from '../../shared/format/numbers'

// The recovery screen: plain server-rendered HTML with one form per backup, no script, so it
// works when nothing else of the app can start.

const esc = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

const STYLE = `body{font-family:system-ui,"Microsoft YaHei",sans-serif;max-width:860px;margin:2rem auto;padding:0 1rem;color:#222}
h1{color:#a8071a}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}
.note{background:#fff1f0;border:1px solid #ffa39e;padding:.8rem}.ok{background:#f6ffed;border:1px solid #b7eb8f;padding:.8rem}
button{padding:.3rem .8rem}code{font-size:.85em}`

function page(locale: Locale, title: string, body: string): string {
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${esc(title)}</title>
<style>${STYLE}</style></head><body>${body}</body></html>`
}

export function recoveryPage(o: {
  locale: Locale
  problems: readonly string[]
  backups: readonly BackupInfo[]
  nonce: string
  message?: { kind: 'ok' | 'error'; text: string }
}): string {
  const t = (key: string, params?: Record<string, string>) => translate(o.locale, key, params)
  const rows = o.backups
    .map(
      (b) => `<tr><td><code>${esc(b.name)}</code></td><td>${esc(b.createdAt)}</td>
<td>${esc(t(`data.backup.reason.${b.reason}`))}</td><td>${esc(t(`data.backup.location.${b.location}`))}</td>
<td>${fileSize(b.bytes)}</td><td><form method="post" action="/recovery/restore">
<input type="hidden" name="nonce" value="${esc(o.nonce)}"><input type="hidden" name="name" value="${esc(b.name)}">
<input type="hidden" name="location" value="${b.location}"><button type="submit">${esc(t('data.recovery.restoreButton'))}</button>
</form></td></tr>`,
    )
    .join('')
  const message = o.message ? `<p class="${o.message.kind === 'ok' ? 'ok' : 'note'}">${esc(o.message.text)}</p>` : ''
  const list =
    o.backups.length === 0
      ? `<p class="note">${esc(t('data.recovery.noBackups'))}</p>`
      : `<h2>${esc(t('data.recovery.choose'))}</h2><table><tr><th>${esc(t('data.backup.col.name'))}</th>
<th>${esc(t('data.backup.col.created'))}</th><th>${esc(t('data.backup.col.reason'))}</th>
<th>${esc(t('data.backup.col.location'))}</th><th>${esc(t('data.backup.col.size'))}</th><th></th></tr>${rows}</table>`
  return page(
    o.locale,
    t('data.recovery.title'),
    `<h1>${esc(t('data.recovery.title'))}</h1>${message}<p>${esc(t('data.recovery.explain'))}</p>
<details><summary>${esc(t('data.recovery.problems'))}</summary><pre>${esc(o.problems.join('\n'))}</pre></details>${list}`,
  )
}

export function donePage(locale: Locale): string {
  const title = translate(locale, 'data.recovery.title')
  return page(locale, title, `<p class="ok">${esc(translate(locale, 'data.recovery.done'))}</p>`)
}
