// Text from a ledger shown on a terminal: a name may hold control characters or a terminal's
// escape codes (ESC [ … — they would recolour, move or hide the screen's text), and bidi
// overrides that reverse what follows. Each is shown as a visible escape instead: \x1B, \u202E.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => {
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
  });
}
