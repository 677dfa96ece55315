export { NoteItem } from './NoteItem';
