/**
 * Keeps a crash in one pane from blanking the window: the pane shows what
 * happened and a button that mounts it afresh.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { PaneSide } from '../../../electron/api/contract';
import { LogHint } from '../app/log-hint';
import { PaneError } from './pane-message';

/** Props of {@link PaneErrorBoundary}. */
export interface PaneErrorBoundaryProps {
  side: PaneSide;
  children: ReactNode;
}

interface BoundaryState {
  error: Error | null;
  /** Bumped by "Reload pane" so the children remount from scratch. */
  generation: number;
}

/** Error boundary around one pane. */
export class PaneErrorBoundary extends Component<PaneErrorBoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, generation: 0 };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // The console is the only place a developer will see the component stack.
    console.error(`Diptych: the ${this.props.side} pane crashed`, error, info.componentStack);
  }

  #reload = (): void => {
    this.setState((state) => ({ error: null, generation: state.generation + 1 }));
  };

  override render(): ReactNode {
    const { error, generation } = this.state;
    if (error) {
      return (
        <section className="pane pane-crashed" data-testid={`pane-${this.props.side}`} aria-label={`${this.props.side === 'left' ? 'Left' : 'Right'} pane`}>
          <div className="pane-crash-card">
            <PaneError
              title="This pane stopped working"
              message={error.message || 'An unexpected error occurred while showing the document.'}
              reassurance="Your layout, your settings and the other pane are unaffected."
              actionLabel="Reload pane"
              onAction={this.#reload}
            />
            <LogHint className="pane-message-note" />
          </div>
        </section>
      );
    }
    return <BoundaryGeneration key={generation}>{this.props.children}</BoundaryGeneration>;
  }
}

function BoundaryGeneration({ children }: { children: ReactNode }) {
  return children;
}
