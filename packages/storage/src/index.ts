export * from './attachment-storage';
export { attachmentStorageFor, createLocalDiskStorage } from './local-disk-storage';
export { detectContentType, isPlainText } from './content-type';
