import { Segmented } from 'antd'
import { useStore } from 'zustand'
import { LOCALES, type Locale } from '../../../shared/i18n'
import { useSessionStore, useT } from '../i18n'

export function LocaleSwitch() {
  const session = useSessionStore()
  const locale = useStore(session, (s) => s.locale)
  const t = useT()
  return (
    <Segmented<Locale>
      size="small"
      aria-label={t('app.language')}
      value={locale}
      options={LOCALES.map((l) => ({ label: t(`app.localeName.${l}`), value: l }))}
      onChange={(value) => void session.getState().setLocale(value)}
    />
  )
}
