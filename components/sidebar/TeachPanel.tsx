/**
 * "教会此页面": the panel that walks the rep through pointing at the chat's
 * parts, the outline over the element under the pointer (drawn in our shadow
 * root, the page is never touched), and the live preview of what the profile
 * reads before it is saved. Pure UI: the page logic lives in
 * entrypoints/sidebar.content/features/teach-page.ts and drives `teachPanel`.
 */
import { signal } from '@preact/signals';
import { pick } from '../i18n';

export type TeachPart = 'messageList' | 'buyerMessage' | 'sellerMessage' | 'composeBox' | 'sendButton' | 'buyerName' | 'orderId';

export const TEACH_PARTS: Array<{ key: TeachPart; label: { zh: string; en: string }; hint: { zh: string; en: string }; optional: boolean }> = [
  {
    key: 'messageList',
    label: { zh: '消息列表', en: 'Message list' },
    hint: { zh: '点击聊天记录区域（任意一条消息即可）', en: 'Click the chat history (any message will do)' },
    optional: false,
  },
  {
    key: 'buyerMessage',
    label: { zh: '一条买家消息', en: 'A buyer message' },
    hint: { zh: '点击买家（顾客）发的一条消息文字', en: "Click the text of one of the buyer's messages" },
    optional: false,
  },
  {
    key: 'sellerMessage',
    label: { zh: '一条客服消息', en: 'A seller message' },
    hint: { zh: '点击客服（我方）发的一条消息文字', en: 'Click the text of one of your own messages' },
    optional: false,
  },
  { key: 'composeBox', label: { zh: '输入框', en: 'Compose box' }, hint: { zh: '点击输入回复的地方', en: 'Click where you type replies' }, optional: false },
  {
    key: 'sendButton',
    label: { zh: '发送按钮', en: 'Send button' },
    hint: { zh: '点击发送按钮（不会真的发送）', en: 'Click the send button (nothing is sent)' },
    optional: true,
  },
  {
    key: 'buyerName',
    label: { zh: '买家昵称（可选）', en: 'Buyer name (optional)' },
    hint: { zh: '点击当前会话顶部的买家昵称', en: "Click the buyer's name above the chat" },
    optional: true,
  },
  {
    key: 'orderId',
    label: { zh: '订单号（可选）', en: 'Order number (optional)' },
    hint: { zh: '点击页面上显示的订单号', en: 'Click the order number on the page' },
    optional: true,
  },
];

export interface TeachPreview {
  latestBuyer: string;
  buyerCount: number;
  sellerCount: number;
  buyerName?: string;
  orderId?: string;
  composeFound: boolean;
  sendFound: boolean;
}

export interface TeachView {
  /** 'overview': a profile exists for this page; a part key: picking it; 'review': all picked, preview shown. */
  step: 'overview' | TeachPart | 'review';
  selectors: Partial<Record<TeachPart, string>>;
  preview: TeachPreview | null;
  hover: { left: number; top: number; width: number; height: number } | null;
  name: string;
  hasSaved: boolean;
  warning?: string;
  error?: string;
}

export interface TeachControls {
  skip(): void;
  back(): void;
  widen(): void;
  restart(): void;
  cancel(): void;
  rename(name: string): void;
  save(name: string): void;
  remove(): void;
  exportFile(): void;
  importFile(file: File): void;
}

export const teachPanel = signal<{ view: TeachView; controls: TeachControls } | null>(null);

