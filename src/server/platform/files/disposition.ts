/**
 * Headers for sending a stored file: always a download (never rendered in the page), the detected
 * type, no sniffing, and the name in both an ASCII fallback and UTF-8 (RFC 6266 / 5987).
 */
export function downloadHeaders(fileName: string, contentType: string): Record<string, string> {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_') || 'file';
  return {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
  };
}
