/**
 * Builds dist/ once before the tests: the import worker runs as compiled JavaScript in its own
 * thread, also when the code under test runs from the TypeScript sources.
 */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
