/** Headers of a file the browser saves under its Chinese name. */

/**
 * Content-Disposition for a download: an ASCII fallback for old clients, and the real name as
 * UTF-8 per RFC 5987 / RFC 6266 (every browser in use reads `filename*`).
 */
export function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
