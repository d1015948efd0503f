import { useState } from 'react'
import { Button, Card, Descriptions } from 'antd'
import { useT } from '../../i18n'
import type { CustomerT } from '../../stores/types'
import { EditOwnerModal } from './EditOwnerModal'

export function OwnerCard({ owner, canEdit }: { owner: CustomerT; canEdit: boolean }) {
  const t = useT()
  const [editing, setEditing] = useState(false)
  return (
    <Card
      size="small"
      title={t('desk.ownerCard')}
      className="info-card"
      extra={canEdit && <Button size="small" type="link" onClick={() => setEditing(true)}>{t('desk.editOwner')}</Button>}
    >
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'name', label: t('field.name'), children: owner.name },
          { key: 'kind', label: t('field.kind'), children: t(`desk.customerKind.${owner.kind}`) },
          { key: 'mobile', label: t('field.mobile'), children: owner.mobile ?? '—' },
          { key: 'phone2', label: t('field.phone2'), children: owner.phone2 ?? '—' },
          { key: 'address', label: t('field.address'), children: owner.address ?? '—' },
          { key: 'note', label: t('field.note'), children: owner.note ?? '—' },
        ]}
      />
      {editing && <EditOwnerModal owner={owner} onClose={() => setEditing(false)} />}
    </Card>
  )
}
