/**
 * The office publishes a year's approved figures to the public portal, or withdraws them. Each
 * step is in the security log: what the public may read is an administrative decision.
 */
import type { Plan } from '../core/plan/types.js';
import { chinaDate } from '../core/time/chinaTime.js';
import type { Db } from '../db/dialect.js';
import { submissionCountsByYear } from '../db/queries/submissionCounts.js';
import { listPublications, publishYear, withdrawYear } from '../db/repositories/publications.js';
import { logSecurity } from '../db/repositories/securityLog.js';
import type { Actor } from './actor.js';
import { clash, invalid, missing } from './appError.js';
import type { YearPublication } from './publishingModel.js';

/** The first year the approval filter reads (src/app/figures.ts): earlier years cannot be shown. */
const FIRST_YEAR = 2010;

/**
 * Every year worth deciding on, newest first: the plan's years up to this one, and any earlier
 * year that has submissions or was published.
 */
export async function yearPublications(db: Db, plan: Plan, now: Date): Promise<YearPublication[]> {
  const [published, counts] = await Promise.all([listPublications(db), submissionCountsByYear(db)]);
  const thisYear = currentYear(now);
  const years = new Set<number>(published.map((p) => p.year));
  for (const c of counts) if (c.year >= FIRST_YEAR && c.year <= thisYear) years.add(c.year);
  for (let y = plan.baselineYear; y <= Math.min(thisYear, plan.period.end); y++) years.add(y);
  return [...years]
    .sort((a, b) => b - a)
    .map((year) => {
      const p = published.find((x) => x.year === year);
      const ofYear = counts.filter((c) => c.year === year);
      const approved = ofYear.filter((c) => c.state === 'approved').reduce((n, c) => n + c.count, 0);
      const pending = ofYear.filter((c) => c.state !== 'approved').reduce((n, c) => n + c.count, 0);
      return {
        year,
        published: p !== undefined,
        publishedBy: p?.publishedBy ?? null,
        publishedAt: p?.publishedAt ?? null,
        approved,
        pending,
      };
    });
}

/** Publishes a year: its approved values (and only those) become visible on the public portal. */
export async function publish(db: Db, plan: Plan, actor: Actor, year: number): Promise<YearPublication> {
  const thisYear = currentYear(new Date(actor.at));
  if (year < FIRST_YEAR || year > thisYear) throw invalid(`只能发布 ${FIRST_YEAR}—${thisYear} 年的数据`);
  const before = await stateOf(db, plan, actor, year);
  if (before.published) throw clash(`${year}年的数据已经公开发布`);
  if (before.approved === 0) throw clash(`${year}年还没有已批准的数据,不能公开发布`);
  await publishYear(db, year, actor.principal.username, actor.at);
  const pending = before.pending > 0 ? `;尚有 ${before.pending} 份报送未批准,其数据不公开` : '';
  await log(db, actor, 'year_published', `公开发布 ${year} 年已批准的数据(${before.approved} 份已批准的报送${pending})`);
  return stateOf(db, plan, actor, year);
}

/** Withdraws a published year: the public portal stops showing its figures at once. */
export async function withdraw(db: Db, plan: Plan, actor: Actor, year: number): Promise<YearPublication> {
  const before = await stateOf(db, plan, actor, year);
  if (!before.published) throw missing(`${year}年的数据尚未公开发布`);
  await withdrawYear(db, year);
  await log(
    db,
    actor,
    'year_withdrawn',
    `撤回 ${year} 年数据的公开发布(原由 ${before.publishedBy ?? ''} 于 ${before.publishedAt ?? ''} 发布)`,
  );
  return stateOf(db, plan, actor, year);
}

async function stateOf(db: Db, plan: Plan, actor: Actor, year: number): Promise<YearPublication> {
  const all = await yearPublications(db, plan, new Date(actor.at));
  return all.find((y) => y.year === year) ?? { year, published: false, publishedBy: null, publishedAt: null, approved: 0, pending: 0 };
}

function currentYear(now: Date): number {
  return Number(chinaDate(now).slice(0, 4));
}

async function log(db: Db, actor: Actor, event: 'year_published' | 'year_withdrawn', detail: string): Promise<void> {
  await logSecurity(db, { at: actor.at, event, username: actor.principal.username, ip: actor.ip, success: true, detail });
}
