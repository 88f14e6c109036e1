/**
 * The two panes side by side with a draggable, keyboard-resizable divider
 * between them (the gutter, where compare mode and links draw over it). A
 * maximised pane takes the whole area; the other is unmounted and restores
 * its reading position when it comes back.
 */
import { useCallback, type Dispatch, type ReactNode, type Ref } from 'react';
import { Group, Panel, Separator, type Layout as PanelLayout, type LayoutChangedMeta } from 'react-resizable-panels';
import type { DocumentSummary, PaneSide, Settings } from '../../../electron/api/contract';
import type { RevealRequest } from '../annotations/reveal';
import { MAX_SPLIT, MIN_SPLIT, type WorkspaceAction, type WorkspaceState } from '../app/workspace-state';
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

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** The main reading area. */
export function ReadingArea({ workspace, documents, settings, dispatch, focusRequest, onFocusHandled, reveal, onRevealHandled, areaRef, children }: ReadingAreaProps) {
  const { layout } = workspace;
  const { maximised } = layout;

  const onLayoutChanged = useCallback(
    (sizes: PanelLayout, meta: LayoutChangedMeta) => {
      // Only the reader's own drags are remembered, not the library's re-layouts (mounting, maximising).
      if (!meta.isUserInteraction) return;
      const left = (meta.requestedLayout ?? sizes)['left'];
      if (typeof left === 'number') dispatch({ type: 'split', split: left / 100 });
    },
    [dispatch],
  );

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
      <Group className="pane-group" orientation="horizontal" onLayoutChanged={onLayoutChanged}>
        {maximised !== 'right' ? (
          <Panel
            key="left"
            id="left"
            className="pane-panel"
            defaultSize={maximised ? '100%' : percent(layout.split)}
            minSize={maximised ? '100%' : percent(MIN_SPLIT)}
          >
            {renderPane('left')}
          </Panel>
        ) : null}
        {maximised === null ? (
          <Separator key="divider" id="pane-divider" className="pane-divider" aria-label="Resize panes">
            <span className="pane-divider-line" aria-hidden="true" />
          </Separator>
        ) : null}
        {maximised !== 'left' ? (
          <Panel
            key="right"
            id="right"
            className="pane-panel"
            defaultSize={maximised ? '100%' : percent(1 - layout.split)}
            minSize={maximised ? '100%' : percent(1 - MAX_SPLIT)}
          >
            {renderPane('right')}
          </Panel>
        ) : null}
      </Group>
      {children}
    </main>
  );
}
