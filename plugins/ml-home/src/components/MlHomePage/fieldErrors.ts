import { errorMessage } from '../common/format';

/**
 * Which form field an API error is about. The backend names the field first in a 400's message
 * (`name 'X' is not a valid name…`, `tags[0] …`, `request/body/title must …`, `name: a project
 * named 'x' already exists`); anything else is a form-level error.
 */
export function fieldOfError<F extends string>(
  error: unknown,
  fields: readonly F[],
): { field?: F; message: string } {
  const message = errorMessage(error);
  const match =
    /^(?:request\/body\/)?([A-Za-z]+)(?:\[\d+\]|\/\d+)?(?:[\s:.'/]|$)/.exec(
      message,
    );
  const field = match?.[1] as F | undefined;
  if (field && fields.includes(field)) {
    return { field, message: message.replace(/^request\/body\//, '') };
  }
  return { message };
}
