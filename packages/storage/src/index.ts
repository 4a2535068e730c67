export * from './attachment-storage';
export { createLocalDiskStorage } from './local-disk-storage';
export { detectContentType, isPlainText } from './content-type';
