export { TagEditor } from './TagEditor';
export type { TagEditorProps } from './TagEditor';
