/**
 * The sidebar acts only on the rep's own input. Its shadow root is open (the
 * page can reach it), so a page script could click 记录催付 or 保存 on a taught
 * profile (which a lead's save pushes to the whole team) by dispatching
 * events. Untrusted events are stopped at the shadow root, in the capture
 * phase, before any sidebar handler sees them. Real input, including the
 * browser automation the end-to-end tests use, is trusted and passes.
 */
const GUARDED_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'contextmenu',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'submit',
  'paste',
  'drop',
] as const;

/** Our own `fileInput.click()` opens the file chooser; that one synthetic click is meant. */
const isOwnFileChooser = (event: Event) => event.type === 'click' && (event.target as Element | null)?.matches?.('input[type="file"]') === true;

export function acceptTrustedInputOnly(root: ShadowRoot, signal: AbortSignal): void {
  const stop = (event: Event) => {
    if (event.isTrusted || isOwnFileChooser(event)) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of GUARDED_EVENTS) root.addEventListener(type, stop, { capture: true, signal });
}
