/** Text with some ranges marked, built from text nodes (never innerHTML: page and script text is data). */
interface Props {
  text: string;
  ranges?: Array<{ start: number; end: number }>;
  class?: string;
}

export function HighlightedText({ text, ranges = [], class: className }: Props) {
  const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const parts: preact.ComponentChildren[] = [];
  let at = 0;
  for (const r of sorted) {
    const start = Math.max(r.start, at);
    if (start >= r.end) continue;
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={start}>{text.slice(start, r.end)}</mark>);
    at = r.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <span class={className}>{parts}</span>;
}
