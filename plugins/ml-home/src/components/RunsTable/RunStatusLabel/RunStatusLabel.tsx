import type { RunStatus } from '@ml-home/plugin-ml-home-common';
import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { mlHomeTranslationRef } from '../../../translation';

/** A run's status as text with Backstage's status icon (the text, not the colour, carries it). */
export function RunStatusLabel(props: { status: RunStatus }) {
  const { status } = props;
  const { t } = useTranslationRef(mlHomeTranslationRef);
  const text = t(`runs.status.${status}`);
  switch (status) {
    case 'FINISHED':
      return <StatusOK>{text}</StatusOK>;
    case 'FAILED':
      return <StatusError>{text}</StatusError>;
    case 'KILLED':
      return <StatusAborted>{text}</StatusAborted>;
    case 'RUNNING':
      return <StatusRunning>{text}</StatusRunning>;
    default:
      return <StatusPending>{text}</StatusPending>;
  }
}
