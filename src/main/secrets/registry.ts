import type { Store } from '../store/open'
import type { SecretBox } from './secret-box'

// The secret box belongs to the store it protects: createApp (or the Electron shell) attaches it
// once, and whatever reads a sealed setting finds it through the store it already has. Keyed by
// the store object, so two apps in one process (tests) never share a box.
const boxes = new WeakMap<Store, SecretBox>()

export function attachSecretBox(store: Store, box: SecretBox): void {
  boxes.set(store, box)
}

export function secretBoxOf(store: Store): SecretBox {
  const box = boxes.get(store)
  if (!box) throw new Error('No secret box attached to this store')
  return box
}
