/**
 * What every monitoring page asks (a year, a unit, a kind of figures) and who may ask it: the unit
 * must exist and lie in the user's subtree, as for /api/assessment; unapproved figures only for
 * the statistics bureau and the admin.
 */
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { canSeeUnapprovedFigures } from '../../core/access/figureAccess.js';
import { canSeeIndicator, canSeeOrg } from '../../core/access/permissions.js';
import { departmentsOf } from '../../app/responsibilities.js';
import { cachedResponsibilities } from '../serverContext.js';
import type { DataKind, FigureSource } from '../../app/figures.js';
import { planYears } from '../../app/planItems.js';
import { latestApprovedYear } from '../../db/queries/latestApprovedYear.js';
import { principal } from '../auth/sessionHook.js';
import type { ServerContext } from '../context.js';
import { DerivedCache } from '../derivedCache.js';
import { badRequest, forbidden, notFound } from '../errors.js';

export const FigureQuery = z.object({
  year: z.coerce
    .number({ error: '年份须为四位数字' })
    .int({ error: '年份须为四位数字' })
    .min(2000, { error: '年份不正确' })
    .max(2100, { error: '年份不正确' })
    .optional()
    .describe('监测年份;默认为截至上一年已有批准数据的最近年份'),
  org: z.string().min(1, { error: '请指定单位代码' }).max(12, { error: '单位代码过长' }).optional().describe('单位代码;默认为用户所在单位'),
  data: z.enum(['approved', 'all']).default('approved').describe('approved:仅已批准的数据(默认);all:含未批准的数据(仅统计局和系统管理员)'),
});
export type FigureQuery = z.infer<typeof FigureQuery>;

export interface FigureTarget {
  year: number;
  org: string;
  kind: Extract<DataKind, 'approved' | 'all'>;
  /** A member department's user sees the indicators its department leads or cooperates on only. */
  indicators: string[] | null;
  /** Tells cached answers of different sets of indicators apart. */
  cacheKey: string;
}

export function figureSource(ctx: ServerContext): FigureSource {
  return { db: ctx.db, plan: ctx.plan(), scope: ctx.scope(), org: ctx.org() };
}

// The year a page opens on changes only with an approval.
const defaultYears = new WeakMap<ServerContext, DerivedCache<number>>();

/**
 * The latest year up to the reporting year (figures of a year are reported in the next) with an
 * approved submission; the reporting year itself when none has been approved yet.
 */
function defaultYear(ctx: ServerContext, request: FastifyRequest, first: number, last: number): Promise<number> {
  let cache = defaultYears.get(ctx);
  if (!cache) defaultYears.set(ctx, (cache = new DerivedCache<number>('approved_version', 4)));
  const reporting = Math.min(last, Math.max(first, ctx.now().getFullYear() - 1));
  return cache.get(
    ctx.db,
    String(reporting),
    async () => (await latestApprovedYear(ctx.db, first, reporting)) ?? reporting,
    request.auth?.versions,
  );
}

/** The year, unit and kind asked for, once the user may see them; a Chinese 400/403/404 otherwise. */
export async function figureTarget(ctx: ServerContext, request: FastifyRequest, query: FigureQuery): Promise<FigureTarget> {
  const p = principal(request);
  const { first, last } = planYears(ctx.plan());
  if (query.year !== undefined && (query.year < first || query.year > last)) throw badRequest(`年份须在 ${first}–${last} 之间`);
  const org = query.org ?? p.orgUnitCode;
  if (!ctx.org().tree.has(org)) throw notFound(`单位代码“${org}”不存在`);
  if (!canSeeOrg(p, org, ctx.scope())) throw forbidden('无权查看该单位的数据');
  if (query.data === 'all' && !canSeeUnapprovedFigures(p)) throw forbidden('只有统计局和系统管理员可以查看含未批准数据的监测结果');
  const year = query.year ?? (await defaultYear(ctx, request, first, last));
  const indicators = await visibleIndicators(ctx, request, year);
  const cacheKey = `${year}|${org}|${divisionKey(request, indicators)}`;
  return { year, org, kind: query.data, indicators, cacheKey };
}

/** Tells apart cached answers made for a department's indicators (which change with the division of work). */
export function divisionKey(request: FastifyRequest, indicators: readonly string[] | null): string {
  return indicators ? `${principal(request).departmentCode ?? ''}|${request.auth?.versions.assignment_version ?? ''}` : '';
}

/**
 * The indicators a member department's user may read (those its department leads or cooperates
 * on in the year, issue #3); null for every other role, who read them all.
 */
export async function visibleIndicators(ctx: ServerContext, request: FastifyRequest, year: number): Promise<string[] | null> {
  const p = principal(request);
  if (p.role !== 'department') return null;
  const responsibilities = await cachedResponsibilities(ctx, year, request);
  return ctx
    .plan()
    .indicators.filter((i) => canSeeIndicator(p, departmentsOf(responsibilities.get(i.code))))
    .map((i) => i.code);
}
