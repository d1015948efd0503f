import { Card, Tabs, Typography } from 'antd'
import { useT } from '../../i18n'
import { LocaleSwitch } from '../../components/LocaleSwitch'
import { DealerForm } from './DealerForm'
import { DemoForm } from './DemoForm'
import { JoinHostForm } from './JoinHostForm'

/** First run: create the dealership and its administrator, or a demo dealership to try. */
export function SetupScreen() {
  const t = useT()
  return (
    <div className="center-page">
      <Card
        className="setup-card"
        title={<Typography.Title level={4} style={{ margin: 0 }}>{t('setup.title')}</Typography.Title>}
        extra={<LocaleSwitch />}
      >
        <Typography.Paragraph type="secondary">{t('setup.intro')}</Typography.Paragraph>
        <Tabs
          items={[
            { key: 'dealer', label: t('setup.tabDealer'), children: <DealerForm /> },
            { key: 'demo', label: t('setup.tabDemo'), children: <DemoForm /> },
            { key: 'terminal', label: t('setup.tabTerminal'), children: <JoinHostForm /> },
          ]}
        />
      </Card>
    </div>
  )
}
