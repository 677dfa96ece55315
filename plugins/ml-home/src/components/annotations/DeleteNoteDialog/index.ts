export { DeleteNoteDialog } from './DeleteNoteDialog';
