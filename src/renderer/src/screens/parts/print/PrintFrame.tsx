import type { ReactNode } from 'react'
import { useT } from '../../../i18n'
import { PrintFrame as Sheet } from '../../../components/PrintFrame'
import { goParts, type PartsView } from '../parts-route'

export { SignLines } from '../../../components/PrintFrame'

interface Props {
  title: string
  number?: string
  sub?: ReactNode
  back: PartsView
  /** Labels print edge to edge in a grid; sheets get the A4 frame with a header. */
  bare?: boolean
  children: ReactNode
}

/** The store room's sheets in the one print frame (A4), going back to the parts view they came from. */
export function PrintFrame({ title, number, sub, back, bare = false, children }: Props) {
  const t = useT()
  return (
    <Sheet title={title} number={number} sub={sub} bare={bare} className={bare ? 'pt-label-page' : undefined} backLabel={t('pt.back')} onBack={() => goParts(back)}>
      {children}
    </Sheet>
  )
}
