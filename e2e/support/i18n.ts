import { translate, type MessageKey, type MessageParams } from '../../src/shared/i18n'

/** The Chinese text the screen shows for a catalog key, so specs find elements as people do. */
export const zh = (key: MessageKey, params?: MessageParams) => translate('zh-CN', key, params)
export const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params)