const CSS = `
.teach { position: fixed; top: 56px; right: 12px; width: 340px; max-height: calc(100vh - 80px); overflow: auto; z-index: 2147483647;
  background: #fff; color: #1f2329; border: 1px solid #ffb37a; border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.18);
  font: 13px/1.5 "PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif; padding: 12px 14px; }
.teach h3 { margin: 0 0 8px; font-size: 14px; }
.teach ol { margin: 0 0 10px; padding-left: 20px; }
.teach li { margin: 2px 0; color: #86909c; }
.teach li.now { color: #ff6a00; font-weight: 600; }
.teach li.done { color: #1f2329; }
.teach code { display: block; font-size: 11px; color: #4e5969; word-break: break-all; }
.teach .hint { background: #fff7e8; border-radius: 6px; padding: 6px 8px; margin: 6px 0; }
.teach .err { background: #ffece8; color: #cb2634; border-radius: 6px; padding: 6px 8px; margin: 6px 0; }
.teach .warn { background: #fff7e8; color: #b45309; border-radius: 6px; padding: 6px 8px; margin: 6px 0; }
.teach .row { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.teach button { border: 1px solid #d0d5dd; background: #fff; border-radius: 6px; padding: 3px 10px; cursor: pointer; font: inherit; }
.teach button.primary { background: #ff6a00; border-color: #ff6a00; color: #fff; }
.teach button.danger { color: #cb2634; }
.teach dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; margin: 6px 0; }
.teach dt { color: #86909c; }
.teach dd { margin: 0; word-break: break-word; }
.teach input[type=text] { width: 100%; box-sizing: border-box; border: 1px solid #d0d5dd; border-radius: 6px; padding: 4px 8px; font: inherit; }
.teach-outline { position: fixed; pointer-events: none; z-index: 2147483646; border: 2px solid #ff6a00; background: rgba(255,106,0,.08); border-radius: 3px; box-sizing: border-box; }
`;

export function TeachPanel() {
  const current = teachPanel.value;
  if (!current) return null;
  const { view, controls } = current;
  const stepIndex = TEACH_PARTS.findIndex((p) => p.key === view.step);
  const part = stepIndex >= 0 ? TEACH_PARTS[stepIndex]! : null;
  let fileInput: HTMLInputElement | null = null;

  return (
    <>
      <style>{CSS}</style>
      {view.hover && (
        <div
          class="teach-outline"
          data-huashu="teach-outline"
          style={{ left: `${view.hover.left}px`, top: `${view.hover.top}px`, width: `${view.hover.width}px`, height: `${view.hover.height}px` }}
        />
      )}
      <section class="teach" data-huashu="teach-panel" data-step={view.step} role="dialog" aria-label={pick({ zh: '教会此页面', en: 'Teach this page' })}>
        <h3>{pick({ zh: '教会此页面', en: 'Teach this page' })}</h3>
        {view.step !== 'overview' && (
          <ol>
            {TEACH_PARTS.map((p) => (
              <li key={p.key} class={p.key === view.step ? 'now' : view.selectors[p.key] ? 'done' : ''} data-part={p.key}>
                {view.selectors[p.key] ? '✓ ' : ''}
                {pick(p.label)}
                {view.selectors[p.key] && <code data-huashu="teach-selector">{view.selectors[p.key]}</code>}
              </li>
            ))}
          </ol>
        )}
        {view.error && (
          <div class="err" data-huashu="teach-error">
            {view.error}
          </div>
        )}
        {view.warning && (
          <div class="warn" data-huashu="teach-warning">
            {view.warning}
          </div>
        )}

        {part && (
          <>
            <div class="hint" data-huashu="teach-hint">
              {pick(part.hint)}
              <br />
              <small>
                {pick({ zh: '移动鼠标查看框选范围，点击选定；Esc 取消。', en: 'Move the pointer to see the outline, click to pick; Esc cancels.' })}
              </small>
            </div>
            <div class="row">
              {stepIndex > 0 && (
                <button data-huashu="teach-back" onClick={controls.back}>
                  {pick({ zh: '上一步', en: 'Back' })}
                </button>
              )}
              {view.step === 'buyerMessage' && (
                <button data-huashu="teach-widen" onClick={controls.widen}>
                  {pick({ zh: '列表选大一层', en: 'Widen the list' })}
                </button>
              )}
              {part.optional && (
                <button data-huashu="teach-skip" onClick={controls.skip}>
                  {pick({ zh: '跳过', en: 'Skip' })}
                </button>
              )}
              <button data-huashu="teach-cancel" onClick={controls.cancel}>
                {pick({ zh: '取消', en: 'Cancel' })}
              </button>
            </div>
          </>
        )}

        {view.step === 'review' && (
          <>
            <Preview preview={view.preview} />
            <label>
              {pick({ zh: '名称', en: 'Name' })}
              <input type="text" data-huashu="teach-name" value={view.name} onInput={(e) => controls.rename((e.target as HTMLInputElement).value)} />
            </label>
            <div class="row">
              <button class="primary" data-huashu="teach-save" disabled={!view.preview?.composeFound} onClick={() => controls.save(view.name)}>
                {pick({ zh: '保存并使用', en: 'Save and use' })}
              </button>
              <button data-huashu="teach-restart" onClick={controls.restart}>
                {pick({ zh: '重新选择', en: 'Pick again' })}
              </button>
              <button data-huashu="teach-cancel" onClick={controls.cancel}>
                {pick({ zh: '取消', en: 'Cancel' })}
              </button>
            </div>
          </>
        )}

        {view.step === 'overview' && (
          <>
            <p>
              {pick({ zh: '此页面已教会：', en: 'This page is taught: ' })}
              <b>{view.name}</b>
            </p>
            <Preview preview={view.preview} />
            <div class="row">
              <button class="primary" data-huashu="teach-restart" onClick={controls.restart}>
                {pick({ zh: '重新教', en: 'Teach again' })}
              </button>
              <button data-huashu="teach-export" onClick={controls.exportFile}>
                {pick({ zh: '导出', en: 'Export' })}
              </button>
              <button class="danger" data-huashu="teach-delete" onClick={controls.remove}>
                {pick({ zh: '删除', en: 'Delete' })}
              </button>
              <button data-huashu="teach-cancel" onClick={controls.cancel}>
                {pick({ zh: '关闭', en: 'Close' })}
              </button>
            </div>
          </>
        )}

        {(view.step === 'overview' || view.step === 'review' || view.step === 'messageList') && (
          <div class="row">
            {view.step === 'review' && (
              <button data-huashu="teach-export" onClick={controls.exportFile}>
                {pick({ zh: '导出', en: 'Export' })}
              </button>
            )}
            <button data-huashu="teach-import" onClick={() => fileInput?.click()}>
              {pick({ zh: '从文件导入', en: 'Import from file' })}
            </button>
            <input
              ref={(el) => {
                fileInput = el;
              }}
              type="file"
              accept=".json,application/json"
              data-huashu="teach-import-file"
              style={{ display: 'none' }}
              onChange={(e) => {
                const input = e.target as HTMLInputElement;
                const file = input.files?.[0];
                if (file) controls.importFile(file);
                input.value = '';
              }}
            />
          </div>
        )}
      </section>
    </>
  );
}

