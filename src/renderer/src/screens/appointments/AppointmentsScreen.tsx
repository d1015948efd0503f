import { useState } from 'react'
import { Alert, Button, Card, DatePicker, Input, Select, Space, Spin } from 'antd'
import dayjs from 'dayjs'
import { useStore } from 'zustand'
import { useAdvisors, useAppointmentsDay } from '../../stores/appointments-store'
import { useSessionStore, useT } from '../../i18n'
import { todayIn } from '../../format'
import { navigate } from '../../router'
import { DayGrid, type DayFilter } from './DayGrid'
import { BookAppointmentModal } from './BookAppointmentModal'
import { useCan } from '../../permissions'

interface Slot {
  advisorId?: number
  startsAt?: string
}

/** 预约: one day, a column per advisor, a row per half hour. */
export function AppointmentsScreen({ date }: { date?: string | undefined }) {
  const t = useT()
  const timeZone = useStore(useSessionStore(), (s) => s.settings?.timeZone ?? 'Asia/Shanghai')
  const canBook = useCan('appointments.write')
  const day = date ?? todayIn(timeZone)
  const { loading, error } = useAppointmentsDay(day)
  const [booking, setBooking] = useState<Slot | null>(null)
  const [filter, setFilter] = useState<DayFilter>({ q: '', advisorId: undefined })
  const advisors = useAdvisors()

  const go = (offset: number) => navigate({ name: 'appointments', date: dayjs(day).add(offset, 'day').format('YYYY-MM-DD') })

  return (
    <Card
      size="small"
      title={t('appts.title')}
      extra={
        <Space>
          <Input
            allowClear
            size="small"
            style={{ width: 200 }}
            placeholder={t('appts.searchHint')}
            aria-label={t('appts.search')}
            value={filter.q}
            onChange={(e) => setFilter({ ...filter, q: e.target.value })}
          />
          <Select
            allowClear
            size="small"
            style={{ minWidth: 120 }}
            placeholder={t('field.advisorId')}
            aria-label={t('field.advisorId')}
            value={filter.advisorId}
            onChange={(advisorId?: number) => setFilter({ ...filter, advisorId })}
            options={advisors.map((a) => ({ value: a.id, label: a.name }))}
          />
          <Button onClick={() => go(-1)} aria-label={t('appts.prevDay')}>
            ‹
          </Button>
          <DatePicker
            value={dayjs(day)}
            allowClear={false}
            aria-label={t('field.date')}
            onChange={(d) => d && navigate({ name: 'appointments', date: d.format('YYYY-MM-DD') })}
          />
          <Button onClick={() => go(1)} aria-label={t('appts.nextDay')}>
            ›
          </Button>
          <Button onClick={() => navigate({ name: 'appointments', date: todayIn(timeZone) })}>{t('appts.today')}</Button>
          {canBook && (
            <Button type="primary" onClick={() => setBooking({})}>
              {t('appts.book')}
            </Button>
          )}
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Spin spinning={loading}>
        <DayGrid day={day} filter={filter} canBook={canBook} onBook={(slot) => setBooking(slot)} />
      </Spin>
      {booking && <BookAppointmentModal {...booking} day={day} onClose={() => setBooking(null)} />}
    </Card>
  )
}
