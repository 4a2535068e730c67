export * from './attachment-storage';
export {
  type StorageSettings,
  attachmentStorageFor,
  createLocalDiskStorage,
  localAttachmentsFolder,
  localStorageKeys,
} from './local-disk-storage';
export { type S3AttachmentStorage, type S3Settings, createS3Storage, s3StorageFromSettings } from './s3-storage';
export { type MoveReport, moveLocalFilesToBucket } from './move-to-bucket';
export { detectContentType, isPlainText } from './content-type';
