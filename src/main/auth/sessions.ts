// Sessions live in api/sessions.ts (the dispatcher resolves them on every call). This name stays
// only for workshop/display.ts, which another change owns; it goes once that import points there.
export { hashToken } from '../api/sessions'
