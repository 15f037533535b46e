import type { PartnerSummary } from '../../../shared/api/contract.ts';
import { TableHead } from '../../ui/TableHead.tsx';

const PROTOCOL: Record<PartnerSummary['protocol'], string> = {
  iso18626: 'ISO 18626',
  email: 'Email',
};

/**
 * Every partner with how the desk talks to it and which workflow profiles it follows; with
 * `onChange` (a Manager's Settings), a Change button on each row.
 */
export function PartnersTable({
  partners,
  onChange,
}: {
  partners: readonly PartnerSummary[];
  onChange?: (code: string) => void;
}) {
  return (
    <table className="results">
      <TableHead
        caption="Partners"
        columns={['Code', 'Name', 'Protocol', 'Email or endpoint', 'Workflow profiles']}
        {...(onChange ? { actions: 'Change' } : {})}
      />
      <tbody>
        {partners.map((partner) => (
          <tr key={partner.code}>
            <td className="code">{partner.code}</td>
            <td>
              {partner.name}
              {!partner.active && <span className="muted"> (inactive)</span>}
            </td>
            <td>
              {partner.protocol === 'iso18626'
                ? `${PROTOCOL.iso18626} (${partner.isoVersion})`
                : PROTOCOL.email}
            </td>
            <td className="code">
              {partner.protocol === 'iso18626'
                ? (partner.endpoint ?? partner.email ?? '')
                : (partner.email ?? '')}
            </td>
            <td>
              <ul className="plain">
                <li>Lending: {partner.lendingWorkflow ?? 'None'}</li>
                <li>Borrowing: {partner.borrowingWorkflow ?? 'None'}</li>
              </ul>
            </td>
            {onChange && (
              <td>
                <button
                  type="button"
                  className="secondary"
                  aria-label={`Change ${partner.name}`}
                  onClick={() => onChange(partner.code)}
                >
                  Change
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
