/** True when the API answered 409: someone else changed the note since it was read. */
export function isConflict(error: unknown): boolean {
  return (error as { statusCode?: number })?.statusCode === 409;
}
