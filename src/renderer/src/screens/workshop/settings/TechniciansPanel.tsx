import { Alert, App, Card, Select, Switch, Table, Tag } from 'antd'
import { SKILLS, type Skill } from '../../../../../shared/domain/workshop-resources'
import { useT } from '../../../i18n'
import { useList } from './use-list'
import { useWorkshopWrite } from '../../../stores/workshop-store'

interface Technician {
  id: number
  name: string
  active: boolean
  skills: Skill[]
  allowParallel: boolean
}

/** 技师: each technician's skills (checked at dispatch) and whether they may run jobs side by side. */
export function TechniciansPanel() {
  const write = useWorkshopWrite()
  const t = useT()
  const { message } = App.useApp()
  const { rows, error } = useList('workshop.technicians', {})

  const save = async (tech: Technician, patch: Partial<Pick<Technician, 'skills' | 'allowParallel'>>) => {
    const next = { ...tech, ...patch }
    const result = await write('workshop.saveTechnician', { userId: tech.id, skills: next.skills, allowParallel: next.allowParallel })
    if (result.ok) void message.success(t('wk.settings.saved', { name: tech.name }))
    else void message.error(result.message)
  }

  return (
    <Card size="small" title={t('wk.settings.technicians')}>
      {error && <Alert type="error" showIcon title={error} />}
      <Table<Technician>
        size="small"
        rowKey="id"
        pagination={false}
        loading={!rows}
        dataSource={rows ?? []}
        aria-label={t('wk.settings.technicians')}
        locale={{ emptyText: t('wk.settings.noTechnicians') }}
        columns={[
          {
            title: t('field.technicianId'),
            width: 120,
            render: (_, r) => (
              <span>
                {r.name} {!r.active && <Tag>{t('wk.settings.inactive')}</Tag>}
              </span>
            ),
          },
          {
            title: t('field.skills'),
            render: (_, r) => (
              <Select<Skill[]>
                mode="multiple"
                size="small"
                className="full-width"
                aria-label={t('wk.settings.skillsOf', { name: r.name })}
                value={r.skills}
                disabled={!r.active}
                onChange={(skills) => void save(r, { skills })}
                options={SKILLS.map((s) => ({ value: s, label: t(`skill.${s}`) }))}
              />
            ),
          },
          {
            title: t('field.allowParallel'),
            width: 130,
            render: (_, r) => (
              <Switch
                size="small"
                checked={r.allowParallel}
                disabled={!r.active}
                aria-label={t('wk.settings.parallelOf', { name: r.name })}
                onChange={(allowParallel) => void save(r, { allowParallel })}
              />
            ),
          },
        ]}
      />
    </Card>
  )
}
