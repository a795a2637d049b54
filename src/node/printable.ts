// File names and document text printed to a terminal or a CI log: control characters (a newline
// in a file name, an escape sequence) are shown as JSON-style escapes, so a name can neither
// forge another line of output (a CI workflow command) nor drive the terminal.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function printable(text: string): string {
  return text.replace(CONTROL, (c) => JSON.stringify(c).slice(1, -1));
}
