import type { HandlersFor } from '../api/dispatch'
import type { attachmentsContract } from '../../shared/contract/attachments'
import { addAttachment, getAttachment, listAttachments, removeAttachment } from './attachments'

export const attachmentsHandlers: HandlersFor<typeof attachmentsContract> = {
  'attachments.list': listAttachments,
  'attachments.get': getAttachment,
  'attachments.add': addAttachment,
  'attachments.remove': removeAttachment,
}
