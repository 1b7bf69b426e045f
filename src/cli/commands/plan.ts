import type { Command } from 'commander';
import { requirePlan } from '../../app/context.js';
import { savePlan } from '../../db/repositories/plans.js';
import { readPlanFile, writePlanFile } from '../../plans/siping/loadPlan.js';
import { currentUser, line, type Output } from '../output.js';
import { withApp } from '../withApp.js';

export function registerPlan(program: Command, out: Output): void {
  const plan = program.command('plan').description('规划文件的导出和导入');
  plan
    .command('export <file>')
    .description('把数据库中的规划导出为 YAML(.yaml/.yml)或 JSON 文件')
    .action(async (file: string, _options: unknown, command: Command) => {
      await withApp(command, async (app) => {
        const stored = await requirePlan(app.db);
        writePlanFile(stored, file);
        line(out, `已导出规划“${stored.name}”到 ${file}`);
      });
    });
  plan
    .command('import <file>')
    .description('校验并载入规划文件(替换数据库中的规划,原规划保存在历史中;格式错误时不做任何修改)')
    .option('--user <name>', '记录为修改人的用户名')
    .option('--reason <text>', '修改原因(记入规划历史)')
    .action(async (file: string, options: { user?: string; reason?: string }, command: Command) => {
      const parsed = readPlanFile(file);
      await withApp(command, async (app) => {
        await savePlan(app.db, parsed, {
          who: currentUser(options.user),
          at: new Date().toISOString(),
          reason: options.reason ?? `导入规划文件 ${file}`,
        });
        line(out, `已载入规划“${parsed.name}”: ${parsed.domains.length} 个领域,${parsed.indicators.length} 项监测指标`);
      });
    });
}
