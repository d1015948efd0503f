// The declarations live in src/shared/export so head office reads the same ones.
export * from '../../shared/export/spec'
