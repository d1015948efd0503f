import { Result } from 'antd'
import { useT } from '../../i18n'

export function Forbidden() {
  const t = useT()
  return <Result status="403" title={t('shell.forbiddenTitle')} subTitle={t('shell.forbidden')} />
}
