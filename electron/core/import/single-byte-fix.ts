/**
 * Node 20's TextDecoder reads windows-1252 (and the labels that mean it:
 * latin1, iso-8859-1, ascii) as ISO-8859-1, so bytes 0x80–0x9F come out as
 * invisible C1 controls instead of “€”, “’” and “—”, the very characters
 * that set windows-1252 apart. Browsers decode them correctly. This maps
 * those controls to what the Encoding Standard says the bytes are; on a
 * correct decoder it changes nothing, as correct output has no C1 controls
 * but the five the standard itself maps to themselves.
 */

/** The Encoding Standard's windows-1252 code points for bytes 0x80–0x9F. */
const WINDOWS_1252_HIGH_CONTROLS = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008d, 0x017d, 0x008f,
  0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
].map((codePoint) => String.fromCharCode(codePoint));

const C1_CONTROL = /[\u0080-\u009f]/;
const C1_CONTROLS = /[\u0080-\u009f]/g;

/** Text decoded as windows-1252, with bytes 0x80–0x9F mapped as the standard maps them. */
export function repairWindows1252(text: string): string {
  return C1_CONTROL.test(text) ? text.replace(C1_CONTROLS, (c) => WINDOWS_1252_HIGH_CONTROLS[c.charCodeAt(0) - 0x80]!) : text;
}
