/** The built-in member departments and default division of work (src/plans/siping/departments.yaml). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import YAML from 'yaml';
import { DepartmentsFile } from '../../core/plan/departments.js';
import { builtinPlanPath } from './loadPlan.js';

export function builtinDepartmentsPath(): string {
  return join(dirname(builtinPlanPath()), 'departments.yaml');
}

export function loadBuiltinDepartments(): DepartmentsFile {
  return DepartmentsFile.parse(YAML.parse(readFileSync(builtinDepartmentsPath(), 'utf8')));
}
