/**
 * Tags of an annotation: shown as chips that can be removed, with a field
 * that adds one on Enter (suggesting tags already in use).
 */
import { useId, useMemo, useState, type FormEvent } from 'react';
import { Plus, X } from 'lucide-react';
import { tagsOf, type Annotation } from '../../../../electron/api/annotation-schema';
import { useAnnotationData, useAnnotationUi } from '../annotations-context';

/** The tag editor. */
export function TagEditor({ annotation }: { annotation: Annotation }) {
  const { actions } = useAnnotationUi();
  const { snapshot } = useAnnotationData()!;
  const [draft, setDraft] = useState('');
  const inputId = useId();
  const listId = useId();
  const tags = tagsOf(annotation);
  const known = useMemo(() => {
    const all = new Set<string>();
    for (const a of snapshot.byId.values()) for (const tag of tagsOf(a)) all.add(tag);
    return [...all].sort((a, b) => a.localeCompare(b));
  }, [snapshot]);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const value = draft.trim();
    if (!value) return;
    actions.setTags(annotation.id, [...tags, value]);
    setDraft('');
  };

  return (
    <div className="tag-editor">
      <h3 className="panel-subheading">Tags</h3>
      {tags.length > 0 ? (
        <ul className="tag-list" aria-label="Tags">
          {tags.map((tag) => (
            <li key={tag} className="tag-chip" data-testid="tag-chip">
              {tag}
              <button type="button" className="tag-remove" aria-label={`Remove tag ${tag}`} onClick={() => actions.setTags(annotation.id, tags.filter((t) => t !== tag))}>
                <X aria-hidden="true" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form className="tag-form" onSubmit={add}>
        <label htmlFor={inputId} className="visually-hidden">
          Add a tag
        </label>
        <input
          id={inputId}
          className="text-input"
          placeholder="Add a tag"
          maxLength={100}
          list={listId}
          value={draft}
          onChange={(event) => setDraft(event.currentTarget.value)}
        />
        <datalist id={listId}>
          {known.filter((tag) => !tags.includes(tag)).map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
        <button type="submit" className="button button-small" disabled={!draft.trim()}>
          <Plus aria-hidden="true" />
          Add tag
        </button>
      </form>
    </div>
  );
}
