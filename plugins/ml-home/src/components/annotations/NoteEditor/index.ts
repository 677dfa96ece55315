export { NoteEditor } from './NoteEditor';
