export * from '../../../shared/export/tables/index'
