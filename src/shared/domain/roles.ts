// Roles from the after-sales manual (section 1, job duties) and the permissions each holds.
// Permissions are checked in the main process only; the renderer uses them to hide what a role
// cannot do, never to allow anything.

export const PERMISSIONS = [
  'reception.read', // search, customer/vehicle records, RO list and view
  'customers.write', // register and edit customers and vehicles, change owner
  'odometer.override', // let an odometer reading go backwards (recorded)
  'appointments.write',
  'ro.write', // check in, write estimates, edit lines
  'ro.authorise', // record the customer's authorisation
  'ro.cancel',
  'catalog.read', // read the parts catalogue (estimate part lines)
  'users.manage',
  'settings.manage',
  'audit.read',
  'data.export', // head-office export: settings, batches, re-send
  'data.backup', // backups and restore
  'parts.read', // parts counter: catalogue with stock, ledger, pick lists, purchasing and stocktake views
  'parts.issue', // issue to and return from ROs, record shortages, tag and dispose old parts
  'parts.receive', // receipts (against a PO or not), shelving and bin transfers
  'parts.purchase', // suppliers, purchase orders, special orders, external purchases
  'parts.adjust', // stock adjustments with a reason
  'parts.stocktake', // start a stocktake and enter counts
  'parts.stocktake.approve', // approve a stocktake's variances (manual: the general manager)
  'parts.import', // catalogue upkeep and OEM/supplier price-list imports
  'parts.external.confirm', // workshop supervisor's quality confirmation of externally bought parts (外采)
  'workshop.read', // workshop board, job cards, additional-work queue, efficiency and first-pass figures
  'workshop.dispatch', // assign jobs to technicians and bays (派工), mark the wash done
  'workshop.clock', // clock on, pause and finish one's own jobs
  'workshop.correct', // correct clocked time with a reason; clock on others' behalf
  'workshop.additional.raise', // report additional work found during repair (增项)
  'workshop.additional.approve', // record the customer's decision on additional work
  'workshop.qc', // final inspection (竣工检验): pass, or send jobs back as rework
  'workshop.configure', // technicians' skills, bays, inspection checklists, wall-display tokens
  'settlement.read', // the cashier's queue, settlement statements and gate passes
  'settlement.settle', // settle a ready RO (invoices per payer, payments), take later payments, deliver
  'settlement.discount.large', // a discount above the cap (setting settlement.discountCapBp)
  'settlement.reverse', // reverse a settlement with a reason (a settled RO is never edited)
  'settlement.credit', // release a vehicle while the customer's own invoice is unpaid (挂账)
  'settlement.partsOverride', // settle although billed parts are not all issued, with a reason on the statement
  'receivables.read', // receivables by payer with ageing, insurance claims outstanding
  'alerts.read', // the alert inbox of one's role: acknowledge, snooze, resolve
  'rules.manage', // rule parameters, enabling, severity and inbox; run the sweep
  'dashboard.read', // the manual's targets with monthly trends and drill-down
  'warranty.read', // the warranty desk: claims, their status logs and pre-check findings, coverage terms
  'warranty.write', // build, edit, check and submit claims, record the maker's decision and payment, set a vehicle's warranty start
  'warranty.configure', // the pre-submission check rules and the makers' old-part rules (service manager, warranty clerk)
  'warranty.override', // let an out-of-coverage warranty line or a pre-check warning through with a reason (a supervisor's call)
  'care.read', // customer care: follow-up call list, complaints register and cases
  'care.call', // log follow-up calls and their survey (advisors: their own follow-ups)
  'care.complaints', // register complaints, assign owners, record actions and resolutions
  'care.complaints.close', // close resolved complaints; see and call every follow-up (front-desk supervisor, manager)
  'care.export', // take the care lists (customers' names and phones) out as XLSX files; each export is audited
  'care.csi', // enter the maker's monthly CSI results (mystery shopper, phone survey)
  'insurance.write', // an insurance RO's claim: insurer, policy, report number, deductible, loss assessment and supplements
  'care.survey', // edit the follow-up survey's questions (a new template version; past calls keep theirs)
  'department.read', // department targets vs actuals, scorecards, training and 5S records
  'department.targets', // set quarterly targets and split them to months and people (service manager)
  'department.training', // record training sessions with assessments and repair cases (supervisors)
  'department.fiveS', // 5S audits and their findings
  'department.etiquette', // etiquette checks of staff and their checklist
  'department.scorecard', // comment on a person's monthly scorecard (service manager)
  'department.quality', // the register of repair-quality incidents and the comebacks proposed to it (technical supervisor, service manager)
  'department.report', // hand in the monthly department report (front-desk supervisor, service manager)
  'department.own', // read and acknowledge one's own monthly scorecard (advisors, front-desk supervisor, technicians)
  'attachments.read', // see and open the files of documents one may read (the document's own permission decides too)
  'attachments.write', // add files to and remove them from documents one may edit (the document's own permission decides too)
  'campaigns.manage', // plan monthly service campaigns, their target group, cost and summary (service manager)
] as const
export type Permission = (typeof PERMISSIONS)[number]

