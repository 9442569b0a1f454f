/**
 * Compose box as a contenteditable div, like 千牛 and 京东咚咚: the page's own
 * keydown handler sends on Enter; Shift+Enter is a line break. Pasted content
 * is reduced to plain text, as these editors do.
 */
import { startChatApp } from '../shared/chat-app';
import { el } from '../shared/element';
import { readEditableText, writeEditableText } from './contenteditable-text';

startChatApp(document.getElementById('app')!, {
  kind: 'contenteditable',
  label: 'contenteditable 编辑器',
  hint: 'Enter 发送，Shift+Enter 换行',
  mountCompose(host, context) {
    const editor = el('div', {
      class: 'compose__editor compose__editor--rich',
      contenteditable: 'true',
      role: 'textbox',
      'aria-multiline': 'true',
      'aria-label': '回复内容',
      'data-demo': 'compose',
      'data-placeholder': '请输入回复内容',
    });
    const send = el('button', { class: 'compose__send', type: 'button', 'data-demo': 'send', text: '发送' });
    const syncEmpty = () => editor.classList.toggle('is-empty', readEditableText(editor).trim() === '');
    const submit = () => {
      if (context.send(readEditableText(editor))) editor.replaceChildren();
      syncEmpty();
      editor.focus();
    };
    send.addEventListener('click', submit);
    editor.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.isComposing || event.keyCode === 229) return;
      event.preventDefault();
      if (event.shiftKey) document.execCommand('insertLineBreak');
      else submit();
    });
    editor.addEventListener('paste', (event) => {
      const text = event.clipboardData?.getData('text/plain');
      if (text === undefined) return;
      event.preventDefault();
      document.execCommand('insertText', false, text);
    });
    editor.addEventListener('input', syncEmpty);
    syncEmpty();
    host.append(editor, el('div', { class: 'compose__footer' }, [send]));
    return {
      readDraft: () => readEditableText(editor),
      writeDraft: (text) => {
        writeEditableText(editor, text);
        syncEmpty();
      },
      focus: () => editor.focus(),
    };
  },
});
