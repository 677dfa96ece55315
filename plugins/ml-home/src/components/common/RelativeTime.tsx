import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { mlHomeTranslationRef } from '../../translation';
import { formatDateTime, formatRelativeTime } from './format';

/** Formats a time as "3 days ago" (or "just now", translated) relative to the moment it is called. */
export function useRelativeTime(): (value: string | number) => string {
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const justNow = t('common.justNow');
  return value => formatRelativeTime(value, Date.now(), justNow);
}

/**
 * A time shown as "3 days ago", with the exact date and time as its tooltip and machine-readable
 * value.
 */
export function RelativeTime(props: { value: string }) {
  const relativeTime = useRelativeTime();
  return (
    <time dateTime={props.value} title={formatDateTime(props.value)}>
      {relativeTime(props.value)}
    </time>
  );
}
