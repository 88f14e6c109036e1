/**
 * A note's Markdown, rendered safely (see markdown.ts). Clicks are handled
 * here: a `[[Title]]` mention opens that note (or starts it, if no note has
 * that title yet); web links open outside the app; any other link does
 * nothing.
 */
import { memo, useMemo, type MouseEvent } from 'react';
import { noteByTitle } from '../annotation-store';
import { useAnnotationData, useAnnotationUi } from '../annotations-context';
import { renderMarkdown } from '../markdown';

/** Rendered Markdown with live mentions. */
export const MarkdownView = memo(function MarkdownView({ markdown, className }: { markdown: string; className?: string }) {
  const ui = useAnnotationUi();
  const { snapshot } = useAnnotationData()!;
  const html = useMemo(() => renderMarkdown(markdown), [markdown]);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (!(event.target instanceof Element)) return;
    const mention = event.target.closest('[data-mention]');
    if (mention) {
      event.preventDefault();
      const title = mention.textContent ?? '';
      const note = noteByTitle(snapshot, title);
      if (note) ui.select(note.id);
      else ui.actions.newNote(`# ${title}\n\n`);
      return;
    }
    const link = event.target.closest('a');
    // Web links carry target=_blank (the app asks before opening them); nothing else may navigate the window.
    if (link && !/^https?:/i.test(link.getAttribute('href') ?? '')) event.preventDefault();
  };

  return (
    // The div only delegates clicks from the links and mention buttons inside it, which are themselves focusable controls.
    <div className={className ? `markdown ${className}` : 'markdown'} data-testid="markdown-view" onClick={onClick} dangerouslySetInnerHTML={{ __html: html }} />
  );
});
