/** A multipart form of text fields and one file, read whole; refusals in Chinese. */
import type { FastifyRequest } from 'fastify';
import { cleanFileName } from '../core/validate/fileType.js';
import { badRequest, HttpError } from './errors.js';

export interface UploadForm {
  fields: Map<string, string>;
  file: { name: string; content: Buffer } | null;
}

export async function readUploadForm(request: FastifyRequest, maxBytes: number): Promise<UploadForm> {
  if (!request.isMultipart()) throw badRequest('请以 multipart/form-data 方式上传文件');
  const fields = new Map<string, string>();
  let file: UploadForm['file'] = null;
  try {
    for await (const part of request.parts({ limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 10_000 } })) {
      if (part.type === 'file') {
        const name = cleanFileName(part.filename);
        file = { name, content: await part.toBuffer() };
      } else if (typeof part.value === 'string') {
        fields.set(part.fieldname, part.value);
      }
    }
  } catch (error) {
    const code = error instanceof Error && 'code' in error ? error.code : undefined;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new HttpError(413, `文件超过上传大小上限(${formatBytes(maxBytes)})`);
    if (code === 'FST_FILES_LIMIT') throw badRequest('每次只能上传一个文件');
    throw error;
  }
  return { fields, file };
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KB`;
  return `${n} 字节`;
}
