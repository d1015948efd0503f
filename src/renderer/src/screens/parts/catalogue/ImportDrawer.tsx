import { useEffect } from 'react'
import { Alert, Button, Drawer, InputNumber, Result, Select, Space, Spin, Tag, Typography, Upload } from 'antd'
import { useT } from '../../../i18n'
import { useApplyImport, useImportPreview, usePartsImport, type ImportEncoding } from '../../../stores/parts-import-store'
import { ImportErrors, ImportRows, MappingBar } from './ImportPreviewTables'

/** The file's bytes as base64, the way the contract carries a price list. */
export function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error ?? new Error('read failed'))
    reader.readAsDataURL(file)
  })
}

/**
 * 价格表导入: pick a CSV or XLSX file, see the dry run (what is added, what changes, every bad row
 * and why), adjust the heading row or columns if the list is unusual, then import.
 */
export function ImportDrawer({ onClose }: { onClose(): void }) {
  const t = useT()
  const state = usePartsImport()
  const { result, applying } = state
  const { preview, previewing, error: previewError } = useImportPreview()
  const error = state.error ?? previewError
  const applyImport = useApplyImport()

  useEffect(() => () => usePartsImport.getState().reset(), [])

  const pick = async (file: File) => {
    usePartsImport.getState().choose(file.name, await readAsBase64(file))
  }
  const apply = () => applyImport(preview)
  const importable = preview ? preview.add + preview.change : 0

  const footer =
    result ? (
      <Button type="primary" onClick={onClose}>
        {t('pt.import.close')}
      </Button>
    ) : (
      <Space>
        <Button onClick={onClose}>{t('common.cancel')}</Button>
        <Button type="primary" disabled={!preview || importable === 0 || previewing || applying} loading={applying} onClick={() => void apply()}>
          {preview && preview.errors.length > 0
            ? t('pt.import.applySkipping', { n: importable, bad: preview.errors.length })
            : t('pt.import.apply', { n: importable })}
        </Button>
      </Space>
    )

  return (
    <Drawer open size={1100} title={t('pt.import.title')} onClose={onClose} footer={footer} destroyOnHidden>
      {result ? (
        <Result
          status="success"
          title={t('pt.import.done')}
          subTitle={t('pt.import.doneDetail', { added: result.added, changed: result.changed, unchanged: result.unchanged })}
        />
      ) : (
        <div className="pt-import" aria-label={t('pt.import.title')} role="region">
          <div className="pt-import-source">
            <Upload.Dragger
              accept=".csv,.txt,.xlsx"
              showUploadList={false}
              multiple={false}
              beforeUpload={(file) => {
                void pick(file)
                return false
              }}
            >
              <p className="pt-import-drop">{state.fileName ?? t('pt.import.drop')}</p>
              <Typography.Text type="secondary">{t('pt.import.formats')}</Typography.Text>
            </Upload.Dragger>
            <div className="pt-import-options">
              <label>
                {t('field.encoding')}
                <Select<ImportEncoding>
                  size="small"
                  value={state.encoding}
                  aria-label={t('field.encoding')}
                  onChange={(v) => usePartsImport.getState().setEncoding(v)}
                  options={(['auto', 'utf-8', 'gb18030'] as const).map((v) => ({ value: v, label: t(`pt.import.encoding.${v}`) }))}
                  style={{ width: 150 }}
                />
              </label>
              <label>
                {t('field.headerRow')}
                <InputNumber<number>
                  size="small"
                  min={1}
                  max={50}
                  value={state.headerRow ?? preview?.headerRow ?? null}
                  aria-label={t('field.headerRow')}
                  onChange={(v) => usePartsImport.getState().setHeaderRow(v ?? null)}
                  style={{ width: 80 }}
                />
              </label>
            </div>
          </div>
          {error && <Alert type="error" showIcon title={error} className="pt-gap" />}
          {previewing && <Spin className="pt-gap" />}
          {preview && (
            <>
              <div className="pt-import-summary" role="status" aria-label={t('pt.import.summary')}>
                <span>
                  {preview.fileName} · {preview.format.toUpperCase()}
                  {preview.encoding ? ` · ${preview.encoding.toUpperCase()}` : ''}
                  {preview.sheet ? ` · ${preview.sheet}` : ''} · {t('pt.import.headerAt', { row: preview.headerRow })} ·{' '}
                  {t('pt.import.totalRows', { n: preview.totalRows })}
                </span>
                <Tag color="green">{t('pt.import.add', { n: preview.add })}</Tag>
                <Tag color="blue">{t('pt.import.change', { n: preview.change })}</Tag>
                <Tag>{t('pt.import.same', { n: preview.unchanged })}</Tag>
                <Tag color={preview.errors.length ? 'red' : 'default'}>{t('pt.import.bad', { n: preview.errors.length })}</Tag>
              </div>
              <MappingBar preview={preview} onMap={(field, column) => usePartsImport.getState().mapColumn(field, column)} />
              <ImportErrors preview={preview} />
              <ImportRows preview={preview} />
            </>
          )}
        </div>
      )}
    </Drawer>
  )
}
