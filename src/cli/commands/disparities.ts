/** `childplan disparities`: urban–rural gaps and the spread across counties 城乡、区域差距 (methodology.md §4). */
import Table from 'cli-table3';
import type { Command } from 'commander';
import { requirePlan } from '../../app/context.js';
import { isSynthetic, SYNTHETIC_BANNER } from '../../app/demoLoader.js';
import { type CountyValue, type DisparityRow, disparitiesCsv, runDisparities, toDisparityRecord } from '../../app/disparities.js';
import type { DisparityTrend } from '../../core/assess/disparity.js';
import type { Plan } from '../../core/plan/types.js';
import { getMeta } from '../../db/repositories/meta.js';
import { formatNumber } from '../assessmentTable.js';
import { line, type Output } from '../output.js';
import { withApp } from '../withApp.js';
import { parseFormatOption, parseYearOption, splitList } from '../options.js';

interface DisparitiesFlags {
  year: string;
  org?: string;
  indicator?: string;
  format: string;
}

export function registerDisparities(program: Command, out: Output): void {
  program
    .command('disparities')
    .description('城乡差距和县区间差距:最近年份与基期比较(方法见 methodology.md §4)')
    .requiredOption('--year <year>', '截至年份')
    .option('--org <code>', '单位代码(默认为本市)')
    .option('--indicator <code>', '指标代码(可用逗号分隔多个;默认全部)')
    .option('--format <format>', '输出格式: table | json | csv', 'table')
    .action(async (flags: DisparitiesFlags, command: Command) => {
      const year = parseYearOption(flags.year);
      const format = parseFormatOption(flags.format);
      await withApp(command, async (app) => {
        const plan = await requirePlan(app.db);
        const orgUnit = flags.org?.trim() || ((await getMeta(app.db, 'region')) ?? plan.region);
        const rows = await runDisparities(app.db, plan, {
          year,
          orgUnit,
          indicators: flags.indicator ? splitList(flags.indicator) : null,
        });
        const synthetic = await isSynthetic(app.db);
        if (format === 'json') {
          out.write(
            `${JSON.stringify(
              rows.map((r) => toDisparityRecord(r, synthetic)),
              null,
              2,
            )}\n`,
          );
          if (synthetic) out.error(`${SYNTHETIC_BANNER}\n`);
        } else if (format === 'csv') {
          out.write(disparitiesCsv(rows.map((r) => toDisparityRecord(r, synthetic))));
          if (synthetic) out.error(`${SYNTHETIC_BANNER}\n`);
        } else {
          const unit = await app.db.selectFrom('org_unit').select('name').where('code', '=', orgUnit).executeTakeFirst();
          const title = `${unit?.name ?? orgUnit}(${orgUnit}) 截至${year}年 城乡、区域差距`;
          line(out, formatDisparitiesTable(plan, rows, title, year, synthetic ? SYNTHETIC_BANNER : null));
        }
      });
    });
}

const TREND_LABELS: Record<DisparityTrend, string> = { narrowing: '缩小', widening: '扩大', stable: '持平' };

function trendLabel(trend: DisparityTrend | null): string {
  return trend === null ? '—' : TREND_LABELS[trend];
}

/** A value with the unit's sign when it is a percentage or per mille. */
function withUnit(value: number | null, unit: string): string {
  if (value === null) return '—';
  return `${formatNumber(value)}${unit === '%' || unit === '‰' ? unit : ''}`;
}

/** A difference (gap, range): in the indicator's unit, percentage points for a percentage, so shown bare. */
function difference(value: number | null, year: number | null, expected: number): string {
  if (value === null) return '—';
  const text = formatNumber(value);
  return year === null || year === expected ? text : `${text}(${year}年)`;
}

function county(c: CountyValue | undefined, unit: string): string {
  return c ? `${withUnit(c.value, unit)}\n${c.orgName}` : '—';
}

export function formatDisparitiesTable(plan: Plan, rows: DisparityRow[], title: string, year: number, banner: string | null): string {
  const out: string[] = [];
  if (banner) out.push(banner, '');
  out.push(title);
  if (rows.length === 0) {
    out.push('没有可比较的城镇、农村数值或县区数值。');
  } else {
    // A unit without county-level children (a county, a township) has no county columns.
    const counties = rows.some((r) => r.county !== null);
    const head = ['指标', '城镇', '农村', '城乡差距', '基期差距', '变化'];
    if (counties) head.push('县区最低(单位)', '县区最高(单位)', '极差', '基期极差', '变化');
    const table = new Table({ head, style: { head: [], border: [] }, wordWrap: true, colWidths: [26] });
    for (const r of rows) {
      const unit = r.indicator.unit;
      const ur = r.urbanRural;
      const c = r.county;
      const cells = [
        r.indicator.name,
        withUnit(ur?.urban ?? null, unit),
        withUnit(ur?.rural ?? null, unit),
        difference(ur?.gap ?? null, ur?.latestYear ?? null, year),
        difference(ur?.baselineGap ?? null, ur?.baselineYear ?? null, plan.baselineYear),
        trendLabel(ur?.trend ?? null),
      ];
      if (counties) {
        cells.push(
          county(c?.min, unit),
          county(c?.max, unit),
          difference(c?.range ?? null, c?.latestYear ?? null, year),
          difference(c?.baselineRange ?? null, c?.baselineYear ?? null, plan.baselineYear),
          trendLabel(c?.trend ?? null),
        );
      }
      table.push(cells);
    }
    out.push(table.toString());
    const rangeNote = counties ? ';极差 = 县区最高 − 最低,取至少两个县区有数值的最近年份' : '';
    out.push(
      `注:城乡差距 = |城镇 − 农村|,取截至${year}年同时有城镇、农村数值的最近年份${rangeNote};` +
        `基期为${plan.baselineYear}年(该年无数据时取其后最早有数据的年份);年份不同时在数值后注明。` +
        '差距、极差的单位同指标(百分率为百分点)。变化:与基期相比缩小、扩大或持平。',
    );
  }
  if (banner) out.push('', banner);
  return out.join('\n');
}
