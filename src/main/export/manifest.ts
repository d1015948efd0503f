export * from '../../shared/export/manifest'
