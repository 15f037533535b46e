/**
 * Word wrapping for slip renderers. Width is whatever `measure` says (points from font metrics for
 * a PDF, characters for a thermal printer), so every renderer breaks lines the same way.
 */

/**
 * Lines of `text` no wider than `maxWidth`: breaks at spaces, honours line breaks, and splits a
 * word longer than a whole line (a long identifier or URL) between characters rather than letting
 * it run off the paper. Tabs become spaces and other control characters are dropped, since a
 * printer would show them as stray glyphs. An empty text is one empty line.
 */
export function wrapText(
  text: string,
  measure: (line: string) => number,
  maxWidth: number,
): string[] {
  const lines: string[] = [];
  for (const paragraph of printable(text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ').filter((part) => part.length > 0)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      for (const char of word) {
        if (line && measure(line + char) > maxWidth) {
          lines.push(line);
          line = '';
        }
        line += char;
      }
    }
    lines.push(line);
  }
  return lines;
}

function printable(text: string): string {
  let kept = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (char === '\t') kept += ' ';
    else if (char === '\n' || (code >= 0x20 && code !== 0x7f)) kept += char;
  }
  return kept;
}
