import type { HandlersFor } from '../api/dispatch'
import type { warrantyPackageContract } from '../../shared/contract/warranty-package'
import { exportClaimPackage } from './claim-package'

export const warrantyPackageHandlers: HandlersFor<typeof warrantyPackageContract> = {
  'warranty.package.export': exportClaimPackage,
}
