export { NoteHistoryDialog } from './NoteHistoryDialog';
