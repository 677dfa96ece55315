/**
 * Options every core-components `Table` of ML Home starts from (`options={{ ...tableOptions, … }}`).
 * Column dragging is off: with it on, each sortable header's button sits inside a focusable drag
 * handle, nested controls that keyboards and screen readers cannot use (axe: nested-interactive).
 */
export const tableOptions = { draggable: false } as const;
