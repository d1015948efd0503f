import { ArrowLeftOutlined } from '@ant-design/icons'
import { useT } from '../../i18n'
import { partsHref, type PartsView } from './parts-route'

/** Back to the list a record was opened from (Esc does the same). */
export function BackLink({ view }: { view: PartsView }) {
  const t = useT()
  return (
    <a href={partsHref(view)} className="pt-back" aria-label={t('pt.back')} title={t('pt.back')}>
      <ArrowLeftOutlined />
    </a>
  )
}
