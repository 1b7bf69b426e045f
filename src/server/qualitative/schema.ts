/** Request and response shapes of the qualitative goals' API (定性目标). */
import { z } from 'zod';
import { MAX_COMMENT_CHARS, MAX_REPORT_CHARS, QUALITATIVE_RATINGS } from '../../core/plan/qualitative.js';

export const Year = z.coerce
  .number({ error: '年份须为四位数字' })
  .int({ error: '年份须为四位数字' })
  .min(2000, { error: '年份不正确' })
  .max(2100, { error: '年份不正确' });
const OrgCode = z.string({ error: '请指定单位代码' }).min(1, { error: '请指定单位代码' }).max(12, { error: '单位代码过长' });
const ItemCode = z.string().min(1, { error: '请指定目标编号' }).max(20, { error: '目标编号过长' });

export const ListQuery = z.object({
  year: Year,
  org: OrgCode.optional(),
  department: z.string().max(40, { error: '成员单位代码过长' }).optional(),
});

export const SummaryQuery = z.object({ year: Year, org: OrgCode.optional() });

export const ItemParams = z.object({ year: Year, org: OrgCode, item: ItemCode });

export const FileParams = z.object({
  id: z.coerce.number({ error: '文件编号须为数字' }).int({ error: '文件编号须为数字' }).positive({ error: '文件编号须为数字' }),
});

// Lengths are checked by textProblem, which counts characters as people do and answers in Chinese.
export const ReportBody = z.object({
  text: z.string({ error: '请填写进展情况(text)' }).max(MAX_REPORT_CHARS * 2, { error: `进展情况不能超过 ${MAX_REPORT_CHARS} 字` }),
});

export const RatingBody = z.object({
  rating: z.enum(QUALITATIVE_RATINGS, {
    error: `评估结论须为 ${QUALITATIVE_RATINGS.join('、')} 之一`,
  }),
  comment: z
    .string({ error: '评估意见须为文字' })
    .max(MAX_COMMENT_CHARS * 2, { error: `评估意见不能超过 ${MAX_COMMENT_CHARS} 字` })
    .default(''),
});

const Department = z.object({ code: z.string(), name: z.string() });

export const Evidence = z.object({
  id: z.number(),
  name: z.string(),
  size: z.number().describe('字节数'),
  type: z.string().describe('MIME 类型'),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedByName: z.string(),
  uploadedAt: z.string(),
});

export const Item = z.object({
  code: z.string(),
  kind: z.enum(['goal', 'measure']),
  kindLabel: z.string(),
  domain: z.string(),
  domainName: z.string(),
  number: z.number(),
  text: z.string(),
  lead: Department.nullable().describe('牵头单位'),
  cooperating: z.array(Department).describe('配合单位'),
  report: z
    .object({ text: z.string(), updatedBy: z.string(), updatedByName: z.string(), updatedAt: z.string() })
    .nullable()
    .describe('牵头单位填报的进展情况'),
  evidence: z.array(Evidence).describe('佐证材料'),
  rating: z
    .object({
      rating: z.string(),
      label: z.string(),
      comment: z.string(),
      ratedBy: z.string(),
      ratedByName: z.string(),
      ratedAt: z.string(),
    })
    .nullable()
    .describe('评估组的评估结论'),
  mayWrite: z.boolean().describe('当前用户可填报进展情况、上传佐证材料'),
  mayRate: z.boolean().describe('当前用户可评估'),
});

const RatingOption = z.object({ value: z.string(), label: z.string() });
const Org = z.object({ code: z.string(), name: z.string() });

export const ListReply = z.object({
  year: z.number(),
  org: Org,
  department: z.string().nullable(),
  ratings: z.array(RatingOption),
  items: z.array(Item),
});

const Counts = z.object({
  achieved: z.number(),
  on_track: z.number(),
  needs_acceleration: z.number(),
  off_track: z.number(),
  not_assessed: z.number(),
  unrated: z.number(),
});

export const SummaryReply = z.object({
  year: z.number(),
  org: Org,
  ratings: z.array(RatingOption),
  domains: z.array(z.object({ domain: z.string(), domainName: z.string(), items: z.number(), reported: z.number(), counts: Counts })),
  total: z.object({ items: z.number(), reported: z.number(), counts: Counts }),
});

export const HistoryReply = z.object({
  year: z.number(),
  org: Org,
  item: z.string(),
  entries: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(['report', 'rating']),
      kindLabel: z.string(),
      department: Department.nullable(),
      text: z.string().nullable(),
      rating: z.string().nullable(),
      ratingLabel: z.string().nullable(),
      comment: z.string().nullable(),
      changedBy: z.string(),
      changedByName: z.string(),
      changedAt: z.string(),
    }),
  ),
});

export const Ok = z.object({ ok: z.literal(true) });
