/**
 * Notices from the host (for example, a damaged database moved aside),
 * shown until the reader dismisses them.
 */
import { CircleAlert, Info, TriangleAlert, X } from 'lucide-react';
import type { Notice } from '../../../electron/api/contract';

/** Props of {@link NoticeBanner}. */
export interface NoticeBannerProps {
  notices: readonly Notice[];
  /** Notices whose dismissal failed, with the reason. */
  failures: Readonly<Record<string, string>>;
  onDismiss: (id: string) => void;
}

const ICONS = { info: Info, warning: TriangleAlert, error: CircleAlert } as const;

/** One banner per notice, newest last. */
export function NoticeBanner({ notices, failures, onDismiss }: NoticeBannerProps) {
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => {
        const Icon = ICONS[notice.level];
        const failure = failures[notice.id];
        return (
          <div key={notice.id} className="notice" data-level={notice.level} role="alert">
            <Icon className="notice-icon" aria-hidden="true" />
            <div className="notice-text">
              <p>{notice.message}</p>
              {failure ? <p className="notice-failure">Could not dismiss this notice: {failure}</p> : null}
            </div>
            <button type="button" className="button button-small" onClick={() => onDismiss(notice.id)}>
              <X aria-hidden="true" />
              Dismiss
            </button>
          </div>
        );
      })}
    </div>
  );
}
