/**
 * The pages of the public portal: the same overview and indicator page the signed-in users see,
 * with the public kind of figures (approved values of published years), for the plan's region and
 * its county-level units only, and only for a year the office has published.
 */
import type { OrgDirectory } from '../db/queries/getOrgTree.js';
import { publishedYears } from '../db/repositories/publications.js';
import { missing } from './appError.js';
import type { FigureSource } from './figures.js';
import { indicatorPageOf } from './indicatorPage.js';
import type { IndicatorPageData } from './indicatorPageModel.js';
import { overviewFigures, overviewQualitative } from './overview.js';
import type { OverviewFigures, OverviewQualitative } from './overviewModel.js';
import { publicUnits } from './publicData.js';

export interface PublicRequest {
  year: number;
  org: string;
}

/** Refuses a year that is not published and a unit the portal does not cover. */
export async function checkPublicRequest(s: FigureSource, org: OrgDirectory, request: PublicRequest): Promise<Set<string>> {
  const units = new Set(publicUnits(s, org).map((u) => u.code));
  if (!units.has(request.org)) throw missing(`公开门户没有单位“${request.org}”的数据`);
  if (!(await publishedYears(s.db)).has(request.year)) throw missing(`${request.year}年的数据尚未公开发布`);
  return units;
}

export async function publicIndicatorPage(
  s: FigureSource,
  org: OrgDirectory,
  request: PublicRequest & { code: string },
): Promise<IndicatorPageData> {
  const units = await checkPublicRequest(s, org, request);
  const page = await indicatorPageOf(s, 'public', request);
  // Below the county-level units the portal publishes nothing: no township list, no way further down.
  return {
    ...page,
    ancestors: page.ancestors.filter((u) => units.has(u.code)),
    children: page.children.filter((c) => units.has(c.code)),
    childLevel: page.children.some((c) => units.has(c.code)) ? page.childLevel : null,
    childLevelLabel: page.children.some((c) => units.has(c.code)) ? page.childLevelLabel : null,
  };
}

/** The overview's figures (cached by the server per version token). */
export async function publicOverviewFigures(s: FigureSource, org: OrgDirectory, request: PublicRequest): Promise<OverviewFigures> {
  await checkPublicRequest(s, org, request);
  return overviewFigures(s, 'public', request);
}

/** The qualitative goals' ratings beside the figures: they carry no version token, so read each time. */
export async function publicOverviewQualitative(s: FigureSource, org: OrgDirectory, request: PublicRequest): Promise<OverviewQualitative> {
  await checkPublicRequest(s, org, request);
  return overviewQualitative(s, 'public', request);
}
