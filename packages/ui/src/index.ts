export * from './class-names';
export * from './form-fields';
export * from './content-blocks';
export * from './exit-this-page';
export * from './language-switch';
export * from './page-shell';
export * from './shell-text';
export * from './select';
