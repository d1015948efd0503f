import type { ServerResponse } from 'node:http'
import { asLocale, translate } from '../../shared/i18n'

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

/**
 * What a browser on an unpaired PC sees instead of the app: what to ask the administrator for,
 * and a field for the pairing code (submitted to `/pair`, which sets the device cookie). It
 * carries no script and no data from the store. After a wrong code it says so above the field.
 */
export function sendUnpairedPage(
  res: ServerResponse,
  acceptLanguage: string | null,
  headers: Record<string, string>,
  problem?: 'pair.wrongCode',
): void {
  const locale = asLocale(acceptLanguage)
  const t = (key: Parameters<typeof translate>[1]) => escape(translate(locale, key))
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${t('pair.title')}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;background:#f5f5f5;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;padding:32px 40px;border-radius:8px;box-shadow:0 1px 4px rgba(0,0,0,.12);max-width:480px}
h1{font-size:20px;margin:0 0 12px}p{color:#555;line-height:1.6}label{display:block;margin:16px 0 6px}
.problem{color:#cf1322;font-weight:600}
input{width:100%;box-sizing:border-box;padding:8px;font-size:16px;font-family:monospace}button{margin-top:16px;padding:8px 20px;font-size:15px}
</style></head>
<body><main><h1>${t('pair.title')}</h1><p>${t('pair.explain')}</p>${problem ? `<p role="alert" class="problem">${t(problem)}</p>` : ''}
<form action="/pair" method="get" aria-label="${t('pair.title')}">
<label for="code">${t('pair.code')}</label><input id="code" name="code" autocomplete="off" required minlength="20" autofocus>
<button type="submit">${t('pair.submit')}</button></form></main></body></html>`
  res.writeHead(403, {
    ...headers,
    // This page's one form posts to ourselves; everything else stays as strict as the app's.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
  })
  res.end(html)
}
