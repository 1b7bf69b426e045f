/** Downloads of the published data (CSV, XLSX, SDMX-CSV): no session, approved and published only. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isSynthetic, SYNTHETIC_BANNER } from '../../app/demoLoader.js';
import { publicData } from '../../app/publicData.js';
import { chinaDateTime } from '../../core/time/chinaTime.js';
import { publicCsv } from '../../io/publicTable.js';
import { publicWorkbook } from '../../io/publicWorkbook.js';
import { SDMX_CSV_MEDIA_TYPE, sdmxCsv } from '../../io/sdmxCsv.js';
import type { ServerContext } from '../context.js';
import { DerivedCache } from '../derivedCache.js';
import { sendDownload } from '../download.js';
import { NO_SECURITY, PUBLIC_DOWNLOADS_PER_MINUTE, PUBLIC_TAGS, publicConfig, publicSource } from './publicRoute.js';

const FORMATS = {
  csv: { summary: '下载公开数据:CSV(UTF-8 带 BOM,中文表头,与导入相同的长格式)', mime: 'text/csv; charset=utf-8', suffix: '.csv' },
  xlsx: {
    summary: '下载公开数据:Excel(.xlsx,含说明页)',
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    suffix: '.xlsx',
  },
  sdmx: { summary: '下载公开数据:SDMX-CSV 2.0(SDMX 3.0 的 CSV 数据消息)', mime: SDMX_CSV_MEDIA_TYPE, suffix: '(SDMX).csv' },
} as const;
type Format = keyof typeof FORMATS;

export function registerPublicDownloadRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // A file is rebuilt only when an approval or a publication changes what the public may see.
  const files = new DerivedCache<Uint8Array>('approved_version', 8);

  const build = async (format: Format): Promise<Uint8Array> => {
    const plan = ctx.plan();
    const data = await publicData(publicSource(ctx), ctx.org());
    if (format === 'csv') return Buffer.from(publicCsv(data.rows), 'utf8');
    if (format === 'sdmx') return Buffer.from(sdmxCsv(plan, data.rows), 'utf8');
    const synthetic = await isSynthetic(ctx.db);
    return publicWorkbook(data, {
      planName: plan.name,
      syntheticNotice: synthetic ? SYNTHETIC_BANNER : null,
      madeAt: chinaDateTime(ctx.now().toISOString()),
    });
  };

  for (const format of Object.keys(FORMATS) as Format[]) {
    const f = FORMATS[format];
    app.withTypeProvider<ZodTypeProvider>().get(
      `/api/public/downloads/${format}`,
      {
        schema: {
          tags: PUBLIC_TAGS,
          summary: f.summary,
          description: '无需登录。只含已批准、且所在年度已公开发布的数据;尚未发布任何年度时只有表头。',
          querystring: z.object({}).strict(),
          produces: [f.mime],
          security: NO_SECURITY,
        },
        config: publicConfig(PUBLIC_DOWNLOADS_PER_MINUTE),
      },
      async (_request, reply) => {
        const content = await files.get(ctx.db, format, () => build(format));
        return sendDownload(reply, `${ctx.plan().name}公开数据${f.suffix}`, f.mime, content);
      },
    );
  }
}
