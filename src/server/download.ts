/** Headers of a file the browser saves under its Chinese name. */
import type { FastifyReply } from 'fastify';

/**
 * Content-Disposition for a download: an ASCII fallback for old clients, and the real name as
 * UTF-8 per RFC 5987 / RFC 6266 (every browser in use reads `filename*`).
 */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Sends stored bytes as a download the browser may neither sniff as another type nor cache. */
export function sendDownload(reply: FastifyReply, fileName: string, mimeType: string, content: Uint8Array): FastifyReply {
  return reply
    .header('content-type', mimeType)
    .header('content-disposition', attachment(fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(content.buffer, content.byteOffset, content.byteLength));
}
