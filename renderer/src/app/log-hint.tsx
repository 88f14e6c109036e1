/**
 * "Details are in the log: <path>", for messages about unexpected failures.
 * Shows nothing until the host has said where its log is, or if it cannot.
 */
import { useLogFile } from './use-diagnostics';

/** Props of {@link LogHint}. */
export interface LogHintProps {
  className?: string;
  /** The words before the path. */
  lead?: string;
}

/** One line naming the log file, or nothing. */
export function LogHint({ className, lead = 'Details are in the log:' }: LogHintProps) {
  const logFile = useLogFile();
  if (logFile === null) return null;
  return (
    <p className={className ? `log-hint ${className}` : 'log-hint'} data-testid="log-hint">
      {lead} <code className="log-path">{logFile}</code>
    </p>
  );
}
