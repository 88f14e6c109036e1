/**
 * The gutter between the panes: while comparing, a faint numbered band per
 * suggestion joining its two passages as they are on screen; and, whenever
 * the two open texts are linked, the links' curves and edge markers. The
 * band numbers are buttons (Tab, or J and K, reach them; Enter accepts,
 * Delete rejects); hovering or focusing one tints both passages and opens
 * the suggestion's card. Aligned scrolling runs from here too, since it
 * needs the same links and suggestions.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { CompareSuggestion } from '../../../electron/api/contract';
import { useAnnotationData, useOptionalAnnotationUi } from '../annotations/annotations-context';
import { peekDocument, useLoadedVersion } from '../panes/document-cache';
import { crossLinks, isLinked, type CrossLink } from './cross-links';
import { bandsOf } from './gutter-bands';
import { bandPath } from './gutter-geometry';
import { LinkCurves, LinkMarkers, linkShapes } from './gutter-links';
import { navigateToSuggestion } from './navigate';
import { tintPassages } from './passage-tint';
import { percent, SuggestionPopover } from './suggestion-popover';
import { useAlignedScrolling, type AlignmentPair } from './use-aligned-scrolling';
import type { CompareMode } from './use-compare-mode';
import { useGutterLayout, type GutterItem } from './use-gutter-layout';

/** Suggestions at least this strong guide aligned scrolling (with every accepted link). */
export const STRONG_SCORE = 0.5;
/** With fewer strong ones than this, the best few guide it anyway. */
const MIN_GUIDES = 5;

/** Props of {@link CompareGutter}. */
export interface CompareGutterProps {
  /** The reading area: the gutter is placed over its divider. */
  containerRef: RefObject<HTMLElement | null>;
  compare: CompareMode;
  leftId: string | null;
  rightId: string | null;
  titleOf: (id: string | null) => string;
}

interface Active {
  id: string;
  pinned: boolean;
}

/** The pairs that guide aligned scrolling: links first (they weigh most), then strong suggestions. */
export function alignmentPairs(links: readonly CrossLink[], suggestions: readonly CompareSuggestion[]): AlignmentPair[] {
  const pairs: AlignmentPair[] = links.map((l) => ({ left: l.left.start, right: l.right.start, leftEnd: l.left.end, rightEnd: l.right.end, weight: 2 }));
  const strong = suggestions.filter((s) => s.score >= STRONG_SCORE);
  const guides = strong.length >= MIN_GUIDES ? strong : [...suggestions].sort((a, b) => a.rank - b.rank).slice(0, MIN_GUIDES);
  for (const s of guides) pairs.push({ left: s.left.start, right: s.right.start, leftEnd: s.left.end, rightEnd: s.right.end, weight: s.score });
  return pairs;
}

const badgeId = (rank: number) => `compare-badge-${rank}`;
/** A wish to focus a suggestion's number, stamped with when it was made. */
const focusWish = (rank: number) => ({ rank, at: performance.now() });

