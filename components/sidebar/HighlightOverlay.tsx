/**
 * Underlines for a <textarea>/<input>: a mirror with the field's own text
 * metrics, laid exactly over it, with transparent text and wavy underlines
 * on the findings. The page's field is never changed.
 */
import { useSidebarState } from './stores/context';

const COPIED = [
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'letterSpacing',
  'lineHeight',
  'textTransform',
  'wordSpacing',
  'textIndent',
  'paddingTop',
  'paddingRight',
  'paddingBottom',
  'paddingLeft',
  'borderTopWidth',
  'borderRightWidth',
  'borderBottomWidth',
  'borderLeftWidth',
  'boxSizing',
  'tabSize',
  'direction',
] as const;

export function HighlightOverlay() {
  const state = useSidebarState();
  const target = state.highlight.value;
  if (!target || !target.box.isConnected) return null;
  const { box, findings } = target;
  const text = (box as HTMLTextAreaElement).value ?? target.text;
  const rect = box.getBoundingClientRect();
  if (rect.width === 0) return null;
  const css = getComputedStyle(box);
  const style: Record<string, string> = {
    left: `${rect.left}px`,
    top: `${rect.top}px`,
    width: `${rect.width}px`,
    height: `${rect.height}px`,
    borderStyle: 'solid',
    borderColor: 'transparent',
  };
  for (const key of COPIED) style[key] = css[key];
  const isInput = box instanceof HTMLInputElement;
  style.whiteSpace = isInput ? 'pre' : 'pre-wrap';
  style.overflowWrap = isInput ? 'normal' : 'break-word';

  const parts: preact.ComponentChildren[] = [];
  let at = 0;
  findings.forEach((f, i) => {
    if (f.start < at || f.end > text.length) return;
    parts.push(text.slice(at, f.start));
    parts.push(
      <span key={i} class={`u ${f.severity}`} data-i={i}>
        {text.slice(f.start, f.end)}
      </span>,
    );
    at = f.end;
  });
  parts.push(text.slice(at) + '\u200b');

  return (
    <div class="mirror" data-huashu="highlight-overlay" style={style} aria-hidden="true">
      <div style={{ transform: `translate(${-box.scrollLeft}px, ${-box.scrollTop}px)` }}>{parts}</div>
    </div>
  );
}
