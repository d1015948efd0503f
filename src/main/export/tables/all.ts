export * from '../../../shared/export/tables/all'
