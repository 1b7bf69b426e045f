import type { Command } from 'commander';
import { isSynthetic, SYNTHETIC_BANNER } from '../../app/demoLoader.js';
import { getValueHistory } from '../../db/queries/getValueHistory.js';
import { line, type Output } from '../output.js';
import { withApp } from '../withApp.js';
import { formatNumber } from '../assessmentTable.js';

interface HistoryFlags {
  indicator: string;
  org: string;
  year: string;
  sex: string;
  area: string;
  age: string;
}

export function registerHistory(program: Command, out: Output): void {
  program
    .command('history')
    .description('查看一个数值的全部历史版本(谁、何时、由何值改为何值、原因)')
    .requiredOption('--indicator <code>', '指标代码')
    .requiredOption('--org <code>', '单位代码')
    .requiredOption('--year <year>', '年份')
    .option('--sex <sex>', 'total | male | female', 'total')
    .option('--area <area>', 'total | urban | rural', 'total')
    .option('--age <group>', '年龄组', 'total')
    .action(async (flags: HistoryFlags, command: Command) => {
      await withApp(command, async (app) => {
        const key = {
          indicator: flags.indicator,
          orgUnit: flags.org,
          year: Number(flags.year),
          sex: flags.sex,
          area: flags.area,
          ageGroup: flags.age,
        };
        const { current, versions } = await getValueHistory(app.db, key);
        if (!current) {
          line(out, '没有这个数值。');
          return;
        }
        line(
          out,
          `当前值: ${formatNumber(current.value, 4)}(分子 ${formatNumber(current.numerator, 4)},分母 ${formatNumber(current.denominator, 4)})由 ${current.updated_by} 于 ${current.updated_at} 写入`,
        );
        if (current.source) line(out, `来源: ${current.source}`);
        if (versions.length === 0) line(out, '没有更早的版本。');
        for (const v of versions) {
          line(
            out,
            `${v.changed_at} ${v.changed_by}: ${formatNumber(v.old_value, 4)} → ${formatNumber(v.new_value, 4)}(原值由 ${v.old_by} 于 ${v.old_at} 写入;原因: ${v.reason})`,
          );
        }
        if (await isSynthetic(app.db)) line(out, SYNTHETIC_BANNER);
      });
    });
}
