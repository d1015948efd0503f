import { useState } from 'react'
import { Alert, Button, Divider, Form, Input } from 'antd'
import { useApi } from '../../api/query-client'
import { useSessionStore, useT } from '../../i18n'
import { applyFailure, summaryOf } from '../../components/form-errors'

interface Values {
  dealerName: string
  dealerCode: string
  admin: { username: string; displayName: string; password: string; password2: string }
}

export function DealerForm() {
  const t = useT()
  const api = useApi()
  const session = useSessionStore()
  const [form] = Form.useForm<Values>()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (values: Values) => {
    setBusy(true)
    setError(null)
    const { password2: _confirm, ...admin } = values.admin
    const result = await api.call('setup.initialise', { dealerName: values.dealerName, dealerCode: values.dealerCode, admin })
    setBusy(false)
    if (result.ok) return session.getState().finishSetup(result.data, admin.username)
    setError(summaryOf(applyFailure(form, result), result))
  }

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} requiredMark={false} aria-label={t('setup.tabDealer')}>
      <Form.Item name="dealerName" label={t('field.dealerName')} rules={[{ required: true, message: t('form.required') }]}>
        <Input autoFocus autoComplete="organization" />
      </Form.Item>
      <Form.Item
        name="dealerCode"
        label={t('field.dealerCode')}
        extra={t('setup.dealerCodeHint')}
        rules={[{ required: true, message: t('form.required') }, { pattern: /^[A-Za-z0-9-]{2,20}$/, message: t('field.dealerCodeFormat') }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Divider titlePlacement="start" plain>
        {t('setup.adminSection')}
      </Divider>
      <div className="form-row">
        <Form.Item
          name={['admin', 'username']}
          label={t('field.username')}
          rules={[{ required: true, message: t('form.required') }, { pattern: /^[A-Za-z0-9_.-]{2,32}$/, message: t('field.usernameFormat') }]}
        >
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item name={['admin', 'displayName']} label={t('field.displayName')} rules={[{ required: true, message: t('form.required') }]}>
          <Input autoComplete="name" />
        </Form.Item>
      </div>
      <PasswordPair prefix={['admin']} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={busy} block>
        {t('setup.create')}
      </Button>
    </Form>
  )
}

/** Password and its confirmation; the second must match the first. */
export function PasswordPair({ prefix }: { prefix: string[] }) {
  const t = useT()
  const first = [...prefix, 'password']
  return (
    <div className="form-row">
      <Form.Item
        name={first}
        label={t('field.password')}
        rules={[{ required: true, message: t('form.required') }, { min: 8, message: t('form.passwordMin') }]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name={[...prefix, 'password2']}
        label={t('field.password2')}
        dependencies={[first]}
        rules={[
          { required: true, message: t('form.required') },
          ({ getFieldValue }) => ({
            validator: (_rule, value) =>
              value === getFieldValue(first) ? Promise.resolve() : Promise.reject(new Error(t('form.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </div>
  )
}
