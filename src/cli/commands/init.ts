import type { Command } from 'commander';
import { initialise } from '../../app/initialise.js';
import { loadBuiltinPlan, readPlanFile } from '../../plans/siping/loadPlan.js';
import { describeDb } from '../../db/url.js';
import { currentUser, line, type Output } from '../output.js';
import { withApp } from '../withApp.js';

const LEVEL_LABELS: Record<string, string> = { city: '市', county: '县(市、区)', township: '乡镇(街道)', village: '村(居)委会' };

export function registerInit(program: Command, out: Output): void {
  program
    .command('init')
    .description('建立或升级数据库,载入规划和单位(可重复运行)')
    .option('--region <code>', '地级市行政区划代码(4位或6位)', '2203')
    .option('--plan <file>', '规划文件(YAML 或 JSON),默认为内置的四平市规划')
    .action(async (options: { region: string; plan?: string }, command: Command) => {
      const plan = options.plan ? readPlanFile(options.plan) : loadBuiltinPlan();
      await withApp(command, async (app) => {
        const result = await initialise(app.db, plan, options.region, new Date().toISOString(), currentUser(undefined));
        line(out, `数据库: ${describeDb(app.target)}`);
        line(
          out,
          `规划: ${plan.name}(${plan.domains.length} 个领域,${plan.domains.reduce((n, d) => n + d.goals.length, 0)} 项主要目标,${plan.domains.reduce((n, d) => n + d.measures.length, 0)} 项策略措施,${plan.indicators.length} 项监测指标)`,
        );
        const units = Object.entries(LEVEL_LABELS)
          .filter(([level]) => result.units[level] !== undefined)
          .map(([level, label]) => `${label} ${result.units[level]}`)
          .join(',');
        line(out, `单位: ${result.regionName} ${result.region}(${units})`);
        line(out, '初始化完成。');
      });
    });
}
