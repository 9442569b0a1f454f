/**
 * Compose box as a plain <textarea>, like 拼多多 and 抖店飞鸽: Enter inserts a
 * newline, Ctrl+Enter (or ⌘+Enter) and the send button send.
 */
import { startChatApp } from '../shared/chat-app';
import { el } from '../shared/element';

startChatApp(document.getElementById('app')!, {
  kind: 'textarea',
  label: 'textarea 输入框',
  hint: 'Ctrl+Enter 发送，Enter 换行',
  mountCompose(host, context) {
    const box = el('textarea', { class: 'compose__editor', 'data-demo': 'compose', placeholder: '请输入回复内容', 'aria-label': '回复内容' });
    const send = el('button', { class: 'compose__send', type: 'button', 'data-demo': 'send', text: '发送' });
    const submit = () => {
      if (context.send(box.value)) box.value = '';
      box.focus();
    };
    send.addEventListener('click', submit);
    box.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.isComposing) {
        event.preventDefault();
        submit();
      }
    });
    host.append(box, el('div', { class: 'compose__footer' }, [send]));
    return {
      readDraft: () => box.value,
      writeDraft: (text) => (box.value = text),
      focus: () => box.focus(),
    };
  },
});
