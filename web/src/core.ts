/** The roles and password rule, shared with the server so that the page and the API never disagree. */
export { ROLES, ROLE_LABELS, isRole, type Role } from '../../../src/core/access/roles';
export { MIN_PASSWORD_LENGTH, passwordProblems } from '../../../src/core/access/password';
