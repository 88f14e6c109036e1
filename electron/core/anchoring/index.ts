/**
 * Anchoring: the two verbs that tie an annotation to a passage of a text.
 * `describePassage` turns offsets into stored selectors; `resolvePassage`
 * and `resolvePassages` find those selectors again in the current text.
 * Everything works on plain strings and UTF-16 offsets; a viewer maps its
 * own selection to offsets (see docs/ANCHORING.md).
 */
export { describePassage, BLANK_PASSAGE_MESSAGE, type PassageSelectors } from './describe-passage';
export { resolvePassage } from './resolve-passage';
export { resolvePassages } from './resolve-passages';
export { prepareText, PreparedText } from './prepared-text';
export {
  isOrphaned,
  ORPHAN_REASONS,
  type AnchorMethod,
  type AnchoredPassage,
  type OrphanedPassage,
  type PassageResolution,
  type ResolveOptions,
} from './passage-resolution';
export {
  FUZZY_ERROR_RATE,
  FUZZY_SIDE_AGREEMENT,
  MAX_FUZZY_ERRORS,
  MIN_EVIDENCE_CHARS,
  MIN_FUZZY_QUOTE_LENGTH,
  NEARBY_WINDOW,
  STRONG_CONTEXT_AGREEMENT,
  maxFuzzyErrors,
} from './anchoring-thresholds';
