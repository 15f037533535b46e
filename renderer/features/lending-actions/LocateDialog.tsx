import { useRef, useState } from 'react';
import { useDesk } from '../../app/use-desk.ts';
import { ActionDialogFrame, FormField } from './ActionDialogFrame.tsx';
import type { LendingActionDialog } from './lending-actions-slice.ts';

/**
 * Locate (seed): when none or several items matched, choose the one to supply from what Locate
 * found, type an item's barcode, or search again (ISBN, then title and author) — best after
 * correcting the request with Edit.
 */
export function LocateDialog({ dialog }: { dialog: LendingActionDialog }) {
  const locate = useDesk((state) => state.locateLending);
  const [typed, setTyped] = useState('');
  const firstChoice = useRef<HTMLButtonElement>(null);
  const { candidates, saving } = dialog;
  const fields = dialog.error?.fields ?? {};
  const barcode = typed.trim();

  return (
    <ActionDialogFrame
      dialog={dialog}
      title={`Locate ${dialog.target.requestId}`}
      lead={
        candidates.length > 0
          ? `Locate found ${candidates.length} items that could be this request. Choose the one to supply.`
          : 'No item is linked to this request yet. Search again, or type the barcode of the item to supply.'
      }
      submitLabel={barcode ? 'Use this item' : 'Search again'}
      savingLabel="Locating…"
      {...(candidates.length > 0 ? { initialFocus: firstChoice } : {})}
      ready={dialog.task !== null}
      onSubmit={() => void locate(barcode || undefined)}
    >
      {candidates.length > 0 && (
        <ul className="choice-list" aria-label="Items Locate found">
          {candidates.map((item, index) => (
            <li key={item.barcode}>
              <button
                type="button"
                ref={index === 0 ? firstChoice : undefined}
                aria-disabled={saving || undefined}
                onClick={() => {
                  if (!saving) void locate(item.barcode);
                }}
              >
                <span className="choice-text">
                  <span className="choice-partner">
                    Choose {item.barcode}: {item.title}
                  </span>
                  <span>
                    {[item.author, item.isbn && `ISBN ${item.isbn}`].filter(Boolean).join(' · ')}
                  </span>
                  <span>
                    {[item.library, item.location, item.callNumber].filter(Boolean).join(' · ')}
                  </span>
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <FormField
        label="Or type an item barcode"
        error={fields.itemBarcode}
        hint="Leave it empty and press Enter to search again."
      >
        {(control) => (
          <input
            {...control}
            type="text"
            className="code"
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
        )}
      </FormField>
    </ActionDialogFrame>
  );
}
