import type { Ctx, UserCtx } from '../api/context'
import { AppError, conflict, fieldError, notFound } from '../api/app-error'
import { SURVEY_QUESTIONS } from '../../shared/domain/care'
import { all, first, run } from '../store/query'
import type { In, Out } from './survey-types'

// The follow-up survey's questions, versioned: a save writes a new version (never edits one in
// place), so a call's answers keep the questions it was asked; the highest version is asked now.
// A kept question keeps its code (its scores stay comparable across rewordings); a new one gets a
// fresh code; a question left out is retired from the new version only.

type Template = Out<'care.survey.get'>

export function templateOf(ctx: Ctx, version?: number): Template {
  const db = ctx.store.db
  let q = db
    .selectFrom('care_survey_templates as t')
    .leftJoin('users as u', 'u.id', 't.created_by')
    .select(['t.version', 't.created_at', 'u.display_name'])
  q = version === undefined ? q.orderBy('t.version', 'desc').limit(1) : q.where('t.version', '=', version)
  const row = first(ctx.store, q)
  if (!row) throw notFound('entity.surveyTemplate', version)
  const questions = all(ctx.store, db.selectFrom('care_survey_questions').select(['code', 'text']).where('template_version', '=', row.version).orderBy('position'))
  return { version: row.version, createdAt: row.created_at, createdBy: row.display_name, questions }
}

/** The wording of each question of every version that `versions` names, by version then code. */
export function wordingOf(ctx: Ctx, versions: readonly number[]): Map<number, Map<string, { position: number; text: string | null }>> {
  const out = new Map<number, Map<string, { position: number; text: string | null }>>()
  if (versions.length === 0) return out
  const rows = all(ctx.store, ctx.store.db.selectFrom('care_survey_questions').select(['template_version', 'position', 'code', 'text']).where('template_version', 'in', [...new Set(versions)]))
  for (const r of rows) {
    const v = out.get(r.template_version) ?? new Map<string, { position: number; text: string | null }>()
    v.set(r.code, { position: r.position, text: r.text })
    out.set(r.template_version, v)
  }
  return out
}

const DEFAULT_CODES: ReadonlySet<string> = new Set(SURVEY_QUESTIONS)

export function saveTemplate(ctx: UserCtx, input: In<'care.survey.save'>): Out<'care.survey.save'> {
  const current = templateOf(ctx)
  if (current.version !== input.version) throw conflict('entity.surveyTemplate', current.version, input.version, current.version)
  const db = ctx.store.db
  // A code any version ever had may come back (a retired question restored); others are unknown.
  const known = new Set(all(ctx.store, db.selectFrom('care_survey_questions').select('code').distinct()).map((r) => r.code))
  const seen = new Set<string>()
  const version = current.version + 1
  const questions = input.questions.map((q, i) => {
    const field = `questions.${i}`
    if (q.code !== undefined) {
      if (!known.has(q.code)) throw fieldError('VALIDATION', `${field}.code`, 'care.survey.unknownQuestion')
      if (seen.has(q.code)) throw fieldError('VALIDATION', `${field}.code`, 'care.survey.duplicateQuestion')
    }
    if (q.text === null && (q.code === undefined || !DEFAULT_CODES.has(q.code))) throw fieldError('VALIDATION', `${field}.text`, 'care.survey.textNeeded')
    const code = q.code ?? `q${version}_${i + 1}`
    seen.add(code)
    return { code, text: q.text }
  })
  const texts = questions.map((q) => q.text ?? q.code)
  if (new Set(texts).size !== texts.length) throw new AppError('VALIDATION', 'care.survey.duplicateText', {}, { fields: [{ field: 'questions', message: 'care.survey.duplicateText' }] })
  const unchanged = questions.length === current.questions.length && questions.every((q, i) => q.code === current.questions[i]!.code && q.text === current.questions[i]!.text)
  if (unchanged) return current
  run(ctx.store, db.insertInto('care_survey_templates').values({ version, created_by: ctx.user.id, created_at: ctx.nowIso() }))
  run(
    ctx.store,
    db.insertInto('care_survey_questions').values(questions.map((q, position) => ({ template_version: version, position, code: q.code, text: q.text }))),
  )
  const before = new Set(current.questions.map((q) => q.code))
  const after = new Set(questions.map((q) => q.code))
  ctx.audit({
    action: 'care.survey.save',
    entity: 'care_survey_template',
    entityId: version,
    detail: {
      fromVersion: current.version,
      questions: questions.length,
      added: questions.filter((q) => !before.has(q.code)).length,
      retired: current.questions.filter((q) => !after.has(q.code)).length,
      reworded: questions.filter((q) => before.has(q.code) && current.questions.find((c) => c.code === q.code)?.text !== q.text).length,
    },
  })
  ctx.events.emit({ type: 'care.changed', id: version })
  return templateOf(ctx, version)
}

export const getTemplate = (ctx: Ctx, input: In<'care.survey.get'>): Out<'care.survey.get'> => templateOf(ctx, input.version)
