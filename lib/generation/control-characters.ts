// Newline and tab are text; every other C0 control, DEL and the C1 controls are not, and never go upstream.
// eslint-disable-next-line no-control-regex -- matching control characters is this module's job
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/gu;

const names: Record<number, string> = { 0: 'NUL', 7: 'BEL', 8: 'BS', 11: 'VT', 12: 'FF', 13: 'CR', 27: 'ESC', 127: 'DEL' };

const label = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return names[code] ? `${hex} ${names[code]}` : hex;
};

/** The distinct control characters in `text` (newline and tab excepted), named: "U+0000 NUL, U+001B ESC". */
export function controlCharactersIn(text: string): string | undefined {
  const found = [...new Set(text.match(CONTROL) ?? [])];
  return found.length ? found.map(label).join(', ') : undefined;
}
