import type { PartnerSummary } from '../../../shared/api/contract.ts';

const PROTOCOL: Record<PartnerSummary['protocol'], string> = {
  iso18626: 'ISO 18626',
  email: 'Email',
};

/** Every partner with how the desk talks to it and which workflow profiles it follows. */
export function PartnersTable({ partners }: { partners: readonly PartnerSummary[] }) {
  return (
    <table className="results">
      <caption className="visually-hidden">Partners</caption>
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Name</th>
          <th scope="col">Protocol</th>
          <th scope="col">Email or endpoint</th>
          <th scope="col">Workflow profiles</th>
        </tr>
      </thead>
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
          </tr>
        ))}
      </tbody>
    </table>
  );
}
