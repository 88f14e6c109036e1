/**
 * A textarea that suggests note titles while a `[[` mention is being
 * typed: arrow keys move through the suggestions, Enter or Tab takes one,
 * Esc closes them. The list is an ARIA listbox tied to the textarea.
 */
import { forwardRef, useId, useState, type ChangeEvent, type KeyboardEvent, type TextareaHTMLAttributes } from 'react';
import { flushSync } from 'react-dom';
import { completeMention, mentionQueryAt, suggestTitles } from '../mentions';

/** Props of {@link MentionTextarea}. */
export interface MentionTextareaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> {
  value: string;
  onValueChange: (value: string) => void;
  /** Titles that can be mentioned. */
  titles: readonly string[];
}

interface Suggesting {
  options: string[];
  active: number;
}

/** The note editor's text field. */
export const MentionTextarea = forwardRef<HTMLTextAreaElement, MentionTextareaProps>(function MentionTextarea(
  { value, onValueChange, titles, onKeyDown, onBlur, ...rest },
  ref,
) {
  const [suggesting, setSuggesting] = useState<Suggesting | null>(null);
  const listId = useId();

  const refresh = (text: string, caret: number) => {
    const query = mentionQueryAt(text, caret);
    const options = query ? suggestTitles(titles, query.query) : [];
    setSuggesting(options.length > 0 ? { options, active: 0 } : null);
  };

  const take = (textarea: HTMLTextAreaElement, title: string) => {
    const done = completeMention(textarea.value, textarea.selectionStart, title);
    // Write the value now and put the caret after the mention in the same event:
    // placing it a frame later let keys typed in between land before the caret.
    flushSync(() => {
      onValueChange(done.value);
      setSuggesting(null);
    });
    textarea.focus();
    textarea.setSelectionRange(done.caret, done.caret);
  };

  const onChange = (event: ChangeEvent<HTMLTextAreaElement>) => {
    onValueChange(event.currentTarget.value);
    refresh(event.currentTarget.value, event.currentTarget.selectionStart);
  };

  const onKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggesting) {
      const count = suggesting.options.length;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : count - 1;
        setSuggesting({ ...suggesting, active: (suggesting.active + step) % count });
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        take(event.currentTarget, suggesting.options[suggesting.active]!);
        return;
      }
      if (event.key === 'Escape') {
        // Closing the suggestions is all Esc does here; it must not also cancel linking or close the panel.
        event.preventDefault();
        event.stopPropagation();
        setSuggesting(null);
        return;
      }
    }
    onKeyDown?.(event);
  };

  const optionId = (index: number) => `${listId}-option-${index}`;
  return (
    <div className="mention-field">
      <textarea
        ref={ref}
        {...rest}
        value={value}
        onChange={onChange}
        onKeyDown={onKey}
        onBlur={(event) => {
          setSuggesting(null);
          onBlur?.(event);
        }}
        aria-autocomplete="list"
        aria-controls={suggesting ? listId : undefined}
        aria-expanded={suggesting ? true : undefined}
        aria-activedescendant={suggesting ? optionId(suggesting.active) : undefined}
      />
      {suggesting ? (
        <ul className="mention-suggestions" role="listbox" id={listId} aria-label="Notes to mention" data-testid="mention-suggestions">
          {suggesting.options.map((title, index) => (
            <li
              key={title}
              id={optionId(index)}
              role="option"
              aria-selected={index === suggesting.active}
              className="mention-option"
              // Taking a suggestion must not blur the textarea first.
              onMouseDown={(event) => {
                event.preventDefault();
                const textarea = event.currentTarget.closest('.mention-field')?.querySelector('textarea');
                if (textarea) take(textarea, title);
              }}
            >
              {title}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
});
