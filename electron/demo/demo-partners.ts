/**
 * The demo's partner libraries: the four SUNY partners of the WRLC seed and three LOAN peers, with
 * their real campus addresses. Messages to them never leave the machine.
 */
import type { ImportFileContent } from '../../shared/import/import-format.ts';

type PartnerInput = NonNullable<ImportFileContent['partners']>[number];

/** Partner messages must never leave the machine: ISO endpoints point at the discard port. */
const loopback = (code: string) => `http://127.0.0.1:9/iso18626/${code.toLowerCase()}`;

const P2P = {
  lendingWorkflow: 'Peer to Peer Lending',
  borrowingWorkflow: 'Peer to Peer Borrowing',
} as const;

export const DEMO_PARTNERS: readonly PartnerInput[] = [
  {
    code: 'SUNYSB',
    name: 'Stony Brook University, SUNY',
    symbol: 'YSM',
    protocol: 'iso18626',
    endpoint: loopback('SUNYSB'),
    isoVersion: '2021',
    email: 'ill@stonybrook.example.edu',
    address: {
      line1: 'Frank Melville Jr. Memorial Library, Interlibrary Loan',
      line2: '100 Nicolls Road',
      locality: 'Stony Brook',
      region: 'NY',
      postalCode: '11794-3300',
      country: 'US',
    },
    ...P2P,
    expiryDays: 5,
    loanPeriodDays: 56,
  },
  {
    code: 'SUNYBI',
    name: 'Binghamton University, SUNY',
    symbol: 'BNG',
    protocol: 'iso18626',
    endpoint: loopback('SUNYBI'),
    isoVersion: '1.2',
    email: 'ill@binghamton.example.edu',
    address: {
      line1: 'Glenn G. Bartle Library, Interlibrary Loan',
      line2: '4400 Vestal Parkway East',
      locality: 'Binghamton',
      region: 'NY',
      postalCode: '13902-6012',
      country: 'US',
    },
    ...P2P,
    expiryDays: 5,
    loanPeriodDays: 56,
  },
  {
    code: 'SUNYALB',
    name: 'University at Albany, SUNY',
    symbol: 'NAM',
    protocol: 'iso18626',
    endpoint: loopback('SUNYALB'),
    isoVersion: '1.2',
    email: 'ill@albany.example.edu',
    address: {
      line1: 'University Library, Interlibrary Loan',
      line2: '1400 Washington Avenue',
      locality: 'Albany',
      region: 'NY',
      postalCode: '12222',
      country: 'US',
    },
    ...P2P,
    expiryDays: 5,
    loanPeriodDays: 56,
  },
  {
    code: 'SUNYBUF',
    name: 'University at Buffalo, SUNY',
    symbol: 'BUF',
    protocol: 'iso18626',
    endpoint: loopback('SUNYBUF'),
    isoVersion: '2021',
    email: 'ill@buffalo.example.edu',
    address: {
      line1: 'Lockwood Memorial Library, Delivery Services',
      line2: '235 Lockwood Library, North Campus',
      locality: 'Buffalo',
      region: 'NY',
      postalCode: '14260-2200',
      country: 'US',
    },
    ...P2P,
    expiryDays: 5,
    loanPeriodDays: 56,
  },
  {
    code: 'GMU',
    name: 'George Mason University',
    symbol: 'VGM',
    protocol: 'iso18626',
    endpoint: loopback('GMU'),
    isoVersion: '1.2',
    email: 'ill@gmu.example.edu',
    address: {
      line1: 'Fenwick Library, Interlibrary Loan',
      line2: '4400 University Drive, MS 2FL',
      locality: 'Fairfax',
      region: 'VA',
      postalCode: '22030',
      country: 'US',
    },
    ...P2P,
    expiryDays: 7,
    loanPeriodDays: 42,
  },
  {
    code: 'VTECH',
    name: 'Virginia Tech',
    symbol: 'VPI',
    protocol: 'email',
    email: 'ill@vt.example.edu',
    address: {
      line1: 'Newman Library, Interlibrary Loan',
      line2: '560 Drillfield Drive',
      locality: 'Blacksburg',
      region: 'VA',
      postalCode: '24061',
      country: 'US',
    },
    ...P2P,
    expiryDays: 7,
    loanPeriodDays: 42,
  },
  {
    code: 'AU',
    name: 'American University',
    symbol: 'DAU',
    protocol: 'email',
    email: 'ill@american.example.edu',
    address: {
      line1: 'Bender Library, Interlibrary Loan',
      line2: '4400 Massachusetts Avenue NW',
      locality: 'Washington',
      region: 'DC',
      postalCode: '20016-8046',
      country: 'US',
    },
    ...P2P,
    expiryDays: 3,
    loanPeriodDays: 42,
  },
];

/** How each partner writes its request IDs (our External Identifiers): prefix and total length. */
export const EXTERNAL_ID_STYLE: Readonly<Record<string, { prefix: string; length: number }>> = {
  SUNYSB: { prefix: '0004', length: 8 },
  SUNYBI: { prefix: '2150', length: 10 },
  SUNYALB: { prefix: '78239', length: 11 },
  SUNYBUF: { prefix: '3310', length: 8 },
  GMU: { prefix: '009', length: 8 },
  VTECH: { prefix: '4120', length: 9 },
  AU: { prefix: '58', length: 7 },
};
