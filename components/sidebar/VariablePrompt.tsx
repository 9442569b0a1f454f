import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { dialogs, type DialogRequest } from './dialogs';

/** A neutral word offered (pre-filled, editable) when the page does not show the product. */
const GUESSES: Record<string, string> = { 商品: '这款商品' };

/** Asks the rep for variables the page could not fill; a reply is never inserted with raw {变量}. */
export function VariablePrompt({ request }: { request: DialogRequest<'variables'> }) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(request.missing.filter((name) => GUESSES[name]).map((name) => [name, GUESSES[name]!])),
  );
  const complete = request.missing.every((name) => (values[name] ?? '').trim().length > 0);
  return (
    <form
      class="variable-prompt"
      onSubmit={(e) => {
        e.preventDefault();
        if (complete) dialogs.answer('variables', values);
      }}
    >
      <div class="prompt-title">
        {t('fillVariables')} <b>{request.scriptTitle}</b>
      </div>
      {request.missing.map((name, i) => (
        <label key={name}>
          <span>{name}</span>
          <input
            data-variable={name}
            autoFocus={i === 0}
            value={values[name] ?? ''}
            onInput={(e) => setValues({ ...values, [name]: (e.target as HTMLInputElement).value })}
          />
        </label>
      ))}
      <div class="row">
        <button type="submit" class="primary" disabled={!complete}>
          {t('confirmInsert')}
        </button>
        <button type="button" onClick={() => dialogs.answer('variables', null)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
