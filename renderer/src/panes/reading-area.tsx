/**
 * The two panes side by side with a draggable, keyboard-resizable divider
 * between them (the gutter, where compare mode and links draw over it). A
 * maximised pane takes the whole area; the other is unmounted and restores
 * its reading position when it comes back.
 */
import { useCallback, useLayoutEffect, useRef, type Dispatch, type ReactNode, type Ref } from 'react';
import type { DocumentSummary, PaneSide, Settings } from '../../../electron/api/contract';
import type { RevealRequest } from '../annotations/reveal';
import type { WorkspaceAction, WorkspaceState } from '../app/workspace-state';
import { applyShares, PaneDivider } from './pane-divider';
import { Pane } from './pane';
import { PaneErrorBoundary } from './pane-error-boundary';

/** Props of {@link ReadingArea}. */
export interface ReadingAreaProps {
  workspace: WorkspaceState;
  documents: readonly DocumentSummary[];
  settings: Settings;
  dispatch: Dispatch<WorkspaceAction>;
  /** A pending request for one pane to take keyboard focus. */
  focusRequest: FocusRequest | null;
  onFocusHandled: (request: number) => void;
  /** A pending request for a pane to show an annotation's passage. */
  reveal: RevealRequest | null;
  onRevealHandled: (request: number) => void;
  /** The main element, for what is drawn over the panes (the compare gutter). */
  areaRef?: Ref<HTMLElement>;
  /** Drawn over the panes, positioned against the reading area. */
  children?: ReactNode;
}

/** Asks one pane for keyboard focus; `visible` is false only for the focus restored at start-up. */
export interface FocusRequest {
  id: number;
  side: PaneSide;
  visible: boolean;
}

/** The reading area. */
export function ReadingArea({ workspace, documents, settings, dispatch, focusRequest, onFocusHandled, reveal, onRevealHandled, areaRef, children }: ReadingAreaProps) {
  const { layout } = workspace;
  const { maximised } = layout;
  const groupRef = useRef<HTMLDivElement>(null);
  const leftRef = useRef<HTMLDivElement>(null);
  const rightRef = useRef<HTMLDivElement>(null);
  const onSplit = useCallback((split: number) => dispatch({ type: 'split', split }), [dispatch]);
  // A drag set the shares on the elements; the committed (clamped, rounded) split puts them right.
  const split = maximised ? (maximised === 'left' ? 1 : 0) : layout.split;
  useLayoutEffect(() => applyShares(leftRef.current, rightRef.current, split), [split]);

  const renderPane = (side: PaneSide) => (
    <PaneErrorBoundary side={side}>
      <Pane
        side={side}
        pane={layout[side]}
        generation={workspace.generation[side]}
        atEnd={workspace.atEnd[side]}
        documents={documents}
        focused={layout.focusedPane === side}
        maximised={maximised === side}
        // One swap button, in whichever header is nearest the middle and visible.
        showSwap={side === 'left' ? maximised !== 'right' : maximised === 'right'}
        settings={settings}
        dispatch={dispatch}
        focusRequest={focusRequest?.side === side ? focusRequest.id : null}
        focusVisible={focusRequest?.visible ?? false}
        onFocusHandled={onFocusHandled}
        reveal={reveal?.side === side ? reveal : null}
        onRevealHandled={onRevealHandled}
      />
    </PaneErrorBoundary>
  );

  return (
    <main ref={areaRef} className="reading-area" data-maximised={maximised ?? undefined}>
      <div ref={groupRef} className="pane-group">
        {maximised !== 'right' ? (
          <div ref={leftRef} id="pane-panel-left" className="pane-panel" style={{ flexGrow: split }}>
            {renderPane('left')}
          </div>
        ) : null}
        {maximised === null ? <PaneDivider split={layout.split} groupRef={groupRef} leftRef={leftRef} rightRef={rightRef} controls="pane-panel-left" onSplit={onSplit} /> : null}
        {maximised !== 'left' ? (
          <div ref={rightRef} id="pane-panel-right" className="pane-panel" style={{ flexGrow: 1 - split }}>
            {renderPane('right')}
          </div>
        ) : null}
      </div>
      {children}
    </main>
  );
}
