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

const UNSAFE_IN_NAME = /[\u0000-\u001F\u007F<>:"/\\|?*]/g;

/**
 * The name a file is listed by: the last part of what the browser sent, without characters that
 * mean something to file systems or terminals, and not too long. It is only ever shown, never used
 * to store or find the file.
 */
export function attachmentDisplayName(name: unknown): string {
  const base = typeof name === 'string' ? (name.split(/[\\/]/).pop() ?? '') : '';
  const cleaned = base.replace(UNSAFE_IN_NAME, '').replace(/\s+/g, ' ').trim();
  if (cleaned.length <= ATTACHMENT_LIMITS.nameLength) return cleaned || 'document';
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, ATTACHMENT_LIMITS.nameLength - extension.length) + extension;
}
