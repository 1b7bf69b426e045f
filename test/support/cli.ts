/** Runs the real command line in-process and captures what it prints. */
import { main } from '../../src/cli/main.js';
import type { Output } from '../../src/cli/output.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(db: string, ...args: string[]): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const out: Output = {
    write: (t) => {
      stdout += t;
    },
    error: (t) => {
      stderr += t;
    },
  };
  const code = await main(['node', 'childplan', '--db', db, ...args], out);
  return { code, stdout, stderr };
}
