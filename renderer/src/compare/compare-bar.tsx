/**
 * The bar under the top bar while comparing: what the comparison found (or
 * that it is under way, or why there is nothing to compare, or what went
 * wrong and what to do), the host's remark about the pair, and the
 * controls of compare mode (aligned scrolling, previous and next, close).
 */
import { ChevronDown, ChevronUp, Columns2, LoaderCircle, Rows2, X } from 'lucide-react';
import type { CompareMode } from './use-compare-mode';

/** Props of {@link CompareBar}. */
export interface CompareBarProps {
  compare: CompareMode;
  leftTitle: string;
  rightTitle: string;
}

function summary(compare: CompareMode, leftTitle: string, rightTitle: string): { text: string; tone: 'info' | 'warning' | 'error'; detail?: string | null } {
  const { result } = compare;
  if (!result) return { text: 'Open a document in each pane to compare them.', tone: 'warning' };
  switch (result.status) {
    case 'loading':
      return { text: `Comparing “${leftTitle}” with “${rightTitle}”…`, tone: 'info' };
    case 'nothing':
      return { text: result.message, tone: 'warning', detail: 'Open another text in one of the panes to compare.' };
    case 'error':
      return { text: `Couldn’t compare these texts: ${result.message}`, tone: 'error', detail: 'Your texts and annotations are unchanged. Try again, or close compare mode.' };
    case 'ready': {
      const shown = compare.suggestions.length;
      const rejected = result.rejected > 0 ? ` · ${result.rejected} rejected earlier, not shown` : '';
      if (shown === 0) {
        return {
          text: result.suggestions.length === 0 ? 'No corresponding passages found between these two texts.' : 'Every suggestion has been accepted or rejected.',
          tone: 'info',
          detail: result.message ?? 'You can still link passages by hand: select one, press L, then select the other.',
        };
      }
      return {
        text: `${shown} suggested ${shown === 1 ? 'correspondence' : 'correspondences'}, numbered strongest first${rejected}.`,
        tone: 'info',
        detail: result.message ?? 'Hover or focus a number in the gutter to see why; Enter accepts it as a link, Delete rejects it.',
      };
    }
  }
}

/** The compare bar; nothing while compare is off. */
export function CompareBar({ compare, leftTitle, rightTitle }: CompareBarProps) {
  if (!compare.on) return null;
  const { text, tone, detail } = summary(compare, leftTitle, rightTitle);
  const loading = compare.result?.status === 'loading';
  const ready = compare.result?.status === 'ready' && compare.suggestions.length > 0;
  return (
    <section className="compare-bar" data-tone={tone} data-testid="compare-bar" aria-label="Compare mode">
      {loading ? <LoaderCircle className="compare-spinner" aria-hidden="true" /> : <Columns2 aria-hidden="true" />}
      <p className="compare-bar-text" role={tone === 'error' ? 'alert' : 'status'} data-testid="compare-status" data-status={compare.result?.status ?? 'unavailable'}>
        <span>{text}</span>
        {detail ? <span className="compare-bar-detail"> {detail}</span> : null}
      </p>
      {compare.result?.status === 'error' ? (
        <button type="button" className="button button-small" onClick={compare.retry}>
          Try again
        </button>
      ) : null}
      {ready ? (
        <>
          <button type="button" className="icon-button" aria-label="Previous suggestion" title="Previous suggestion (K)" onClick={() => compare.requestStep(-1)}>
            <ChevronUp aria-hidden="true" />
          </button>
          <button type="button" className="icon-button" aria-label="Next suggestion" title="Next suggestion (J)" onClick={() => compare.requestStep(1)}>
            <ChevronDown aria-hidden="true" />
          </button>
        </>
      ) : null}
      {/* A toggle button rather than a checkbox: single-key shortcuts stay live after pressing it (a focused field would swallow them). */}
      <button
        type="button"
        className="button button-small compare-toggle"
        aria-pressed={compare.aligned}
        title="Aligned scrolling (A): the other text follows, keeping corresponding passages level"
        onClick={compare.toggleAligned}
        data-testid="aligned-scrolling"
      >
        <Rows2 aria-hidden="true" />
        Aligned scrolling
      </button>
      <button type="button" className="icon-button" aria-label="Close compare mode" title="Close compare mode (C)" onClick={compare.toggle}>
        <X aria-hidden="true" />
      </button>
    </section>
  );
}

/** "Rejected suggestion 3. Undo", after an accept or a reject. */
export function CompareToastView({ compare }: { compare: CompareMode }) {
  const { toast } = compare;
  if (!toast) return null;
  return (
    <div className="removal-toast compare-toast" role="status" data-testid="compare-toast">
      <span>{toast.text}</span>
      <button
        type="button"
        className="button button-small"
        onClick={() => {
          toast.undo();
          compare.dismissToast();
        }}
      >
        Undo
      </button>
      <button type="button" className="icon-button" aria-label="Dismiss" onClick={compare.dismissToast}>
        <X aria-hidden="true" />
      </button>
    </div>
  );
}
