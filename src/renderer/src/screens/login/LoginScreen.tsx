import { useState } from 'react'
import { Alert, Button, Card, Form, Input, Typography } from 'antd'
import { useStore } from 'zustand'
import { useSessionStore, useT } from '../../i18n'
import { LocaleSwitch } from '../../components/LocaleSwitch'
import { ApiFailure } from '../../api/failure'
import { navigate } from '../../router'
import { HOME_ROUTE } from '../shell/home-route'

interface Values {
  username: string
  password: string
}

export function LoginScreen() {
  const t = useT()
  const session = useSessionStore()
  const setup = useStore(session, (s) => s.setup)
  const notice = useStore(session, (s) => s.notice)
  const hint = useStore(session, (s) => s.loginHint)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const submit = async (values: Values) => {
    setBusy(true)
    setError(null)
    try {
      // Everyone starts on their own home screen; only the same person after an expiry resumes.
      await session.getState().login(values.username, values.password, (user, resumed) => {
        if (!resumed) navigate(HOME_ROUTE[user.role])
      })
    } catch (failure) {
      setError(failure instanceof ApiFailure ? failure.message : String(failure))
      setBusy(false)
    }
  }

  return (
    <div className="center-page">
      <Card className="login-card" title={setup?.dealerName ?? t('app.title')} extra={<LocaleSwitch />}>
        <Typography.Title level={4}>{t('login.title')}</Typography.Title>
        {setup?.demo && <Alert type="info" showIcon title={t('login.demoHint')} style={{ marginBottom: 12 }} />}
        {notice && <Alert type="warning" showIcon title={notice} style={{ marginBottom: 12 }} />}
        <Form<Values> layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ username: hint ?? '' }} aria-label={t('login.title')}>
          <Form.Item name="username" label={t('field.username')} rules={[{ required: true, message: t('form.required') }]}>
            <Input autoFocus={!hint} autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label={t('field.password')} rules={[{ required: true, message: t('form.required') }]}>
            <Input.Password autoFocus={Boolean(hint)} autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
          <Button type="primary" htmlType="submit" loading={busy} block>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </div>
  )
}
