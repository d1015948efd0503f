import { Typography } from 'antd'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { useT } from '../../i18n'
import { dateTime, timeOnly } from '../../format'
import { questionText } from './question-text'

type Call = OutputOf<Contract['care.followups.get']>['calls'][number]

/** Every call of a follow-up: when, who, outcome and the scores given. */
export function CallHistory({ calls }: { calls: Call[] }) {
  const t = useT()
  return (
    <div className="care-history">
      <Typography.Text strong>{t('care.call.history')}</Typography.Text>
      {calls.length === 0 ? (
        <div>
          <Typography.Text type="secondary">{t('care.call.noCalls')}</Typography.Text>
        </div>
      ) : (
        <ul aria-label={t('care.call.history')}>
          {calls.map((c) => (
            <li key={c.id}>
              {dateTime(c.startedAt)}–{timeOnly(c.endedAt)} · {c.userName} · {t(`callOutcome.${c.outcome}`)}
              {c.callbackAt ? ` → ${dateTime(c.callbackAt)}` : ''}
              {c.answers.length > 0 ? ` · ${c.answers.map((a) => `${questionText(t, a.question, a.text)} ${a.score}`).join(', ')}` : ''}
              {c.remark ? ` · ${c.remark}` : ''}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
