export * from './catalogue';
export { PLACEHOLDER_NAMES, PERSONAL_PLACEHOLDERS, placeholdersIn, blockWords, blockPicture, type ContentBlock, type ContentPicture, type DocumentContent, type PlaceholderName } from './content-schema';
export { readDocumentContent, CONTENT_FOLDER, type LoadedContent } from './content-files';
export { buildPublicDocument, documentValues, webAddress, LAYOUT_REVISION, type BuildOptions, type BuiltDocument, type PersonalDetails } from './build-document';
export { PdfCache } from './pdf-cache';
