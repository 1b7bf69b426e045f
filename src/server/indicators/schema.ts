/**
 * The indicator page's answer (src/app/indicatorPageModel.ts) as a zod schema: it documents the
 * API and checks the object once, when its JSON text is made. Exported for the public portal.
 */
import { z } from 'zod';
import { STATUSES, WARNINGS } from '../../core/assess/types.js';
import { AREAS, DOMAIN_CODES, ORG_LEVELS, SEXES, TARGET_KINDS } from '../../core/plan/types.js';

const Level = z.enum(ORG_LEVELS);
const Sex = z.enum(SEXES);
const Area = z.enum(AREAS);
const Origin = z.enum(['reported', 'aggregated', 'derived']);
const Status = z.enum(STATUSES);
const Warning = z.enum(WARNINGS);
const TargetKind = z.enum(TARGET_KINDS);

const Unit = z.object({ code: z.string(), name: z.string(), level: Level });
const Point = z.object({ year: z.number(), value: z.number() });

const Indicator = z.object({
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  unitSuffix: z.string(),
  direction: z.enum(['up', 'down']),
  directionLabel: z.string(),
  bounded: z.boolean(),
  digits: z.number(),
  domain: z.enum(DOMAIN_CODES),
  domainName: z.string(),
  planRef: z.string(),
  goalText: z.string().nullable(),
  level: Level,
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
  note: z.string(),
  leadDepartment: z.string().nullable(),
  cooperatingDepartments: z.array(z.string()),
});

const Target = z.object({
  kind: TargetKind,
  text: z.string(),
  sex: Sex,
  area: Area,
  label: z.string(),
  value: z.number().nullable(),
  baselineYear: z.number(),
  targetYear: z.number(),
  milestones: z.array(Point),
});

const Figures = {
  value: z.number().nullable(),
  valueText: z.string(),
  latestYear: z.number().nullable(),
  status: Status,
  statusLabel: z.string(),
  warning: Warning,
  warningLabel: z.string(),
  origin: Origin.nullable(),
};

const Assessment = z.object({
  ...Figures,
  sex: Sex,
  area: Area,
  label: z.string(),
  isTarget: z.boolean(),
  baselineYear: z.number().nullable(),
  baselineValue: z.number().nullable(),
  targetKind: TargetKind.nullable(),
  targetValue: z.number().nullable(),
  targetText: z.string(),
  targetYear: z.number().nullable(),
  actualRate: z.number().nullable().describe('实际年均变化率 r(小数,方法见 methodology.md §1.6)'),
  requiredRate: z.number().nullable().describe('实现目标所需年均变化率 q(§1.7)'),
  ratio: z.number().nullable().describe('R = r / q(§1.8)'),
  projectedValue: z.number().nullable().describe('按当前速度推算的目标年份数值(§1.9)'),
  volatile: z.boolean(),
  milestones: z.array(z.object({ year: z.number(), target: z.number(), value: z.number(), met: z.boolean() })),
  sentence: z.string().nullable(),
  projection: z.array(Point),
  requiredPath: z.array(Point),
});

const Value = z.object({
  year: z.number(),
  value: z.number(),
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  origin: Origin,
  originLabel: z.string(),
  source: z.string().nullable(),
  note: z.string().nullable(),
});

const Cell = z.object({ key: z.union([Sex, Area]), label: z.string(), value: z.number() });

export const IndicatorPageSchema = z.object({
  year: z.number(),
  data: z.enum(['all', 'approved', 'public']),
  synthetic: z.boolean(),
  baselineYear: z.number(),
  indicator: Indicator,
  orgUnit: Unit,
  ancestors: z.array(Unit),
  targets: z.array(Target),
  assessments: z.array(Assessment),
  series: z.array(z.object({ sex: Sex, area: Area, label: z.string(), values: z.array(Value) })),
  breakdown: z.object({ year: z.number().nullable(), total: z.number().nullable(), bySex: z.array(Cell), byArea: z.array(Cell) }),
  childLevel: Level.nullable(),
  childLevelLabel: z.string().nullable(),
  compared: z.object({ sex: Sex, area: Area, label: z.string() }),
  children: z.array(Unit.extend({ ...Figures, drillable: z.boolean() })),
});
