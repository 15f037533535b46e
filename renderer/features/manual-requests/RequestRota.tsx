import { useEffect, useId, useState } from 'react';
import type { RequestRota as Rota, RotaTemplate } from '../../../shared/api/contract-config.ts';
import { useDesk } from '../../app/use-desk.ts';

/**
 * A borrowing request's rota on its detail: the lenders it goes to in turn, the one it is with
 * now, and a choice of rota template to give it (or replace) its rota.
 */
export function RequestRota({ requestId, status }: { requestId: string; status: string }) {
  const requestRota = useDesk((state) => state.requestRota);
  const setRequestRota = useDesk((state) => state.setRequestRota);
  const listRotas = useDesk((state) => state.listRotas);
  const id = useId();
  const [rota, setRota] = useState<Rota | null>(null);
  const [templates, setTemplates] = useState<readonly RotaTemplate[]>([]);
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void Promise.all([requestRota(requestId), listRotas()]).then(([read, list]) => {
      if (!current) return;
      if (read.ok) setRota(read.value);
      else setProblem(read.error.message);
      setTemplates(list);
    });
    return () => {
      current = false;
    };
    // The status is in the list so a rejection that moved the request is shown.
  }, [requestId, status, requestRota, listRotas]);

  async function apply(): Promise<void> {
    const template = templates.find((t) => String(t.id) === chosen);
    if (!template) return;
    const result = await setRequestRota(
      requestId,
      template.partners.map((p) => p.code),
    );
    if (result.ok) {
      setRota(result.value);
      setProblem(null);
    } else setProblem(`The rota was not set: ${result.error.message}`);
  }

  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Rota</h2>
      {rota && <p>{rota.message}</p>}
      {rota && rota.rota.length > 0 && (
        <ol aria-label="Lenders in order">
          {rota.rota.map((p) => (
            <li key={p.code} aria-current={p.current ? 'step' : undefined}>
              {p.name}
              {p.current ? ' (has it now)' : ''}
              {p.active ? '' : ' (inactive)'}
            </li>
          ))}
        </ol>
      )}
      {templates.length > 0 && (
        <p className="form-buttons">
          <label htmlFor={`${id}-template`}>Rota to use</label>{' '}
          <select id={`${id}-template`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <option value="">Choose a rota…</option>
            {templates.map((t) => (
              <option key={t.id} value={String(t.id)}>
                {t.name}
              </option>
            ))}
          </select>{' '}
          <button
            type="button"
            className="secondary"
            disabled={chosen === ''}
            onClick={() => void apply()}
          >
            Use this rota
          </button>
        </p>
      )}
      {problem !== null && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
