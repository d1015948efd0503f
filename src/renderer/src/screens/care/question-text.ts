import type { MessageKey } from '../../../../shared/i18n'
import type { T } from '../../i18n'

/** A survey question as asked: the supervisor's wording, or the catalogs' for a default question. */
export function questionText(t: T, code: string, text: string | null): string {
  return text ?? t(`survey.${code}` as MessageKey)
}
