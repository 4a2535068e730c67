/**
 * What may be sent with a complaint: at most five files of 10 MB each, of the kinds people have
 * and staff can open safely (PDF, JPEG, PNG, Word and plain text), judged from the bytes.
 * Legacy Word (.doc) files are not accepted: from their bytes they cannot be told apart from other
 * Office files, and they can carry macros.
 */
export const ATTACHMENT_LIMITS = { files: 5, bytesPerFile: 10 * 1024 * 1024, nameLength: 200 } as const;

export const ACCEPTED_ATTACHMENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'text/plain',
] as const;

export type AttachmentRefusal = 'empty' | 'tooBig' | 'wrongType' | 'tooMany';

/** Why a file cannot be attached, or null when it can. */
export function attachmentRefusal(file: { sizeBytes: number; contentType: string | null }, alreadyAttached: number): AttachmentRefusal | null {
  if (alreadyAttached >= ATTACHMENT_LIMITS.files) return 'tooMany';
  if (file.sizeBytes === 0) return 'empty';
  if (file.sizeBytes > ATTACHMENT_LIMITS.bytesPerFile) return 'tooBig';
  if (!file.contentType || !(ACCEPTED_ATTACHMENT_TYPES as readonly string[]).includes(file.contentType)) return 'wrongType';
  return null;
}

/** The one extension each accepted type is stored and served with, whatever name the file came with. */
export const ATTACHMENT_EXTENSIONS: Readonly<Record<(typeof ACCEPTED_ATTACHMENT_TYPES)[number], string>> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'text/plain': 'txt',
};

function isAccepted(contentType: string): contentType is (typeof ACCEPTED_ATTACHMENT_TYPES)[number] {
  return (ACCEPTED_ATTACHMENT_TYPES as readonly string[]).includes(contentType);
}

/**
 * The Content-Type a stored file is served with: its judged type, text always as UTF-8 plain text
 * (so no browser guesses it is HTML), anything not (or no longer) accepted as bare bytes.
 */
export function attachmentServedType(contentType: string): string {
  if (!isAccepted(contentType)) return 'application/octet-stream';
  return contentType === 'text/plain' ? 'text/plain; charset=utf-8' : contentType;
}

/*
 * Control characters (C0, DEL, C1), Unicode's bidirectional marks, embeddings, overrides and
 * isolates (which can make "invoice\u202Efdp.exe" read as "invoiceexe.pdf"), zero-width and
 * byte-order marks, and characters that mean something to file systems or shells.
 */
const UNSAFE_IN_NAME = /[\u0000-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF<>:"/\\|?*]/g;

/**
 * The name a file is listed, stored and downloaded by: the last part of what the browser sent,
 * without unsafe or invisible characters, leading dots or the extension it came with, not too
 * long, and ending in the extension of the type judged from its bytes (so "report.pdf.exe" that is
 * really a PNG becomes "report.pdf.png"). It is only ever shown, never used to store or find the file.
 */
export function attachmentDisplayName(name: unknown, contentType?: string | null): string {
  const base = typeof name === 'string' ? (name.split(/[\\/]/).pop() ?? '') : '';
  let cleaned = base.normalize('NFC').replace(/[\t\n\v\f\r]/g, ' ').replace(UNSAFE_IN_NAME, '').replace(/\s+/g, ' ').trim().replace(/^[.\s]+/, '');
  const extension = contentType && isAccepted(contentType) ? `.${ATTACHMENT_EXTENSIONS[contentType]}` : '';
  if (extension) {
    const dot = cleaned.lastIndexOf('.');
    // The extension it came with goes when it is short enough to be one, and is the type's own or
    // a name never trusted; a longer tail after a dot is part of the name.
    if (dot > 0 && cleaned.length - dot <= 6) cleaned = cleaned.slice(0, dot);
    cleaned = cleaned.replace(/[.\s]+$/, '');
  }
  // Cut by code points, so no surrogate pair is split.
  const room = ATTACHMENT_LIMITS.nameLength - extension.length;
  const chars = [...cleaned];
  const stem = (chars.length > room ? chars.slice(0, room).join('') : cleaned).trim() || 'document';
  return `${stem}${extension}`;
}
