import type { RunStatus } from '@ml-home/plugin-ml-home-common';
import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
} from '@backstage/core-components';

/** A run's status as text with Backstage's status icon (the text, not the colour, carries it). */
export function RunStatusLabel(props: { status: RunStatus }) {
  const { status } = props;
  const text = status.charAt(0) + status.slice(1).toLowerCase();
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
