/**
 * The warnings page 预警 as plain, serialisable data: what `warningFigures`, `withDepartments` and
 * `warningHistory` return and the web page draws. Types only, so that the web app imports them as they are.
 */
import type { Status, Warning } from '../core/assess/types.js';
import type { Area, DomainCode, Sex } from '../core/plan/types.js';
import type { PageDataKind } from './indicatorPageModel.js';
import type { OverviewTile } from './overviewModel.js';

/** Why a target is warned: its status, and volatility (a yellow warning whatever the status). */
export type WarningCause = 'regressing' | 'off_track' | 'needs_acceleration' | 'volatile';

export interface NamedDepartment {
  code: string;
  name: string;
}

export interface WarnedTarget extends OverviewTile {
  domainName: string;
  causes: WarningCause[];
  causeLabels: string[];
  /** 「按现有速度预计2030年为5.9‰,达不到≤5‰」 (warningSentences). */
  reason: string;
}

export interface WarnedTargetWithDepartments extends WarnedTarget {
  lead: NamedDepartment | null;
  cooperating: NamedDepartment[];
}

export interface WarningFigures {
  year: number;
  data: PageDataKind;
  orgUnit: { code: string; name: string; level: string };
  synthetic: boolean;
  red: number;
  yellow: number;
  /** The red targets, then the yellow ones, each in domain and plan order. */
  items: WarnedTarget[];
}

export interface WarningList extends Omit<WarningFigures, 'items'> {
  items: WarnedTargetWithDepartments[];
}

export interface WarningHistoryRow {
  indicator: string;
  name: string;
  domain: DomainCode;
  sex: Sex;
  area: Area;
  /** One per year of `years`. */
  warnings: Warning[];
  statuses: Status[];
}

export interface WarningHistory {
  year: number;
  data: PageDataKind;
  orgUnit: { code: string; name: string; level: string };
  /** The baseline year to the year asked for. */
  years: number[];
  /** Per year: how many targets were red and yellow. */
  totals: { year: number; red: number; yellow: number }[];
  /** Every target of the year asked for, in domain and plan order. */
  rows: WarningHistoryRow[];
}
