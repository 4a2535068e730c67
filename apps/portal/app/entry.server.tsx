export { handleError, renderPage as default } from '@complaints/ui/remix/entry-server';
