export { NotesPanel } from './NotesPanel';
export type { NotesPanelProps } from './NotesPanel';
export { TagEditor } from './TagEditor';
export type { TagEditorProps } from './TagEditor';
