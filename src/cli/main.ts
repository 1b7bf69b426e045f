/** The `childplan` command line. */
import { Command, CommanderError } from 'commander';
import { registerAssess } from './commands/assess.js';
import { registerDemo } from './commands/demo.js';
import { registerDisparities } from './commands/disparities.js';
import { registerHistory } from './commands/history.js';
import { registerImport } from './commands/import.js';
import { registerInit } from './commands/init.js';
import { registerPlan } from './commands/plan.js';
import { registerReport } from './commands/report.js';
import { registerServe } from './commands/serve.js';
import { registerStart } from './commands/start.js';
import { registerUser } from './commands/user.js';
import { describeError } from './describeError.js';
import { type Output, processOutput } from './output.js';

export function buildProgram(out: Output): Command {
  const program = new Command('childplan')
    .description('儿童发展规划监测评估系统')
    .option('--db <url>', '数据库: sqlite:路径 / 路径 / postgres://用户@主机:端口/库名(默认读 CHILDPLAN_DB,再默认 ./data/childplan.sqlite)')
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.write(s), writeErr: (s) => out.error(s) });
  registerInit(program, out);
  registerPlan(program, out);
  registerImport(program, out);
  registerAssess(program, out);
  registerDisparities(program, out);
  registerHistory(program, out);
  registerDemo(program, out);
  registerReport(program, out);
  registerStart(program, out);
  registerServe(program, out);
  registerUser(program, out);
  return program;
}

/** Runs the command line and returns the process exit code. */
export async function main(argv: string[], out: Output = processOutput): Promise<number> {
  const program = buildProgram(out);
  try {
    await program.parseAsync(argv);
    return out.exitCode ?? 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    out.error(`错误: ${describeError(error)}\n`);
    return 1;
  }
}
