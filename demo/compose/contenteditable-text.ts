/**
 * Plain text in and out of a contenteditable compose box. Browsers mark line
 * breaks with <br> and with block elements (<div>, <p>), and add a placeholder
 * <br> at the end of a block or editor that must not count as a line; reading
 * innerText instead turns an empty line into two.
 */
const BLOCKS = new Set(['DIV', 'P', 'LI', 'BLOCKQUOTE', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

export function readEditableText(editor: HTMLElement): string {
  let out = '';
  let endedWithBlock = false;
  const walk = (parent: Node) => {
    for (const node of Array.from(parent.childNodes)) {
      if (node.nodeType === Node.TEXT_NODE) {
        const text = node.nodeValue ?? '';
        if (text) {
          out += text;
          endedWithBlock = false;
        }
      } else if (node.nodeName === 'BR') {
        const placeholder = node === parent.lastChild && (parent === editor || BLOCKS.has(parent.nodeName));
        if (!placeholder) {
          out += '\n';
          endedWithBlock = false;
        }
      } else if (BLOCKS.has(node.nodeName)) {
        if (out !== '' && !out.endsWith('\n')) out += '\n';
        walk(node);
        out += '\n';
        endedWithBlock = true;
      } else {
        walk(node);
      }
    }
  };
  walk(editor);
  if (endedWithBlock) out = out.slice(0, -1);
  // Editors store runs of spaces as no-break spaces so they stay visible.
  return out.replace(/\u00a0/g, ' ');
}

export function writeEditableText(editor: HTMLElement, text: string): void {
  editor.replaceChildren();
  text.split('\n').forEach((line, index) => {
    if (index > 0) editor.append(editor.ownerDocument.createElement('br'));
    if (line) editor.append(editor.ownerDocument.createTextNode(line));
  });
  // A final line break only shows when a placeholder <br> follows it.
  if (text.endsWith('\n')) editor.append(editor.ownerDocument.createElement('br'));
}
