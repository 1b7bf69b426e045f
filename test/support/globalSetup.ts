/**
 * Builds dist/ once before the tests: the import worker runs as compiled JavaScript in its own
 * thread, also when the code under test runs from the TypeScript sources. CHILDPLAN_SKIP_BUILD=1
 * skips it when dist/ is known to be current (running a few test files while developing).
 */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  if (process.env.CHILDPLAN_SKIP_BUILD === '1') return;
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
