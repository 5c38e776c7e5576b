// Public surface of the pure core: everything the extension and the CLI may use, nothing that needs an editor.
export * from './blueprint';
export * from './checks/index';
export * from './domain/clusters';
export * from './domain/instruments';
export * from './draft/frontMatter';
export * from './draft/model';
export * from './finding';
export * from './input';
export * from './outline';
export * from './service';
export * from './skeleton';
export * from './templates';
export * from './text/lines';
export * from './edits';
export * from './fixes';
export * from './refs/editing';
export type { ResolvedRef } from './refs/resolve';
