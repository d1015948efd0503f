import type { TargetConfig } from '../settings'
import { folderTarget } from './folder'
import { httpsTarget } from './https'
import { DeliveryError, type DeliveryTarget } from './target'

/** The target a setting describes; a setting that cannot work fails every delivery with why. */
export function targetFromConfig(config: TargetConfig): DeliveryTarget {
  if (config.kind === 'folder') return folderTarget(config.id, config.path)
  try {
    if (!config.token) throw new DeliveryError('no access token configured')
    return httpsTarget({
      id: config.id,
      url: config.url,
      token: config.token,
      allowHttp: config.allowHttp,
      ...(config.caPem ? { caPem: config.caPem } : {}),
    })
  } catch (error) {
    const message = (error as Error).message
    return {
      id: config.id,
      deliver: () => Promise.reject(new DeliveryError(message)),
    }
  }
}
