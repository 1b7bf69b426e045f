/** Shapes of the Excel/CSV upload replies, as the OpenAPI document shows them. */
import { z } from 'zod';

const Issue = z.object({
  sheet: z.string().nullable().describe('工作表名称(CSV 文件为 null)'),
  row: z.number().describe('行号(CSV 为文件中的行号)'),
  column: z.string().nullable().describe('列字母,如 K'),
  cell: z.string().nullable().describe('单元格,如 K12'),
  location: z.string().describe('位置,如 「填报表」第 12 行 K 列'),
  message: z.string(),
});

const Change = z.object({
  row: z.number(),
  indicator: z.string(),
  indicatorName: z.string(),
  orgUnit: z.string(),
  orgUnitName: z.string(),
  year: z.number(),
  sex: z.string(),
  area: z.string(),
  ageGroup: z.string(),
  label: z.string().describe('分组,如 合计、男、城镇·女'),
  old: z.number().nullable().describe('系统中现有的数值(没有时为 null)'),
  new: z.number(),
  kind: z.enum(['insert', 'update', 'unchanged']),
});

export const PreviewSchema = z.object({
  token: z.string().nullable().describe('确认保存用的令牌;有错误时为 null'),
  fileName: z.string(),
  sheet: z.string().nullable(),
  department: z.string(),
  year: z.number().nullable(),
  counts: z.object({
    rows: z.number().describe('读到的数据行'),
    inserted: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    skipped: z.number().describe('没有填写数值的行(不导入)'),
    errors: z.number(),
  }),
  changes: z.array(Change),
  errors: z.array(Issue).describe('最多列出 1000 处;总数见 counts.errors'),
  warnings: z.array(Issue).describe('与上年相比变化超过 50% 等,须核实但不阻止保存'),
  ignoredColumns: z.array(z.string()).describe('未识别、未读取的列(名称、计量单位、上年数值等)'),
});
