import type { careSurvey as zh } from '../zh-CN/care-survey'

// The follow-up survey's questions as versioned templates, edited by the front-desk supervisor.
export const careSurvey: Record<keyof typeof zh, string> = {
  'permission.care.survey': 'Edit the follow-up survey’s questions (saved as a new version; past calls keep theirs)',
  'entity.surveyTemplate': 'follow-up survey',
  'audit.entity.care_survey_template': 'Follow-up survey',
  'audit.action.care.survey.save': 'Change the follow-up survey',
  'audit.field.fromVersion': 'Previous version',
  'audit.field.questions': 'Questions',
  'audit.field.retired': 'Retired',
  'audit.field.reworded': 'Reworded',
  'care.survey.unknownQuestion': 'The survey has no such question',
  'care.survey.duplicateQuestion': 'The same question appears twice',
  'care.survey.duplicateText': 'Two questions have the same wording',
  'care.survey.textNeeded': 'Write the question',
  'care.survey.notAsked': 'Question “{question}” is not in the current survey; open the call again',

  'care.tab.survey': 'Survey',
  'care.survey.title': 'Follow-up survey (version {version})',
  'care.survey.hint': 'Saving makes a new version: calls from now on ask the new questions; past calls still show the questions they were asked.',
  'care.survey.since': 'In use since {at}, {by}',
  'care.survey.default': 'Default survey',
  'care.survey.question': 'Question',
  'care.survey.new': 'New question',
  'care.survey.add': 'Add a question',
  'care.survey.up': 'Move up',
  'care.survey.down': 'Move down',
  'care.survey.retire': 'Retire',
  'care.survey.save': 'Save as a new version',
  'care.survey.saved': 'Survey saved as version {version}',
  'care.survey.reset': 'Undo changes',
}
