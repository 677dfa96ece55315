import { formatDateTime, formatRelativeTime } from './format';

/**
 * A time shown as "3 days ago", with the exact date and time as its tooltip and machine-readable
 * value.
 */
export function RelativeTime(props: { value: string }) {
  return (
    <time dateTime={props.value} title={formatDateTime(props.value)}>
      {formatRelativeTime(props.value)}
    </time>
  );
}
