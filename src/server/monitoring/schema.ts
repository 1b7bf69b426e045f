/** Response shapes of the monitoring pages' API (总览, 预警, 差距), as the OpenAPI document shows them. */
import { z } from 'zod';
import { STATUSES, WARNINGS } from '../../core/assess/types.js';
import { QUALITATIVE_RATINGS } from '../../core/plan/qualitative.js';
import { AREAS, DOMAIN_CODES, SEXES } from '../../core/plan/types.js';
import { DATA_KINDS } from '../../app/figures.js';
import { WARNING_CAUSES } from '../../app/warnings.js';

const Unit = z.object({ code: z.string(), name: z.string(), level: z.string() });
const Counts = z.object({
  achieved: z.number(),
  on_track: z.number(),
  needs_acceleration: z.number(),
  off_track: z.number(),
  regressing: z.number(),
  insufficient_data: z.number(),
  not_assessed: z.number(),
});

const Summary = z.object({
  counts: Counts,
  total: z.number(),
  assessed: z.number(),
  achieved: z.number(),
  achievementRate: z.number().nullable().describe('达标率 = 已达标 / 可评估(methodology.md §7)'),
  achievementRateText: z.string(),
});

export const Tile = z.object({
  indicator: z.string(),
  name: z.string(),
  domain: z.enum(DOMAIN_CODES),
  sex: z.enum(SEXES),
  area: z.enum(AREAS),
  unit: z.string(),
  value: z.number().nullable(),
  valueText: z.string(),
  latestYear: z.number().nullable(),
  targetText: z.string(),
  targetYear: z.number().nullable(),
  status: z.enum(STATUSES),
  statusLabel: z.string(),
  warning: z.enum(WARNINGS),
  warningLabel: z.string(),
  volatile: z.boolean(),
});

const Rating = z.enum(QUALITATIVE_RATINGS);

export const Overview = z.object({
  year: z.number(),
  data: z.enum(DATA_KINDS),
  orgUnit: Unit,
  baselineYear: z.number(),
  synthetic: z.boolean(),
  overall: Summary,
  domains: z.array(Summary.extend({ code: z.enum(DOMAIN_CODES), name: z.string() })),
  tiles: z.array(Tile),
  qualitative: z.object({
    domains: z.array(
      z.object({
        code: z.enum(DOMAIN_CODES),
        items: z.number(),
        counts: z.object({
          achieved: z.number(),
          on_track: z.number(),
          needs_acceleration: z.number(),
          off_track: z.number(),
          not_assessed: z.number(),
          unrated: z.number(),
        }),
      }),
    ),
    items: z.array(
      z.object({
        code: z.string(),
        kind: z.enum(['goal', 'measure']),
        kindLabel: z.string(),
        domain: z.enum(DOMAIN_CODES),
        text: z.string(),
        rating: Rating.nullable(),
        ratingLabel: z.string(),
      }),
    ),
  }),
});

const Department = z.object({ code: z.string(), name: z.string() });

export const WarningList = z.object({
  year: z.number(),
  data: z.enum(DATA_KINDS),
  orgUnit: Unit,
  synthetic: z.boolean(),
  red: z.number(),
  yellow: z.number(),
  items: z.array(
    Tile.extend({
      domainName: z.string(),
      causes: z.array(z.enum(WARNING_CAUSES)),
      causeLabels: z.array(z.string()),
      reason: z.string(),
      lead: Department.nullable(),
      cooperating: z.array(Department),
    }),
  ),
});

export const WarningHistory = z.object({
  year: z.number(),
  data: z.enum(DATA_KINDS),
  orgUnit: Unit,
  years: z.array(z.number()),
  totals: z.array(z.object({ year: z.number(), red: z.number(), yellow: z.number() })),
  rows: z.array(
    z.object({
      indicator: z.string(),
      name: z.string(),
      domain: z.enum(DOMAIN_CODES),
      sex: z.enum(SEXES),
      area: z.enum(AREAS),
      warnings: z.array(z.enum(WARNINGS)),
      statuses: z.array(z.enum(STATUSES)),
    }),
  ),
});

const Trend = z.enum(['narrowing', 'widening', 'stable']);
const UnitValue = z.object({ orgUnit: z.string(), orgName: z.string(), value: z.number(), valueText: z.string() });
const TrendSummary = z.object({ counts: z.object({ narrowing: z.number(), widening: z.number(), stable: z.number() }), text: z.string() });

export const Disparities = z.object({
  year: z.number(),
  data: z.enum(DATA_KINDS),
  orgUnit: z.object({ code: z.string(), name: z.string() }),
  baselineYear: z.number(),
  synthetic: z.boolean(),
  urbanRural: TrendSummary,
  county: TrendSummary,
  rows: z.array(
    z.object({
      indicator: z.string(),
      name: z.string(),
      domain: z.enum(DOMAIN_CODES),
      domainName: z.string(),
      unit: z.string(),
      urbanRural: z
        .object({
          latestYear: z.number(),
          urban: z.number(),
          rural: z.number(),
          urbanText: z.string(),
          ruralText: z.string(),
          gapText: z.string(),
          baselineYear: z.number().nullable(),
          baselineGapText: z.string().nullable(),
          trend: Trend.nullable(),
          trendLabel: z.string(),
          sentence: z.string(),
          series: z.array(z.object({ year: z.number(), urban: z.number(), rural: z.number(), gap: z.number() })),
        })
        .nullable(),
      county: z
        .object({
          latestYear: z.number(),
          counties: z.number(),
          max: UnitValue,
          min: UnitValue,
          rangeText: z.string(),
          ratio: z.number().nullable(),
          baselineYear: z.number().nullable(),
          baselineRangeText: z.string().nullable(),
          trend: Trend.nullable(),
          trendLabel: z.string(),
          sentence: z.string(),
          values: z.array(UnitValue),
          series: z.array(z.object({ year: z.number(), min: z.number(), max: z.number(), range: z.number() })),
        })
        .nullable(),
    }),
  ),
});
