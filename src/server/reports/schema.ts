/** The report download's parameters. */
import { z } from 'zod';
import { REPORT_FORMATS, REPORT_KINDS } from '../../app/reportFiles.js';

export const ReportParams = z.object({
  kind: z.enum(REPORT_KINDS).describe('annual 年度监测统计报告;midterm 中期评估;final 终期评估;counties 县(市、区)比较;tables 统计资料'),
});

export const ReportQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  org: z.string().min(1).max(12).optional().describe('单位代码(默认为用户所在单位)'),
  format: z.enum(REPORT_FORMATS).optional().describe('docx | html | xlsx(默认 docx;统计资料为 xlsx)'),
  data: z.enum(['approved', 'all']).default('approved').describe('approved:仅已批准的数据(默认);all:含未批准的数据(报告标为“草稿”)'),
});
