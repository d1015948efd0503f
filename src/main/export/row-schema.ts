export * from '../../shared/export/row-schema'
