import { setMissingKeyHandler } from '../../shared/i18n'

// In every test a message key without a catalog entry fails the test where it is translated.
setMissingKeyHandler((key) => {
  throw new Error(`catalog key missing: ${key}`)
})