function Preview({ preview }: { preview: TeachPreview | null }) {
  if (!preview) return null;
  return (
    <dl data-huashu="teach-preview">
      <dt>{pick({ zh: '最新买家消息', en: 'Latest buyer message' })}</dt>
      <dd data-huashu="teach-preview-buyer">{preview.latestBuyer || pick({ zh: '（未读到）', en: '(none found)' })}</dd>
      <dt>{pick({ zh: '消息条数', en: 'Messages' })}</dt>
      <dd data-huashu="teach-preview-counts" data-buyers={preview.buyerCount} data-sellers={preview.sellerCount}>
        {pick({ zh: `买家 ${preview.buyerCount} 条 · 客服 ${preview.sellerCount} 条`, en: `buyer ${preview.buyerCount} · seller ${preview.sellerCount}` })}
      </dd>
      <dt>{pick({ zh: '买家', en: 'Buyer' })}</dt>
      <dd data-huashu="teach-preview-name">{preview.buyerName ?? '—'}</dd>
      <dt>{pick({ zh: '订单号', en: 'Order' })}</dt>
      <dd data-huashu="teach-preview-order">{preview.orderId ?? '—'}</dd>
      <dt>{pick({ zh: '输入框 / 发送', en: 'Compose / send' })}</dt>
      <dd>
        {preview.composeFound ? '✓' : '✗'} / {preview.sendFound ? '✓' : '—'}
      </dd>
    </dl>
  );
}
