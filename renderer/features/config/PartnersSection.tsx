import { useEffect, useState } from 'react';
import type { PartnerConfig, PartnerInput } from '../../../shared/api/contract-config.ts';
import { useDesk } from '../../app/use-desk.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { PartnersTable } from '../settings/PartnersTable.tsx';
import { DirectoryPicker } from './DirectoryPicker.tsx';
import { PartnerForm } from './PartnerForm.tsx';

/**
 * Settings → Partners for a Manager: every partner with a Change button, and a form to add one,
 * typed or copied from a partner directory file. A partner is deactivated, never deleted.
 */
export function PartnersSection() {
  const partners = useDesk((state) => state.config.partners);
  const profiles = useDesk((state) => state.config.profiles);
  const error = useDesk((state) => state.config.error);
  const loadConfig = useDesk((state) => state.loadConfig);
  const [editing, setEditing] = useState<PartnerConfig | null>(null);
  const [copied, setCopied] = useState<PartnerInput | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // A fresh form after each addition or copy.
  const [formKey, setFormKey] = useState(0);

  useEffect(() => {
    void loadConfig();
  }, [loadConfig]);

  function done(message: string): void {
    setSaved(message);
    setEditing(null);
    setCopied(null);
    setFormKey((key) => key + 1);
  }

  return (
    <section aria-labelledby="partners-heading">
      <h2 id="partners-heading">Partners</h2>
      {error !== null && <ErrorAlert message={error} onRetry={() => void loadConfig()} />}
      {partners?.length === 0 && (
        <p className="empty-state">
          No partners yet: add one below, or import them with rs-desk import.
        </p>
      )}
      {partners && partners.length > 0 && (
        <PartnersTable
          partners={partners}
          onChange={(code) => {
            setSaved(null);
            setEditing(partners.find((p) => p.code === code) ?? null);
          }}
        />
      )}
      {saved !== null && (
        <p className="settings-saved" role="status">
          {saved}
        </p>
      )}
      {profiles &&
        (editing ? (
          <PartnerForm
            key={`edit-${editing.code}`}
            editing={editing}
            initial={null}
            profiles={profiles}
            onSaved={done}
            onCancel={() => setEditing(null)}
          />
        ) : (
          <>
            <DirectoryPicker
              onPick={(partner) => {
                setSaved(null);
                setCopied(partner);
                setFormKey((key) => key + 1);
              }}
            />
            <PartnerForm
              key={`new-${formKey}`}
              editing={null}
              initial={copied}
              profiles={profiles}
              onSaved={done}
            />
          </>
        ))}
    </section>
  );
}
