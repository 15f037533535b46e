import { useEffect } from 'react';
import { ROLE_LABELS } from '../../../shared/api/contract-operators.ts';
import { useDesk } from '../../app/use-desk.ts';
import { ErrorAlert } from '../../ui/ErrorAlert.tsx';
import { ScreenHeading } from '../../ui/ScreenHeading.tsx';
import { OperatorsSection } from '../operators/OperatorsSection.tsx';
import { hasManagerRights } from '../operators/operators-slice.ts';
import { BackupSection } from './BackupSection.tsx';
import { LettersEmailSection } from './LettersEmailSection.tsx';
import { PartnersTable } from './PartnersTable.tsx';
import { ScannersSection } from './ScannersSection.tsx';
import { PrintersSection } from '../printing/PrintersSection.tsx';
import { ConfigExportSection } from '../config/ConfigExportSection.tsx';
import { DeskSettingsForm } from '../config/DeskSettingsForm.tsx';
import { PartnersSection } from '../config/PartnersSection.tsx';
import { ProfilesSection } from '../config/ProfilesSection.tsx';
import { RotasSection } from '../config/RotasSection.tsx';

/** The desk's setup; the scanner settings can be changed here. */
export function SettingsScreen() {
  const desk = useDesk((state) => state.desk);
  const partners = useDesk((state) => state.partners);
  const loadDeskInfo = useDesk((state) => state.loadDeskInfo);
  const loadPartners = useDesk((state) => state.loadPartners);
  const manager = useDesk(hasManagerRights);
  const settings = useDesk((state) => state.settings.values);

  useEffect(() => {
    // Counts change as the desk works, so Settings asks again each time it opens.
    void loadDeskInfo();
    void loadPartners();
  }, [loadDeskInfo, loadPartners]);

  const info = desk.info;
  return (
    <div className="screen">
      <ScreenHeading>Settings</ScreenHeading>
      <p className="lead">
        The desk&apos;s partners, workflow profiles, operators, letters, scanners, printers and
        backups.
      </p>
      {!manager && (
        <p className="muted">
          You are signed in as a {ROLE_LABELS.OPERATOR}: changes here need a {ROLE_LABELS.MANAGER}.
        </p>
      )}
      <section aria-labelledby="desk-heading">
        <h2 id="desk-heading">This desk</h2>
        {desk.error !== null && (
          <ErrorAlert message={desk.error} onRetry={() => void loadDeskInfo()} />
        )}
        {info && (
          <dl className="fields">
            {(
              [
                ['Institution', info.institution],
                ['Desk name', info.deskName],
                ['Version', info.version],
                ['Mode', info.mode === 'electron' ? 'Electron' : 'Browser mode'],
                ['Data directory', info.dataDir],
                ['Default printer', info.printer ?? 'No printer set'],
                ['Partners', String(info.counts.partners)],
                ['Borrowing requests', String(info.counts.borrowing)],
                ['Lending requests', String(info.counts.lending)],
              ] as const
            ).map(([term, value]) => (
              <div key={term}>
                <dt>{term}</dt>
                <dd className={term === 'Data directory' ? 'code' : undefined}>{value}</dd>
              </div>
            ))}
          </dl>
        )}
        {manager && settings && <DeskSettingsForm settings={settings} />}
      </section>
      {manager && <OperatorsSection />}
      {manager && <LettersEmailSection />}
      <ScannersSection />
      <PrintersSection />
      {manager ? (
        <>
          <PartnersSection />
          <ProfilesSection />
          <RotasSection />
          <ConfigExportSection />
          {settings && <BackupSection saved={settings.backup} />}
        </>
      ) : (
        <section aria-labelledby="partners-heading">
          <h2 id="partners-heading">Partners</h2>
          {partners.error !== null && (
            <ErrorAlert message={partners.error} onRetry={() => void loadPartners()} />
          )}
          {partners.rows === null && partners.loading && <p className="muted">Loading…</p>}
          {partners.rows?.length === 0 && (
            <p className="empty-state">No partners yet. Import them with rs-desk import.</p>
          )}
          {partners.rows && partners.rows.length > 0 && <PartnersTable partners={partners.rows} />}
        </section>
      )}
    </div>
  );
}
