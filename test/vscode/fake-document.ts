// A TextDocument stand-in over a string, with the same line rules as VS Code (CRLF, CR, LF).
import { EndOfLine, Position, Range, Uri } from './vscode-mock.js';

export class FakeDocument {
  readonly uri: Uri;
  version = 1;
  isClosed = false;
  languageId: string;
  constructor(
    uri: string,
    private text: string,
    languageId = 'markdown',
  ) {
    this.uri = Uri.parse(uri);
    this.languageId = languageId;
  }
  getText(): string {
    return this.text;
  }
  /** Simulates an edit: new text, next version. */
  setText(text: string): void {
    this.text = text;
    this.version++;
  }
  get eol(): EndOfLine {
    return this.text.includes('\r\n') ? EndOfLine.CRLF : EndOfLine.LF;
  }
  private starts(): number[] {
    const s = [0];
    for (let i = 0; i < this.text.length; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 10) s.push(i + 1);
      else if (c === 13) {
        if (this.text.charCodeAt(i + 1) === 10) i++;
        s.push(i + 1);
      }
    }
    return s;
  }
  get lineCount(): number {
    return this.starts().length;
  }
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const s = this.starts();
    let line = 0;
    while (line + 1 < s.length && s[line + 1]! <= o) line++;
    return new Position(line, o - s[line]!);
  }
  offsetAt(p: Position): number {
    const s = this.starts();
    return Math.min(this.text.length, (s[p.line] ?? this.text.length) + p.character);
  }
  lineAt(line: number) {
    const s = this.starts();
    const start = s[line]!;
    const rest = this.text.slice(start);
    const text = rest.slice(0, rest.search(/[\r\n]|$/));
    return { text, range: new Range(line, 0, line, text.length), isEmptyOrWhitespace: text.trim() === '' };
  }
}
