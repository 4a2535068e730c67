import { fileTypeFromBuffer } from 'file-type';

/**
 * What a file really is, judged from its bytes and never from its name or what the browser said.
 * Binary formats are recognised by `file-type` from their signatures; for Office files it reads the
 * package's [Content_Types].xml, so a Word document (.docx) is told apart from a macro-enabled one
 * (.docm) or any other zip. Plain text has no signature, so it is recognised here: valid UTF-8
 * with no control characters other than tab, line breaks and form feed.
 *
 * Returns a MIME type, or null when the bytes are empty or not recognised.
 */
export async function detectContentType(bytes: Uint8Array): Promise<string | null> {
  if (bytes.length === 0) return null;
  let found: Awaited<ReturnType<typeof fileTypeFromBuffer>>;
  try {
    found = await fileTypeFromBuffer(bytes);
  } catch {
    // A file cut short inside its own structure (a zip whose first entry ends early, say) makes
    // file-type throw: it is not a file we can recognise, so it is refused like any other.
    return null;
  }
  if (found) return found.mime;
  return isPlainText(bytes) ? 'text/plain' : null;
}

const TEXT_DECODER = new TextDecoder('utf-8', { fatal: true });
// C0 controls other than tab (9), line feed (10), form feed (12) and carriage return (13), and DEL.
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

export function isPlainText(bytes: Uint8Array): boolean {
  try {
    return !CONTROL.test(TEXT_DECODER.decode(bytes));
  } catch {
    return false;
  }
}
