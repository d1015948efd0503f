import { useState } from 'react'
import { Alert, Button, Form, Table, Typography } from 'antd'
import type { Role } from '../../../../shared/domain/roles'
import { useApi } from '../../api/query-client'
import { useSessionStore, useT } from '../../i18n'
import { applyFailure, summaryOf } from '../../components/form-errors'
import type { SetupInfo } from '../../stores/session-store'
import { PasswordPair } from './DealerForm'

interface Values {
  password: string
  password2: string
}

interface Done {
  status: SetupInfo
  usernames: { username: string; role: Role }[]
}

/** Creates a demo dealership; every demo user gets the password chosen here. */
export function DemoForm() {
  const t = useT()
  const api = useApi()
  const session = useSessionStore()
  const [form] = Form.useForm<Values>()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState<Done | null>(null)

  const submit = async (values: Values) => {
    setBusy(true)
    setError(null)
    const result = await api.call('setup.demo', { password: values.password, scale: 'small' })
    setBusy(false)
    if (!result.ok) {
      return setError(summaryOf(applyFailure(form, result), result))
    }
    const { usernames, ...status } = result.data
    setDone({ status, usernames })
  }

  if (done) {
    const first = done.usernames.find((u) => u.role === 'service_advisor') ?? done.usernames[0]
    return (
      <div>
        <Alert type="success" showIcon title={t('setup.demoReady')} description={t('setup.demoUsersHint')} style={{ marginBottom: 12 }} />
        <Table
          size="small"
          rowKey="username"
          pagination={false}
          dataSource={done.usernames}
          aria-label={t('setup.demoUsers')}
          columns={[
            { title: t('field.username'), dataIndex: 'username', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: t('field.role'), dataIndex: 'role', render: (r: Role) => t(`role.${r}`) },
          ]}
        />
        <Button type="primary" block style={{ marginTop: 12 }} onClick={() => session.getState().finishSetup(done.status, first?.username ?? null)}>
          {t('setup.toLogin')}
        </Button>
      </div>
    )
  }

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false} aria-label={t('setup.tabDemo')}>
      <Typography.Paragraph>{t('setup.demoIntro')}</Typography.Paragraph>
      <PasswordPair prefix={[]} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={busy} block>
        {t('setup.demoCreate')}
      </Button>
    </Form>
  )
}