/** The gutter overlay. */
export function CompareGutter({ containerRef, compare, leftId, rightId, titleOf }: CompareGutterProps) {
  const data = useAnnotationData();
  const ui = useOptionalAnnotationUi();
  const loaded = useLoadedVersion();
  const leftDoc = leftId ? peekDocument(leftId) : undefined;
  const rightDoc = rightId ? peekDocument(rightId) : undefined;
  void loaded; // re-render when a text finishes loading: peekDocument reads the cache that version tracks
  const anchorsOf = data?.anchorsOf;
  const snapshot = data?.snapshot;
  const links = useMemo(() => {
    if (!anchorsOf || !snapshot || !leftDoc || !rightDoc || leftDoc.id === rightDoc.id) return [];
    return crossLinks(anchorsOf(leftDoc.id, leftDoc.text), anchorsOf(rightDoc.id, rightDoc.text), (id) => snapshot.byId.get(id));
  }, [anchorsOf, snapshot, leftDoc, rightDoc]);
  const suggestions = useMemo(() => (compare.on ? compare.suggestions.filter((s) => !isLinked(s, links)) : []), [compare.on, compare.suggestions, links]);
  const lengths = useMemo(() => ({ left: leftDoc?.text.length ?? 0, right: rightDoc?.text.length ?? 0 }), [leftDoc, rightDoc]);
  const items = useMemo<GutterItem[]>(
    () => [...suggestions.map((s) => ({ key: `s:${s.id}`, left: s.left, right: s.right })), ...links.map((l) => ({ key: `l:${l.key}`, left: l.left, right: l.right }))],
    [suggestions, links],
  );
  // Links are drawn in normal reading too: the gutter widens only while the two texts are linked (or compared).
  const enabled = leftDoc !== undefined && rightDoc !== undefined && (compare.on || links.length > 0);
  useEffect(() => {
    const container = containerRef.current;
    if (!container) return undefined;
    container.toggleAttribute('data-gutter-wide', enabled);
    return () => container.removeAttribute('data-gutter-wide');
  }, [containerRef, enabled]);
  const layout = useGutterLayout(containerRef, items, lengths, enabled);
  const pairs = useMemo(() => alignmentPairs(links, suggestions), [links, suggestions]);
  useAlignedScrolling(compare.on && compare.aligned, pairs, lengths);

  const [active, setActive] = useState<Active | null>(null);
  const closeTimer = useRef(0);
  const activeSuggestion = active ? suggestions.find((s) => s.id === active.id) ?? null : null;

  const open = useCallback((id: string, pinned = false) => {
    window.clearTimeout(closeTimer.current);
    setActive((current) => (current?.id === id && current.pinned && !pinned ? current : { id, pinned }));
  }, []);
  const closeSoon = useCallback(() => {
    window.clearTimeout(closeTimer.current);
    closeTimer.current = window.setTimeout(() => setActive((current) => (current?.pinned ? current : null)), 250);
  }, []);
  useEffect(() => () => window.clearTimeout(closeTimer.current), []);
  useEffect(() => {
    if (!active?.pinned) return undefined;
    const onPointerDown = (event: PointerEvent) => {
      if (!(event.target instanceof Element && event.target.closest('.compare-gutter, .compare-popover'))) setActive(null);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [active?.pinned]);

  // The tint follows the active suggestion, and is drawn again as the text re-renders or scrolls into view.
  useEffect(() => {
    tintPassages(activeSuggestion);
  }, [activeSuggestion, layout]);
  useEffect(() => () => tintPassages(null), []);

  const bands = bandsOf(suggestions, layout);
  const shapes = layout ? linkShapes(links, layout) : { curves: [], markers: [] };
  const byRank = useMemo(() => [...suggestions].sort((a, b) => a.rank - b.rank), [suggestions]);

  // J and K: the next or previous suggestion by rank, brought on screen, its number focused.
  // The number to focus once drawn, and since when: a wish not granted within a second is dropped, so it cannot
  // steal focus later from wherever the reader has gone meanwhile.
  const focusWanted = useRef<{ rank: number; at: number } | null>(null);
  const { setStepper } = compare;
  const latest = useRef({ byRank, active, lengths });
  useLayoutEffect(() => {
    latest.current = { byRank, active, lengths };
  });
  const step = useCallback((direction: 1 | -1) => {
    const { byRank: list, active: current, lengths: sizes } = latest.current;
    if (list.length === 0) return false;
    const index = current ? list.findIndex((s) => s.id === current.id) : -1;
    const next = list[index < 0 ? (direction > 0 ? 0 : list.length - 1) : (index + direction + list.length) % list.length]!;
    navigateToSuggestion(next, sizes);
    setActive({ id: next.id, pinned: false });
    focusWanted.current = focusWish(next.rank);
    return true;
  }, []);
  useLayoutEffect(() => {
    setStepper(step);
    return () => setStepper(null);
  }, [setStepper, step]);
  // Focus goes to the wanted number once it is drawn (after the scroll that brings it on screen).
  useEffect(() => {
    const wanted = focusWanted.current;
    if (wanted === null) return;
    if (performance.now() - wanted.at > 1000) {
      focusWanted.current = null;
      return;
    }
    const badge = document.getElementById(badgeId(wanted.rank));
    if (badge) {
      badge.focus({ preventScroll: true });
      focusWanted.current = null;
    }
  });

  const afterDecision = (suggestion: CompareSuggestion) => {
    const index = byRank.findIndex((s) => s.id === suggestion.id);
    const next = byRank[index + 1] ?? byRank[index - 1];
    setActive(null);
    if (next && document.activeElement?.closest('.compare-gutter')) {
      focusWanted.current = focusWish(next.rank);
      setActive({ id: next.id, pinned: false });
    }
  };
  const accept = (suggestion: CompareSuggestion, note: string) => {
    compare.accept(suggestion, note);
    afterDecision(suggestion);
  };
  const reject = (suggestion: CompareSuggestion) => {
    compare.reject(suggestion);
    afterDecision(suggestion);
  };

  if (!enabled || !layout || layout.width <= 0) return null;
  const { width, height } = layout;
  const leftTitle = titleOf(leftId);
  const rightTitle = titleOf(rightId);
  const popoverId = 'compare-popover';
  return (
    <div
      className="compare-gutter"
      data-testid="compare-gutter"
      data-compare={compare.on ? "on" : undefined}
      style={{ left: layout.x, top: layout.y, width, height }}
      aria-busy={compare.result?.status === 'loading' ? true : undefined}
      role="group"
      aria-label={compare.on ? `Suggested correspondences between ${leftTitle} and ${rightTitle}` : `Links between ${leftTitle} and ${rightTitle}`}
    >
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true" className="compare-gutter-svg">
        {bands.map(({ suggestion, left, right, partial }) => (
          <path
            key={suggestion.id}
            className={partial ? 'compare-band compare-band-partial' : 'compare-band'}
            data-testid="compare-band"
            data-rank={suggestion.rank}
            data-active={active?.id === suggestion.id ? 'true' : undefined}
            style={{ opacity: 0.45 + 0.55 * Math.min(Math.max(suggestion.score, 0), 1) }}
            d={bandPath(left, right, width)}
            onPointerEnter={() => open(suggestion.id)}
            onPointerLeave={closeSoon}
            onClick={() => open(suggestion.id, true)}
          />
        ))}
        <LinkCurves shapes={shapes} width={width} height={height} />
      </svg>
      {[...bands]
        .sort((a, b) => a.suggestion.rank - b.suggestion.rank)
        .map(({ suggestion, labelX, labelY, partial }) => {
          const isActive = active?.id === suggestion.id;
          return (
            <div
              key={suggestion.id}
              className="compare-badge-slot"
              style={{ top: labelY, left: `${labelX * 100}%` }}
              onBlur={(event) => {
                // Focus leaving the number and its card (not moving between them) closes the card.
                if (!(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget))) closeSoon();
              }}
            >
              <button
                id={badgeId(suggestion.rank)}
                type="button"
                className="compare-badge"
                data-testid="compare-badge"
                data-suggestion-id={suggestion.id}
                data-rank={suggestion.rank}
                data-active={isActive ? 'true' : undefined}
                aria-label={`Suggestion ${suggestion.rank}, ${percent(suggestion.score)}: “${suggestion.left.quote.slice(0, 80)}” and “${suggestion.right.quote.slice(0, 80)}”`}
                aria-description="Enter accepts it as a link, Delete rejects it."
                aria-keyshortcuts="Enter Delete"
                aria-expanded={isActive}
                aria-controls={isActive ? popoverId : undefined}
                onPointerEnter={() => open(suggestion.id)}
                onPointerLeave={closeSoon}
                onFocus={() => {
                  if (focusWanted.current?.rank !== suggestion.rank) focusWanted.current = null;
                  open(suggestion.id);
                }}
                onClick={() => open(suggestion.id, true)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) {
                    event.preventDefault();
                    accept(suggestion, '');
                  } else if (event.key === 'Delete' || event.key === 'Backspace') {
                    event.preventDefault();
                    reject(suggestion);
                  } else if (event.key === 'Escape' && active) {
                    event.preventDefault();
                    setActive(null);
                  }
                }}
              >
                {suggestion.rank}
              </button>
              {isActive && activeSuggestion ? (
                <SuggestionPopover
                  key={suggestion.id}
                  id={popoverId}
                  suggestion={activeSuggestion}
                  anchorId={badgeId(suggestion.rank)}
                  placement={!partial ? 'bottom' : labelX < 0.5 ? 'right' : 'left'}
                  leftTitle={leftTitle}
                  rightTitle={rightTitle}
                  onAccept={(note) => accept(suggestion, note)}
                  onReject={() => reject(suggestion)}
                  onPointerEnter={() => open(suggestion.id, active?.pinned ?? false)}
                  onPointerLeave={closeSoon}
                  onClose={() => {
                    setActive(null);
                    document.getElementById(badgeId(suggestion.rank))?.focus();
                  }}
                />
              ) : null}
            </div>
          );
        })}
      <LinkMarkers
        shapes={shapes}
        width={width}
        height={height}
        titleOf={(side) => titleOf(side === 'left' ? leftId : rightId)}
        onReveal={(link, side) => ui?.reveal(link.annotationId, side === 'left' ? link.leftIndex : link.rightIndex)}
      />
    </div>
  );
}
