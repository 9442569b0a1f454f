/**
 * Compose box controlled by a framework (Preact, as React/Vue chats such as
 * Shopee do): the draft lives only in component state, updated from `input`
 * events. The send button is disabled until the state holds text, and a send
 * takes the state, not the DOM. Text written into the DOM without an `input`
 * event therefore never reaches the buyer: the button stays disabled, and a
 * forced send (Enter) sends the old state and shows the red failure notice when
 * that is empty.
 */
import { render } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { startChatApp, type ComposeContext } from '../shared/chat-app';

/** Lets the chat app read and replace the draft, which only the component owns. */
interface DraftBridge {
  draft: string;
  setDraft?: (text: string) => void;
  focus?: () => void;
}

function Compose({ context, bridge }: { context: ComposeContext; bridge: DraftBridge }) {
  const [draft, setDraft] = useState(bridge.draft);
  const box = useRef<HTMLTextAreaElement>(null);
  // Kept in step on every render so the app sees exactly what the component holds.
  bridge.draft = draft;
  bridge.setDraft = setDraft;
  bridge.focus = () => box.current?.focus();

  const submit = () => {
    if (context.send(draft)) setDraft('');
    box.current?.focus();
  };

  return (
    <>
      <textarea
        ref={box}
        class="compose__editor"
        data-demo="compose"
        data-framework="preact"
        placeholder="请输入回复内容"
        aria-label="回复内容"
        value={draft}
        onInput={(event) => setDraft(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            submit();
          }
        }}
      />
      <div class="compose__footer">
        <span class="compose__count" data-demo="draft-length">
          {draft.length}/500
        </span>
        <button class="compose__send" type="button" data-demo="send" disabled={draft.trim() === ''} onClick={submit}>
          发送
        </button>
      </div>
    </>
  );
}

startChatApp(document.getElementById('app')!, {
  kind: 'framework',
  label: 'Preact 受控输入框',
  hint: 'Enter 发送，Shift+Enter 换行',
  mountCompose(host, context) {
    const bridge: DraftBridge = { draft: '' };
    render(<Compose context={context} bridge={bridge} />, host);
    return {
      readDraft: () => bridge.draft,
      writeDraft: (text) => {
        bridge.draft = text;
        bridge.setDraft?.(text);
      },
      focus: () => bridge.focus?.(),
    };
  },
});
