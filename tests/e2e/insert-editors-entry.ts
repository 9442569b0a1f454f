// What the e2e test loads into the page (bundled as the HuashuInsert global).
export { insertText } from '../../lib/insert/insert-text';
export { replaceRange } from '../../lib/insert/replace-range';
export { readFieldText, getCaretOffset } from '../../lib/insert/read-field';
export { detectEditor } from '../../lib/insert/detect-editor';
export { trackLastEditable } from '../../lib/insert/focus-tracker';
export { strategyNames } from '../../lib/insert/strategy-names';
