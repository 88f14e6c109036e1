/**
 * Types the annotation modules share with the contract, re-exported so a
 * module needs one import line for them.
 */
export type { PaneSide } from '../../../electron/api/contract';
export type { Annotation, HighlightColour, PassageTarget } from '../../../electron/api/annotation-schema';
