import { useState } from 'react'
import { Alert, Button, DatePicker, Skeleton, Space, Table, Typography } from 'antd'
import dayjs from 'dayjs'
import type { OutputOf } from '../../../../shared/contract/types'
import type { Contract } from '../../../../shared/contract'
import { failureOf, useApiMutation, useApiQuery } from '../../api/query-client'
import { PrintFrame } from '../../components/PrintFrame'
import { dateTime, todayIn } from '../../format'
import { useT } from '../../i18n'
import { useCan } from '../../permissions'
import { Forbidden } from '../shell/Forbidden'
import { useTimeZone } from '../settlement/use-settlement'
import { CardBody, ReviewText } from './ScorecardsTab'
import '../settlement/settlement.css'
import './department.css'

type Row = OutputOf<Contract['department.myScorecards']>[number]

/** 我的绩效: one's own monthly scorecard, the manager's comment to acknowledge, and the months so far. */
export function MyScorecardScreen() {
  const t = useT()
  const can = useCan('department.own')
  const timeZone = useTimeZone()
  const [month, setMonth] = useState(() => todayIn(timeZone).slice(0, 7))
  const [printing, setPrinting] = useState(false)
  const card = useApiQuery('department.myScorecard', { month }, { enabled: can })
  const history = useApiQuery('department.myScorecards', {}, { enabled: can })
  const acknowledge = useApiMutation('department.scorecard.acknowledge')
  if (!can) return <Forbidden />
  const c = card.data
  if (c && printing) {
    return (
      <PrintFrame title={t('dept.scorecardTitle')} number={c.person.name} sub={month} backLabel={t('dept.backToCard')} onBack={() => setPrinting(false)}>
        <CardBody card={c} />
        <ReviewText card={c} />
        <div className="dept-sign">{t('dept.signLine')}</div>
      </PrintFrame>
    )
  }
  const failure = failureOf(card.error)
  return (
    <div className="stl-screen dept">
      <Typography.Title level={4} className="stl-title">
        {t('myScore.title')}
      </Typography.Title>
      <Space className="stl-toolbar">
        <DatePicker picker="month" size="small" allowClear={false} aria-label={t('dept.month')} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />
        {c && (
          <Button size="small" onClick={() => setPrinting(true)}>
            {t('dept.print')}
          </Button>
        )}
      </Space>
      {failure && <Alert type="info" showIcon message={failure.message || t('myScore.noCard')} />}
      {!c && !failure && <Skeleton active />}
      {c && (
        <>
          <Typography.Title level={5}>{t('dept.scorecardOf', { name: c.person.name, month })}</Typography.Title>
          <CardBody card={c} />
          {c.review ? <ReviewText card={c} /> : <Typography.Paragraph type="secondary">{t('myScore.noReview')}</Typography.Paragraph>}
          {c.review && c.review.acknowledgedAt === null && (
            <Button type="primary" size="small" loading={acknowledge.isPending} onClick={() => c.review && acknowledge.mutate({ month, version: c.review.version })}>
              {t('myScore.acknowledge')}
            </Button>
          )}
        </>
      )}
      <Typography.Title level={5} className="dept-h">
        {t('myScore.history')}
      </Typography.Title>
      <Table<Row>
        size="small"
        rowKey="month"
        loading={!history.data}
        pagination={false}
        dataSource={history.data ?? []}
        aria-label={t('myScore.history')}
        columns={[
          { title: t('dept.month'), dataIndex: 'month', width: 90 },
          { title: t('myScore.comment'), dataIndex: 'comment' },
          { title: t('dept.review'), render: (_, r) => t('dept.commentedBy', { name: r.commentedBy, at: dateTime(r.commentedAt) }) },
          { title: t('dept.acknowledged'), render: (_, r) => (r.acknowledgedAt ? dateTime(r.acknowledgedAt) : t('dept.notAcknowledged')) },
          {
            title: '',
            width: 80,
            render: (_, r) => (
              <Button size="small" type="link" aria-label={t('myScore.openOf', { month: r.month })} onClick={() => setMonth(r.month)}>
                {t('myScore.open')}
              </Button>
            ),
          },
        ]}
      />
    </div>
  )
}
