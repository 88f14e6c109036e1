/** Element ids the Notes panel shares with the controls outside it. */

/** The Notes panel; the top bar's toggle controls it. */
export const NOTES_PANEL_ID = 'notes-panel';
