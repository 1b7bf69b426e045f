/** Shapes the API answers with that several pages share. */
import type { Role } from '../core';

/** GET /api/auth/me and the login reply. */
export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  orgUnitCode: string;
  orgUnitName: string;
  orgUnitLevel: string;
  departmentCode: string | null;
  departmentName: string | null;
  /** Set by an admin (new account, reset) or because the password expired. */
  mustChangePassword: boolean;
  passwordExpired: boolean;
  csrfToken: string;
}

export interface OrgUnit {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
}

/** GET /api/org-units/scope */
export interface OrgScope {
  root: { code: string; name: string; level: string };
  units: OrgUnit[];
}

/** GET /api/years */
export interface Years {
  years: number[];
  current: number;
}

/** GET /api/departments: a member department (成员单位). */
export interface Department {
  code: string;
  name: string;
  shortName: string;
  sortOrder: number;
  active: boolean;
  updatedBy: string;
  updatedAt: string;
}

/** GET /api/publications: a year and whether the public portal shows it. */
export type { YearPublication } from '../../../src/app/publishingModel';
