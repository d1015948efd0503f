import { useState } from 'react'
import { Alert, App, Button, Card, Form, Input, Segmented, Typography } from 'antd'
import { useLocale, useT } from '../../i18n'
import { dateTime, money } from '../../format'
import { SignaturePad } from '../../components/SignaturePad'
import { useAuthorise, useRoDraft, type AuthoriseInput } from '../../stores/ro-store'
import type { RoDetailT } from '../../stores/types'
import { useCan } from '../../permissions'

type Method = AuthoriseInput['method']
const METHODS: Method[] = ['signature', 'in_person', 'phone']

/** 客户确认: nothing is dispatched before the customer has approved the estimate as it stands. */
export function AuthorisationPanel({ ro }: { ro: RoDetailT }) {
  const t = useT()
  const locale = useLocale()
  const dirty = useRoDraft((s) => s.dirty)
  const { authorise, busy } = useAuthorise()
  const canAuthorise = useCan('ro.authorise')
  const { message } = App.useApp()
  const [method, setMethod] = useState<Method>('signature')
  const [by, setBy] = useState(ro.customer.name)
  const [note, setNote] = useState('')
  const [signature, setSignature] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)

  const current = ro.authorisations.find((a) => !a.supersededAt) ?? null
  const voided = !ro.authorised && ro.authorisations.some((a) => a.supersededAt)
  const open = ro.allowedActions.includes('authorise')
  const ready = !dirty && ro.lines.length > 0 && by.trim() !== '' && (method !== 'signature' || signature !== null)

  const record = async () => {
    setError(null)
    const failure = await authorise({
      method,
      authorisedBy: by.trim(),
      note: note.trim(),
      ...(method === 'signature' && signature ? { signaturePng: signature } : {}),
    })
    if (failure) return setError(failure.message)
    void message.success(t('authz.recorded'))
  }

  return (
    <Card size="small" title={t('authz.title')} className="authorisation">
      <div role="status" aria-label={t('authz.status')}>
        {ro.authorised && current ? (
          <Alert
            type="success"
            showIcon
            title={t('authz.authorised', { gross: money(current.grossFen, locale) })}
            description={
              <>
                <div>{t('authz.authorisedBy', { by: current.authorisedBy, method: `authz.method.${current.method}`, at: dateTime(current.at) })}</div>
                {/* The note (e.g. "电话确认，同意更换刹车片") is part of the approval: shown here, not only on paper. */}
                {current.note && <div className="authz-note">{t('authz.noteShown', { note: current.note })}</div>}
              </>
            }
          />
        ) : voided ? (
          <Alert type="warning" showIcon title={t('authz.again')} description={t('authz.againHint')} />
        ) : (
          <Alert type="info" showIcon title={t('authz.pending')} />
        )}
      </div>
      {current?.signaturePng && <img className="signature-img" src={current.signaturePng} alt={t('authz.signatureOf', { by: current.authorisedBy })} />}
      {canAuthorise && open && !ro.authorised && (
        <Form layout="vertical" className="authz-form" aria-label={t('authz.record')} onFinish={() => void record()}>
          {dirty && <Alert type="warning" showIcon title={t('authz.saveFirst')} style={{ marginBottom: 8 }} />}
          <Form.Item label={t('field.method')}>
            <Segmented<Method>
              value={method}
              onChange={setMethod}
              options={METHODS.map((m) => ({ value: m, label: t(`authz.method.${m}`) }))}
            />
          </Form.Item>
          <Form.Item label={t('field.authorisedBy')}>
            <Input value={by} onChange={(e) => setBy(e.target.value)} aria-label={t('field.authorisedBy')} />
          </Form.Item>
          {method === 'signature' && <SignaturePad onChange={setSignature} width={300} height={120} />}
          <Form.Item label={t('field.note')}>
            <Input value={note} onChange={(e) => setNote(e.target.value)} aria-label={t('field.note')} placeholder={t(`authz.notePlaceholder.${method}`)} />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
          <Button type="primary" htmlType="submit" block disabled={!ready} loading={busy}>
            {t('authz.record')}
          </Button>
        </Form>
      )}
      {ro.authorisations.length > 0 && (
        <div className="authz-history">
          <Typography.Text type="secondary">{t('authz.history')}</Typography.Text>
          <ul>
            {ro.authorisations.map((a) => (
              <li key={a.id} className={a.supersededAt ? 'superseded' : ''}>
                {dateTime(a.at)} · {a.authorisedBy} · {t(`authz.method.${a.method}`)} · {money(a.grossFen, locale)}
                {a.note && ` · ${a.note}`}
                {a.supersededAt && ` · ${t('authz.superseded')}`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  )
}
