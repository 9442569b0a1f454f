/** A quiet line when scripts in the rep's own library contain risky wording, linking to the options page's lint. */
import { useEffect, useState } from 'preact/hooks';
import { call } from '../api';
import { pick } from '../i18n';

export function LibraryLintNotice({ onOpen }: { onOpen(): void }) {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let alive = true;
    void call('libraryLint')
      .then((rows) => alive && setCount(rows.filter((r) => r.findings.some((f) => f.severity !== 'tip')).length))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, []);
  if (!count) return null;
  return (
    <button class="lint-notice" data-huashu="library-lint" onClick={onOpen}>
      {pick({ zh: `话术库中有 ${count} 条含风险用语，去修改 →`, en: `${count} script(s) in your library contain risky wording — fix →` })}
    </button>
  );
}
