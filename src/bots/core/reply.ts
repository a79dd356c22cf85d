/**
 * The Reply model every command returns and every adapter renders: text with light formatting,
 * rows of buttons, an optional PNG image, and edit-in-place of an earlier message.
 *
 * Formatting uses control characters as markers (see `bold`, `italic`, `code`). Adapters strip
 * control characters from everything people type (`cleanInput`), so user text interpolated into a
 * reply can never open a marker, and each renderer escapes the rest for its platform.
 */
export const MARK = { b: ['\u0002', '\u0003'], i: ['\u0004', '\u0005'], c: ['\u000e', '\u000f'] } as const;

export const bold = (text: string | number) => `${MARK.b[0]}${text}${MARK.b[1]}`;
export const italic = (text: string | number) => `${MARK.i[0]}${text}${MARK.i[1]}`;
export const code = (text: string | number) => `${MARK.c[0]}${text}${MARK.c[1]}`;

export interface Button {
  label: string;
  /**
   * What pressing it sends, exactly as if the person had typed it: a command ("/settings
   * language") or an answer to the current question ("daily"). At most 64 bytes (Telegram's
   * callback_data limit).
   */
  send: string;
}

export interface MessageRef {
  /** Adapter-specific id of a message we sent (Telegram "chat:message", Discord "@original" or a message id, terminal a counter). */
  id: string;
}

export interface Reply {
  text: string;
  buttons?: Button[][];
  image?: { png: Uint8Array; filename?: string };
  /** When the input was a button press, replace the message that held the button instead of sending a new one. */
  replace?: boolean;
  /** A conversation prompt waiting for free text: Discord adds an "Answer" button that opens a text box. */
  expectsText?: boolean;
  /** Title line (Discord embed title, bold first line elsewhere). */
  title?: string;
}

export type Replies = Reply | Reply[] | void;

export function asReplies(r: Replies): Reply[] {
  return r === undefined ? [] : Array.isArray(r) ? r : [r];
}

export const reply = (text: string, extra: Omit<Reply, 'text'> = {}): Reply => ({ text, ...extra });

/** Remove control characters (our markers among them) and trim overlong input. Newlines and tabs stay. */
export function cleanInput(text: string, maxLength = 4096): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '').slice(0, maxLength);
}

/** Plain text with markers removed (terminal, logs, notification previews). */
export function stripMarks(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0002-\u0005\u000e\u000f]/g, '');
}

/** Split long text at line breaks so each part fits a platform limit. */
export function splitText(text: string, limit: number): string[] {
  if (text.length <= limit) return [text];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf('\n', limit);
    if (cut < limit / 2) cut = limit;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n/, '');
  }
  if (rest) parts.push(rest);
  return parts;
}
