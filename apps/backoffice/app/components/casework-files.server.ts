import { attachmentDisplayName, attachmentServedType } from '@complaints/domain';
import type { AttachmentStorage } from '@complaints/storage';
import type { AppLoadContext } from '@remix-run/node';

/**
 * A file for the browser to save, never to open in place: the name is sent in both the plain and
 * the UTF-8 forms of Content-Disposition, and the type is the one judged when the file arrived.
 * Nothing about a complaint is ever kept in a shared cache.
 */
export function fileResponse(file: { fileName: string; contentType: string; bytes: Uint8Array }): Response {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return new Response(new Uint8Array(file.bytes), {
    status: 200,
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.bytes.byteLength),
      'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/**
 * A file that came from the public (or was scanned in), for staff to save: served with the type
 * judged from its bytes when it came (plain text always as UTF-8 text/plain, so a page of HTML in a
 * .txt file is shown as text and never run; anything not accepted as bare bytes), named with that
 * type's extension and without characters that could disguise the name, always as an attachment.
 */
export function attachmentResponse(file: { fileName: string; contentType: string; bytes: Uint8Array }): Response {
  return fileResponse({ bytes: file.bytes, contentType: attachmentServedType(file.contentType), fileName: attachmentDisplayName(file.fileName, file.contentType) });
}

/** Where the files sent with complaints are kept: wired once by the app (DATA_DIR/attachments, as the portal keeps them). */
export function attachmentStorage(context: Pick<AppLoadContext, 'attachments'>): AttachmentStorage {
  if (!context.attachments) throw new Error('The back office was started without its attachment storage.');
  return context.attachments;
}
