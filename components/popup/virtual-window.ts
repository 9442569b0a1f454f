/**
 * Which items of a long list of fixed-height rows and headers are on screen.
 * Only those (plus a few either side) are rendered, so 50,000 follow-ups
 * cost as much DOM as twenty.
 */
export interface Layout {
  /** Top of item i in px; tops[n] is the total height. */
  tops: number[];
}

export function layoutOf(heights: readonly number[]): Layout {
  const tops = new Array<number>(heights.length + 1);
  tops[0] = 0;
  for (let i = 0; i < heights.length; i++) tops[i + 1] = tops[i]! + heights[i]!;
  return { tops };
}

/** First index whose bottom is below y (binary search over tops). */
function indexAt(layout: Layout, y: number): number {
  const n = layout.tops.length - 1;
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (layout.tops[mid + 1]! <= y) lo = mid + 1;
    else hi = mid;
  }
  return Math.min(lo, Math.max(0, n - 1));
}

/** [start, end) of the items to render for a viewport at scrollTop. */
export function visibleRange(layout: Layout, scrollTop: number, viewport: number, overscan = 4): { start: number; end: number } {
  const n = layout.tops.length - 1;
  if (n <= 0) return { start: 0, end: 0 };
  const first = indexAt(layout, Math.max(0, scrollTop));
  const last = indexAt(layout, scrollTop + viewport);
  return { start: Math.max(0, first - overscan), end: Math.min(n, last + 1 + overscan) };
}

/** The scrollTop that brings item i fully into view (unchanged when it already is). */
export function scrollToShow(layout: Layout, i: number, scrollTop: number, viewport: number): number {
  const top = layout.tops[i] ?? 0;
  const bottom = layout.tops[i + 1] ?? top;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewport) return bottom - viewport;
  return scrollTop;
}
