/** The database tables as Kysely sees them. Timestamps are ISO-8601 text in both databases. */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface MetaTable {
  key: string;
  value: string;
}

export interface PlanTable {
  code: string;
  name: string;
  region: string;
  period_start: number;
  period_end: number;
  baseline_year: number;
  source: string;
  /** The whole plan document as JSON, so that an export gives back exactly what was imported. */
  document: string;
  loaded_at: string;
}

export interface PlanHistoryTable {
  id: Generated<number>;
  plan_code: string;
  document: string;
  loaded_at: string;
  replaced_by: string;
  replaced_at: string;
  reason: string;
}

export interface PlanDomainTable {
  plan_code: string;
  code: string;
  name: string;
  sort_order: number;
}

export interface PlanItemTable {
  plan_code: string;
  code: string;
  domain_code: string;
  kind: 'goal' | 'measure';
  number: number;
  text: string;
}

export interface IndicatorTable {
  code: string;
  plan_code: string;
  domain_code: string;
  plan_ref: string;
  name: string;
  unit: string;
  direction: string;
  bounded: number;
  yes_no: number;
  numerator: string | null;
  denominator: string | null;
  factor: number;
  aggregation: string;
  level: string;
  note: string;
  sort_order: number;
}

export interface IndicatorTargetTable {
  id: Generated<number>;
  indicator_code: string;
  kind: string;
  value: number | null;
  milestones: string | null;
  coverage: string | null;
  baseline_year: number;
  target_year: number;
  sex: string;
  area: string;
}

export interface OrgUnitTable {
  code: string;
  name: string;
  level: string;
  parent_code: string | null;
  area: string | null;
  sort_order: number;
}

export interface DataValueTable {
  id: Generated<number>;
  indicator_code: string;
  org_unit_code: string;
  year: number;
  sex: string;
  area: string;
  age_group: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  source: string | null;
  note: string | null;
  import_id: number | null;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

export interface DataValueHistoryTable {
  id: Generated<number>;
  indicator_code: string;
  org_unit_code: string;
  year: number;
  sex: string;
  area: string;
  age_group: string;
  old_value: number | null;
  old_numerator: number | null;
  old_denominator: number | null;
  old_source: string | null;
  old_note: string | null;
  /** Who wrote the replaced version, and when. */
  old_by: string;
  old_at: string;
  new_value: number | null;
  new_numerator: number | null;
  new_denominator: number | null;
  new_source: string | null;
  new_note: string | null;
  changed_by: string;
  changed_at: string;
  reason: string;
  import_id: number | null;
}

export interface ImportTable {
  id: Generated<number>;
  file_name: string;
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  imported_by: string;
  imported_at: string;
  reason: string;
}

export interface DepartmentTable {
  code: string;
  name: string;
  short_name: string;
  sort_order: number;
  active: number;
  updated_by: string;
  updated_at: string;
}

/** Who answers for an indicator or a goal/measure in a year; year 0 is the default for all years. */
export interface AssignmentTable {
  year: number;
  item_code: string;
  department_code: string;
  role: 'lead' | 'cooperate';
  updated_by: string;
  updated_at: string;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  org_unit_code: string;
  department_code: string | null;
  active: Generated<number>;
  failed_logins: Generated<number>;
  locked_until: string | null;
  must_change_password: Generated<number>;
  password_changed_at: string;
  created_by: string;
  created_at: string;
}

export interface AppSessionTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  ip: string;
}

/** A password a user had before the current one (only its Argon2 hash). */
export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: number;
  password_hash: string;
  retired_at: string;
}

export interface SecurityLogTable {
  id: Generated<number>;
  at: string;
  event: string;
  username: string;
  ip: string;
  success: number;
  detail: string;
}

export interface SubmissionTable {
  department_code: string;
  org_unit_code: string;
  year: number;
  state: string;
  updated_by: string;
  updated_at: string;
  submitted_at: string | null;
}

export interface SubmissionEventTable {
  id: Generated<number>;
  department_code: string;
  org_unit_code: string;
  year: number;
  action: string;
  from_state: string;
  to_state: string;
  by_user: string;
  at: string;
  reason: string;
}

export interface ReportingDeadlineTable {
  year: number;
  deadline: string;
  updated_by: string;
  updated_at: string;
}

export interface StoredFileTable {
  id: Generated<number>;
  kind: string;
  department_code: string;
  org_unit_code: string;
  year: number;
  item_code: string | null;
  file_name: string;
  mime_type: string;
  size: number;
  sha256: string;
  content: Uint8Array;
  uploaded_by: string;
  uploaded_at: string;
  deleted_at: string | null;
  deleted_by: string | null;
}

export interface QualitativeReportTable {
  item_code: string;
  department_code: string;
  org_unit_code: string;
  year: number;
  text: string;
  updated_by: string;
  updated_at: string;
}

export interface QualitativeRatingTable {
  item_code: string;
  org_unit_code: string;
  year: number;
  rating: string;
  comment: string;
  rated_by: string;
  rated_at: string;
}

export interface QualitativeHistoryTable {
  id: Generated<number>;
  kind: 'report' | 'rating';
  item_code: string;
  department_code: string | null;
  org_unit_code: string;
  year: number;
  old_text: string | null;
  new_text: string;
  changed_by: string;
  changed_at: string;
}

export interface PublicationTable {
  year: number;
  published_by: string;
  published_at: string;
}

export interface FigureRollupTable {
  kind: string;
  org_unit_code: string;
  indicator_code: string;
  year: number;
  sex: string;
  area: string;
  age_group: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  origin: string;
  contributors: number;
}

export interface FigureStateTable {
  kind: string;
  indicator_code: string;
  year: number;
  stamp: string;
  computed_at: string;
}

export interface IndicatorVersionTable {
  indicator_code: string;
  /** 0: a change of every year. */
  year: number;
  data_token: Generated<string>;
  approved_token: Generated<string>;
}

export interface Database {
  meta: MetaTable;
  plan: PlanTable;
  plan_history: PlanHistoryTable;
  plan_domain: PlanDomainTable;
  plan_item: PlanItemTable;
  indicator: IndicatorTable;
  indicator_target: IndicatorTargetTable;
  org_unit: OrgUnitTable;
  data_value: DataValueTable;
  data_value_history: DataValueHistoryTable;
  import_batch: ImportTable;
  department: DepartmentTable;
  assignment: AssignmentTable;
  app_user: AppUserTable;
  app_session: AppSessionTable;
  password_history: PasswordHistoryTable;
  security_log: SecurityLogTable;
  submission: SubmissionTable;
  submission_event: SubmissionEventTable;
  reporting_deadline: ReportingDeadlineTable;
  stored_file: StoredFileTable;
  qualitative_report: QualitativeReportTable;
  qualitative_rating: QualitativeRatingTable;
  qualitative_history: QualitativeHistoryTable;
  publication: PublicationTable;
  figure_rollup: FigureRollupTable;
  figure_state: FigureStateTable;
  indicator_version: IndicatorVersionTable;
}

export type DataValueRow = Selectable<DataValueTable>;
export type NewDataValue = Insertable<DataValueTable>;
export type OrgUnitRow = Selectable<OrgUnitTable>;
export type AppUserRow = Selectable<AppUserTable>;
