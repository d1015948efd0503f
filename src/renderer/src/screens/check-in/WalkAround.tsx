import { useState } from 'react'
import { Button, Checkbox, Input, Select, Space, Table, Typography } from 'antd'
import { useT } from '../../i18n'
import { CarDiagram } from './CarDiagram'
import { VALUABLE_PLACES, WARNING_LIGHTS, areaLabel, type CarArea, type FindingDraft, type FindingKind } from './findings'

interface Props {
  findings: FindingDraft[]
  onChange(findings: FindingDraft[]): void
}

let nextKey = 1

/** 环车检查: damage by panel on the diagram, warning lights on the dash, valuables left inside. */
export function WalkAround({ findings, onChange }: Props) {
  const t = useT()
  const [place, setPlace] = useState<string>('cabin')
  const [item, setItem] = useState('')

  const add = (kind: FindingKind, area: string, note = '') => onChange([...findings, { key: nextKey++, kind, area, note }])
  const update = (key: number, note: string) => onChange(findings.map((f) => (f.key === key ? { ...f, note } : f)))
  const remove = (key: number) => onChange(findings.filter((f) => f.key !== key))

  const marks: Partial<Record<CarArea, number>> = {}
  for (const f of findings) if (f.kind === 'damage') marks[f.area as CarArea] = (marks[f.area as CarArea] ?? 0) + 1
  const lights = findings.filter((f) => f.kind === 'warning_light').map((f) => f.area)

  const setLights = (next: string[]) =>
    onChange([
      ...findings.filter((f) => f.kind !== 'warning_light' || next.includes(f.area)),
      ...next.filter((l) => !lights.includes(l)).map((area) => ({ key: nextKey++, kind: 'warning_light' as const, area, note: '' })),
    ])

  const addValuable = () => {
    if (!item.trim()) return
    add('valuable', place, item.trim())
    setItem('')
  }

  return (
    <div className="walk-around">
      <div className="walk-diagram">
        <CarDiagram marks={marks} onMark={(area) => add('damage', area)} />
        <Typography.Text type="secondary" className="walk-hint">
          {t('checkIn.diagramHint')}
        </Typography.Text>
      </div>
      <div className="walk-lists">
        <Typography.Text strong>{t('checkIn.warningLights')}</Typography.Text>
        <Checkbox.Group
          className="light-grid"
          value={lights}
          onChange={(v) => setLights(v as string[])}
          options={WARNING_LIGHTS.map((l) => ({ value: l, label: t(`walk.light.${l}`) }))}
        />
        <Typography.Text strong>{t('checkIn.valuables')}</Typography.Text>
        <Space.Compact className="full-width">
          <Select
            aria-label={t('checkIn.valuablePlace')}
            value={place}
            onChange={setPlace}
            options={VALUABLE_PLACES.map((p) => ({ value: p, label: t(`walk.place.${p}`) }))}
            style={{ width: 110 }}
          />
          <Input
            aria-label={t('checkIn.valuableItem')}
            placeholder={t('checkIn.valuablePlaceholder')}
            value={item}
            onChange={(e) => setItem(e.target.value)}
            onPressEnter={(e) => {
              e.preventDefault()
              addValuable()
            }}
          />
          <Button onClick={addValuable}>{t('common.add')}</Button>
        </Space.Compact>
        <Table<FindingDraft>
          size="small"
          rowKey="key"
          pagination={false}
          dataSource={findings}
          aria-label={t('checkIn.findings')}
          locale={{ emptyText: t('checkIn.noFindings') }}
          columns={[
            { title: t('field.kind'), dataIndex: 'kind', width: 80, render: (k: FindingKind) => t(`walk.kind.${k}`) },
            { title: t('field.area'), dataIndex: 'area', width: 90, render: (a: string, f) => areaLabel(t, f.kind, a) },
            {
              title: t('field.note'),
              dataIndex: 'note',
              render: (note: string, f) => (
                <Input
                  size="small"
                  value={note}
                  aria-label={t('checkIn.findingNote', { area: areaLabel(t, f.kind, f.area) })}
                  placeholder={f.kind === 'damage' ? t('checkIn.damagePlaceholder') : ''}
                  onChange={(e) => update(f.key, e.target.value)}
                />
              ),
            },
            {
              key: 'remove',
              width: 40,
              render: (_: unknown, f) => (
                <Button size="small" type="text" danger aria-label={t('common.remove')} onClick={() => remove(f.key)}>
                  ✕
                </Button>
              ),
            },
          ]}
        />
      </div>
    </div>
  )
}
