import type { BoardColumn, BoardFlag } from '../../../../shared/domain/workshop-board'
import type { JobState } from '../../../../shared/domain/workshop-job'

// One colour per meaning on every workshop screen and the wall: green works, orange waits, red is
// trouble. Names are CSS class suffixes (ws-dot-<name>) or antd tag colours.

export const JOB_COLOUR: Record<JobState, string> = {
  proposed: 'purple',
  declined: 'grey',
  pending: 'grey',
  dispatched: 'blue',
  running: 'green',
  paused: 'orange',
  done: 'teal',
  rework: 'red',
}

export const JOB_TAG: Record<JobState, string> = {
  proposed: 'purple',
  declined: 'default',
  pending: 'default',
  dispatched: 'blue',
  running: 'green',
  paused: 'orange',
  done: 'cyan',
  rework: 'red',
}

export const FLAG_COLOUR: Record<BoardFlag, string> = {
  waiting_parts: 'orange',
  awaiting_approval: 'purple',
  rework: 'red',
  overdue: 'magenta',
}

export const COLUMN_COLOUR: Record<BoardColumn, string> = {
  dispatch: '#8c8c8c',
  repair: '#1f5fa8',
  parts: '#d46b08',
  approval: '#722ed1',
  qc: '#c41d7f',
  wash: '#08979c',
  ready: '#389e0d',
}
