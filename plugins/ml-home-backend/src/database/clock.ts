/**
 * Where stores read the time they stamp on what they write (created_at, updated_at, events, …):
 * the system clock at run time; a fixed time for a writer that records past work, such as demo
 * data loaded through `writer.as(actor, { at })`.
 */
export type Clock = () => Date;

/** The time now. */
export const systemClock: Clock = () => new Date();
