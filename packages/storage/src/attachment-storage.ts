/**
 * Where the files people send us are kept. Callers hold only the random key a file was stored
 * under; names, types and who may see a file are recorded in the database, never in the store.
 * Local disk now; object storage later implements the same three operations.
 */
export interface AttachmentStorage {
  /** Stores the bytes under a new random key and returns the key. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes stored under a key, or null when there are none. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes what is stored under a key; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

/** Keys are 48 lower-case hex characters (24 random bytes): unguessable, and safe as file names. */
export const STORAGE_KEY_PATTERN = /^[0-9a-f]{48}$/;

export class InvalidStorageKeyError extends Error {
  override name = 'InvalidStorageKeyError';
}

export function assertStorageKey(key: string): void {
  if (!STORAGE_KEY_PATTERN.test(key)) throw new InvalidStorageKeyError('That is not a storage key.');
}