export const ROLES = [
  'service_manager',
  'front_desk_supervisor',
  'service_advisor',
  'workshop_supervisor',
  'technician',
  'technical_supervisor',
  'parts_supervisor',
  'parts_clerk',
  'warranty_clerk',
  'cashier',
  'administrator',
] as const
export type Role = (typeof ROLES)[number]

const advisor: Permission[] = [
  'reception.read',
  'customers.write',
  'appointments.write',
  'ro.write',
  'ro.authorise',
  'catalog.read',
]

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  service_manager: [...advisor, 'insurance.write', 'odometer.override', 'ro.cancel', 'settings.manage', 'audit.read', 'data.export', 'data.backup', 'parts.read', 'parts.stocktake.approve', 'workshop.read', 'workshop.additional.approve', 'workshop.configure', 'settlement.read', 'settlement.settle', 'settlement.discount.large', 'settlement.reverse', 'settlement.credit', 'settlement.partsOverride', 'receivables.read', 'alerts.read', 'rules.manage', 'dashboard.read', 'warranty.read', 'warranty.write', 'warranty.configure', 'warranty.override', 'care.read', 'care.call', 'care.complaints', 'care.complaints.close', 'care.export', 'care.csi', 'department.read', 'department.targets', 'department.training', 'department.fiveS', 'department.etiquette', 'department.scorecard', 'care.survey', 'attachments.read', 'attachments.write', 'campaigns.manage', 'department.quality', 'department.report'],
  front_desk_supervisor: [...advisor, 'insurance.write', 'odometer.override', 'ro.cancel', 'audit.read', 'workshop.read', 'workshop.additional.approve', 'settlement.read', 'settlement.settle', 'settlement.discount.large', 'settlement.reverse', 'settlement.credit', 'settlement.partsOverride', 'receivables.read', 'alerts.read', 'dashboard.read', 'warranty.override', 'care.read', 'care.call', 'care.complaints', 'care.complaints.close', 'care.export', 'care.csi', 'department.read', 'department.training', 'department.fiveS', 'department.etiquette', 'department.own', 'care.survey', 'attachments.read', 'attachments.write', 'department.report'],
  service_advisor: [...advisor, 'insurance.write', 'workshop.read', 'workshop.additional.approve', 'settlement.read', 'settlement.settle', 'alerts.read', 'care.read', 'care.call', 'care.complaints', 'department.own', 'attachments.read', 'attachments.write'],
  workshop_supervisor: ['reception.read', 'catalog.read', 'parts.read', 'parts.external.confirm', 'workshop.read', 'workshop.dispatch', 'workshop.clock', 'workshop.correct', 'workshop.additional.raise', 'workshop.configure', 'alerts.read', 'department.read', 'department.training', 'department.fiveS', 'department.etiquette', 'attachments.read', 'attachments.write'],
  technician: ['reception.read', 'catalog.read', 'workshop.read', 'workshop.clock', 'workshop.additional.raise', 'department.own'],
  technical_supervisor: ['reception.read', 'catalog.read', 'workshop.read', 'workshop.qc', 'workshop.additional.raise', 'workshop.configure', 'alerts.read', 'department.read', 'department.training', 'attachments.read', 'attachments.write', 'department.quality'],
  parts_supervisor: ['reception.read', 'catalog.read', 'parts.read', 'parts.issue', 'parts.receive', 'parts.purchase', 'parts.adjust', 'parts.stocktake', 'parts.import', 'alerts.read', 'dashboard.read', 'department.read', 'department.fiveS', 'attachments.read', 'attachments.write'],
  parts_clerk: ['reception.read', 'catalog.read', 'parts.read', 'parts.issue', 'parts.receive', 'parts.stocktake', 'alerts.read'],
  // The clerk books the check-up (预约回厂检查) from a warranty reminder call.
  warranty_clerk: ['reception.read', 'catalog.read', 'parts.read', 'settlement.read', 'receivables.read', 'alerts.read', 'warranty.read', 'warranty.write', 'warranty.configure', 'attachments.read', 'attachments.write', 'appointments.write'],
  cashier: ['reception.read', 'catalog.read', 'settlement.read', 'settlement.settle', 'receivables.read', 'alerts.read'],
  administrator: [...PERMISSIONS],
}

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission)
}

/**
 * The roles whose work includes `permission`, for "who can do this" hints on screens that offer
 * an action to someone else (the administrator, who can do everything, is not a hint).
 */
export function rolesWith(permission: Permission): Role[] {
  return ROLES.filter((role) => role !== 'administrator' && roleHas(role, permission))
}
