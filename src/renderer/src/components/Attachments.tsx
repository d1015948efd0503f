import { App, Button, Card, Empty, Image, Modal, Popconfirm, Space, Tag, Upload } from 'antd'
import { useState } from 'react'
import type { OutputOf } from '../../../shared/contract/types'
import type { Contract } from '../../../shared/contract'
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_BYTES, isImageType, type AttachmentOwnerKind } from '../../../shared/domain/attachments'
import { fileSize } from '../../../shared/format/numbers'
import { useApiMutation, useApiQuery, useApi } from '../api/query-client'
import { useT } from '../i18n'
import { dateTime } from '../format'
import { useCan } from '../permissions'
import './attachments.css'
import { saveFile } from '../files/save-file'

type AttachmentT = OutputOf<Contract['attachments.list']>[number]

/** The file's bytes as base64 (the contract carries a file that way). */
function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(file)
  })
}

/** An image attachment's picture, read when shown (a missing file shows nothing to read). */
function Thumbnail({ a }: { a: AttachmentT }) {
  const t = useT()
  const content = useApiQuery('attachments.get', { id: a.id }, { enabled: !a.missing && isImageType(a.mimeType), staleTime: Infinity })
  const base64 = content.data?.contentBase64
  if (a.missing) return <div className="att-thumb att-thumb-missing">{t('attachments.missing')}</div>
  if (!isImageType(a.mimeType)) return <div className="att-thumb att-thumb-doc">PDF</div>
  if (!base64) return <div className="att-thumb" />
  return <Image className="att-thumb-img" width={96} height={72} src={`data:${a.mimeType};base64,${base64}`} alt={t('attachments.thumbnail', { name: a.fileName })} />
}

/**
 * The files on one document: pick files (images or PDF, each under the limit), thumbnails of
 * images, open (images enlarge, a PDF is saved to open it), remove. Used by the claim editor first;
 * any area with an owner kind can put it on its document.
 */
export function Attachments({ ownerKind, ownerId, editable }: { ownerKind: AttachmentOwnerKind; ownerId: number; editable: boolean }) {
  const t = useT()
  const api = useApi()
  const { message } = App.useApp()
  const canWrite = useCan('attachments.write') && editable
  const list = useApiQuery('attachments.list', { ownerKind, ownerId })
  const add = useApiMutation('attachments.add')
  const remove = useApiMutation('attachments.remove', { onSuccess: () => void message.success(t('attachments.removed')) })
  const [uploading, setUploading] = useState(0)

  const pick = async (file: File) => {
    if (file.size > ATTACHMENT_MAX_BYTES) {
      void message.error(t('attachments.tooLarge'))
      return
    }
    setUploading((n) => n + 1)
    try {
      const added = await add.mutateAsync({ ownerKind, ownerId, fileName: file.name.slice(0, 120), contentBase64: await readAsBase64(file) }).catch(() => null)
      if (added) void message.success(t('attachments.added', { name: added.fileName }))
    } finally {
      setUploading((n) => n - 1)
    }
  }

  const open = async (a: AttachmentT) => {
    const answer = await api.call('attachments.get', { id: a.id })
    if (!answer.ok || !answer.data.contentBase64) {
      void message.warning(answer.ok ? t('attachments.missingHint') : answer.message)
      return
    }
    saveFile({ fileName: a.fileName, mimeType: a.mimeType, base64: answer.data.contentBase64 })
  }

  const rows = list.data ?? []
  return (
    <Card
      size="small"
      className="att-card"
      title={`${t('attachments.title')}${rows.length ? ` (${rows.length})` : ''}`}
      extra={
        canWrite && (
          <Upload accept={ATTACHMENT_ACCEPT} multiple showUploadList={false} beforeUpload={(file) => (void pick(file), false)}>
            <Button size="small" loading={uploading > 0} title={t('attachments.addHint')}>
              {t('attachments.add')}
            </Button>
          </Upload>
        )
      }
    >
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('attachments.none')} />
      ) : (
        <ul className="att-list" aria-label={t('attachments.title')}>
          {rows.map((a) => (
            <li key={a.id} className="att-item">
              <Thumbnail a={a} />
              <div className="att-meta">
                <div className="att-name" title={a.fileName}>
                  {a.fileName}
                </div>
                <div className="att-sub">
                  {fileSize(a.sizeBytes)} · {t('attachments.by', { name: a.createdBy, at: dateTime(a.createdAt) })}
                </div>
                {a.missing && (
                  <Tag color="warning" title={t('attachments.missingHint')}>
                    {t('attachments.missing')}
                  </Tag>
                )}
                <Space size={4}>
                  {!a.missing && (
                    <Button size="small" type="link" onClick={() => void open(a)}>
                      {t('attachments.open')}
                    </Button>
                  )}
                  {canWrite && (
                    <Popconfirm title={t('attachments.removeConfirm', { name: a.fileName })} onConfirm={() => remove.mutate({ id: a.id })}>
                      <Button size="small" type="link" danger>
                        {t('attachments.remove')}
                      </Button>
                    </Popconfirm>
                  )}
                </Space>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}

/**
 * A document row's files behind a button with their count (a 5S finding's photos, a training
 * session's materials): the same files list in a dialog, so every area shows and adds files alike.
 */
export function AttachmentsButton({ ownerKind, ownerId, count, editable, label, title }: { ownerKind: AttachmentOwnerKind; ownerId: number; count: number; editable: boolean; label: string; title: string }) {
  const t = useT()
  const [open, setOpen] = useState(false)
  return (
    <>
      <Button size="small" type={count > 0 ? 'link' : 'text'} aria-label={label} onClick={() => setOpen(true)}>
        {count > 0 ? t('attachments.countN', { n: count }) : t('attachments.none')}
      </Button>
      {open && (
        <Modal open title={title} footer={null} width={640} onCancel={() => setOpen(false)}>
          <Attachments ownerKind={ownerKind} ownerId={ownerId} editable={editable} />
        </Modal>
      )}
    </>
  )
}
