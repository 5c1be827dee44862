// Text of a born-digital page, rebuilt into lines in reading order: pdfjs gives
// text runs in content-stream order, and field extraction downstream needs real
// line breaks (sender block, "Objet :" line...).

export interface Run {
  text: string;
  x: number;
  y: number; // baseline, top-down (device space at scale 1)
  width: number;
  size: number; // font height
}

/** A page has meaningful text when it carries at least this many letters or digits. */
export const MIN_TEXT_LAYER_CHARS = 16;

export function linesFromRuns(runs: Run[]): string {
  const visible = runs.filter((r) => r.text.trim().length > 0 || r.width > 0);
  visible.sort((p, q) => p.y - q.y || p.x - q.x);

  // group runs whose baselines are within a fraction of the font size
  const lines: Run[][] = [];
  for (const run of visible) {
    const line = lines.at(-1);
    const ref = line?.[0];
    if (line && ref && Math.abs(run.y - ref.y) <= Math.max(2, Math.min(ref.size, run.size) * 0.45)) line.push(run);
    else lines.push([run]);
  }

  const out: string[] = [];
  let previous: { y: number; size: number } | null = null;
  for (const line of lines) {
    line.sort((p, q) => p.x - q.x);
    let text = '';
    let end = -Infinity;
    for (const run of line) {
      const gap = run.x - end;
      // a gap wider than ~1/4 em is a word space the PDF did not encode
      if (text && gap > run.size * 0.25 && !/\s$/.test(text) && !/^\s/.test(run.text)) text += gap > run.size * 2.5 ? '   ' : ' ';
      text += run.text;
      end = Math.max(end, run.x + run.width);
    }
    text = text.replace(/\s+$/u, '');
    if (!text) continue;
    const y = line[0].y;
    const size = Math.max(...line.map((r) => r.size));
    // a vertical gap of more than ~1.8 line heights separates blocks
    if (previous && y - previous.y > Math.max(size, previous.size) * 2.2) out.push('');
    out.push(text);
    previous = { y, size };
  }
  return out.join('\n');
}

export function hasMeaningfulText(text: string): boolean {
  const count = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  return count >= MIN_TEXT_LAYER_CHARS;
}
