/**
 * What the page shares with the server's pure core (roles, the password rule, labels, limits), so
 * that the page and the API never disagree. Only pure modules without I/O are imported here.
 */
export { ROLES, ROLE_LABELS, isRole, type Role } from '../../src/core/access/roles';
export { MIN_PASSWORD_LENGTH, passwordProblems, REMEMBERED_PASSWORDS } from '../../src/core/access/password';
export { MAX_COMMENT_CHARS, MAX_REPORT_CHARS } from '../../src/core/plan/qualitative';
export { STATE_LABELS, type SubmissionState } from '../../src/core/workflow/submission';
export { AREA_LABELS, SEX_LABELS } from '../../src/core/phrasing/labels';
