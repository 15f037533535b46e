/**
 * The raw material of the demo data set: real partner libraries (the SUNY partners of the WRLC
 * seed and LOAN peers), patron names from many languages (accents exercise slips, search and
 * barcodes' neighbours), and subjects with their LC classes, composed into titles by demo-data.ts.
 */
import type { ImportFileContent } from '../../shared/import/import-format.ts';

type PartnerInput = NonNullable<ImportFileContent['partners']>[number];

/** Partner messages must never leave the machine: ISO endpoints point at the discard port. */
const loopback = (code: string) => `http://127.0.0.1:9/iso18626/${code.toLowerCase()}`;

const P2P = { lendingWorkflow: 'Peer to Peer Lending', borrowingWorkflow: 'Peer to Peer Borrowing' } as const;

export const DEMO_PARTNERS: readonly PartnerInput[] = [
  {
    code: 'SUNYSB', name: 'Stony Brook University, SUNY', symbol: 'YSM', protocol: 'iso18626',
    endpoint: loopback('SUNYSB'), isoVersion: '2021', email: 'ill@stonybrook.example.edu',
    address: { line1: 'Frank Melville Jr. Memorial Library, Interlibrary Loan', line2: '100 Nicolls Road',
      locality: 'Stony Brook', region: 'NY', postalCode: '11794-3300', country: 'US' },
    ...P2P, expiryDays: 5, loanPeriodDays: 56,
  },
  {
    code: 'SUNYBI', name: 'Binghamton University, SUNY', symbol: 'BNG', protocol: 'iso18626',
    endpoint: loopback('SUNYBI'), isoVersion: '1.2', email: 'ill@binghamton.example.edu',
    address: { line1: 'Glenn G. Bartle Library, Interlibrary Loan', line2: '4400 Vestal Parkway East',
      locality: 'Binghamton', region: 'NY', postalCode: '13902-6012', country: 'US' },
    ...P2P, expiryDays: 5, loanPeriodDays: 56,
  },
  {
    code: 'SUNYALB', name: 'University at Albany, SUNY', symbol: 'NAM', protocol: 'iso18626',
    endpoint: loopback('SUNYALB'), isoVersion: '1.2', email: 'ill@albany.example.edu',
    address: { line1: 'University Library, Interlibrary Loan', line2: '1400 Washington Avenue',
      locality: 'Albany', region: 'NY', postalCode: '12222', country: 'US' },
    ...P2P, expiryDays: 5, loanPeriodDays: 56,
  },
  {
    code: 'SUNYBUF', name: 'University at Buffalo, SUNY', symbol: 'BUF', protocol: 'iso18626',
    endpoint: loopback('SUNYBUF'), isoVersion: '2021', email: 'ill@buffalo.example.edu',
    address: { line1: 'Lockwood Memorial Library, Delivery Services', line2: '235 Lockwood Library, North Campus',
      locality: 'Buffalo', region: 'NY', postalCode: '14260-2200', country: 'US' },
    ...P2P, expiryDays: 5, loanPeriodDays: 56,
  },
  {
    code: 'GMU', name: 'George Mason University', symbol: 'VGM', protocol: 'iso18626',
    endpoint: loopback('GMU'), isoVersion: '1.2', email: 'ill@gmu.example.edu',
    address: { line1: 'Fenwick Library, Interlibrary Loan', line2: '4400 University Drive, MS 2FL',
      locality: 'Fairfax', region: 'VA', postalCode: '22030', country: 'US' },
    ...P2P, expiryDays: 7, loanPeriodDays: 42,
  },
  {
    code: 'VTECH', name: 'Virginia Tech', symbol: 'VPI', protocol: 'email', email: 'ill@vt.example.edu',
    address: { line1: 'Newman Library, Interlibrary Loan', line2: '560 Drillfield Drive',
      locality: 'Blacksburg', region: 'VA', postalCode: '24061', country: 'US' },
    ...P2P, expiryDays: 7, loanPeriodDays: 42,
  },
  {
    code: 'AU', name: 'American University', symbol: 'DAU', protocol: 'email', email: 'ill@american.example.edu',
    address: { line1: 'Bender Library, Interlibrary Loan', line2: '4400 Massachusetts Avenue NW',
      locality: 'Washington', region: 'DC', postalCode: '20016-8046', country: 'US' },
    ...P2P, expiryDays: 3, loanPeriodDays: 42,
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

export const PATRON_NAMES: readonly string[] = [
  'José Núñez', 'Zoë Ångström', 'François Dupré', 'Søren Kierkegård', 'Małgorzata Wiśniewska',
  'Chloé Lefèvre', 'Björn Åkesson', 'Nguyễn Thị Lan', 'Zoltán Kovács', 'İlkay Yılmaz',
  'Renée Côté', 'Jürgen Müller', 'Siobhán Ó Briain', 'Ana Lúcia Gonçalves', 'Dorothy Vaughan',
  'Marcus Washington', 'Priya Raghunathan', 'Wei Zhang', 'Aisha Bello', "Liam O'Connor",
  'Hannah Goldberg', 'Carlos Mendoza', 'Emily Chen', 'Jamal Harris', 'Olivia Martin',
  'Kenji Watanabe', 'Fatima Al-Sayed', 'Grace Kim', 'Daniel Okafor', 'Sofia Rossi',
  'Ethan Brooks', 'Maya Patel', 'Noah Williams', 'Isabella García', 'Lucas Thompson',
  'Amara Nwosu', 'Benjamin Clarke', 'Leila Haddad', 'Samuel Adeyemi', 'Charlotte Dubois',
  'Mateo Fernández', 'Yuki Tanaka', 'Rebecca Stein', 'Omar Farouk', 'Eleanor Whitfield',
  'Tomás Ortega', 'Ingrid Solberg', 'Rafael Souza', 'Margaret Lindqvist', 'Dmitri Volkov',
];

/** Most patrons collect at the main desk. */
export const PICKUP_LOCATIONS: readonly string[] = [
  'Main Library Circulation Desk', 'Main Library Circulation Desk', 'Main Library Circulation Desk',
  'Science Library Service Desk', 'Music Library', 'Law Library Circulation Desk', 'Health Sciences Library',
];

export type Shelf = 'main' | 'science' | 'law' | 'music' | 'art';

/** A subject, the LC class number its books sit under, and the collection holding them. */
export const SUBJECTS: readonly (readonly [string, string, Shelf])[] = [
  ['Machine Learning', 'QA76.9', 'science'], ['Quantum Mechanics', 'QC174', 'science'],
  ['Organic Chemistry', 'QD251', 'science'], ['Marine Ecology', 'QH541.5', 'science'],
  ['Genetics', 'QH430', 'science'], ['Neuroscience', 'QP355.2', 'science'],
  ['Public Health', 'RA425', 'science'], ['Climate Change', 'QC903', 'science'],
  ['Number Theory', 'QA241', 'science'], ['Astrophysics', 'QB461', 'science'],
  ['Civil Engineering', 'TA145', 'science'], ['Urban Planning', 'HT166', 'main'],
  ['Labor Economics', 'HD4901', 'main'], ['Monetary Policy', 'HG230.3', 'main'],
  ['Behavioral Economics', 'HB74.P8', 'main'], ['American Foreign Policy', 'E183.7', 'main'],
  ['The Civil War', 'E468', 'main'], ['Reconstruction', 'E668', 'main'],
  ['Colonial Virginia', 'F229', 'main'], ['Medieval Europe', 'D117', 'main'],
  ['The French Revolution', 'DC148', 'main'], ['Modern China', 'DS774', 'main'],
  ['The Ottoman Empire', 'DR486', 'main'], ['West African History', 'DT475', 'main'],
  ['Latin American Politics', 'F1414.2', 'main'], ['Constitutional Law', 'KF4550', 'law'],
  ['International Law', 'KZ3410', 'law'], ['Comparative Politics', 'JF51', 'main'],
  ['Democratic Theory', 'JC423', 'main'], ['Social Psychology', 'HM1033', 'main'],
  ['Cognitive Psychology', 'BF201', 'main'], ['Moral Philosophy', 'BJ1012', 'main'],
  ['Phenomenology', 'B829.5', 'main'], ['Buddhism', 'BQ4022', 'main'],
  ['Early Christianity', 'BR165', 'main'], ['Linguistics', 'P121', 'main'],
  ['Shakespeare', 'PR2894', 'main'], ['The Victorian Novel', 'PR873', 'main'],
  ['American Poetry', 'PS305', 'main'], ['Latin American Fiction', 'PQ7081', 'main'],
  ['Russian Literature', 'PG3012', 'main'], ['Film Theory', 'PN1995', 'main'],
  ['Jazz', 'ML3506', 'music'], ['Opera', 'ML1700', 'music'], ['Baroque Music', 'ML193', 'music'],
  ['Architecture', 'NA2500', 'art'], ['Renaissance Art', 'N6370', 'art'], ['Photography', 'TR183', 'art'],
  ['Higher Education', 'LB2322.2', 'main'], ["Children's Literature", 'PN1009', 'main'],
  ['Information Science', 'Z665', 'main'], ['Archives and Records Management', 'CD950', 'main'],
  ['Museum Studies', 'AM7', 'main'],
];

/** Title patterns; `{}` is the subject. */
export const TITLE_FORMS: readonly string[] = [
  'A History of {}', '{}: A Very Short Introduction', 'The Cambridge Companion to {}', 'Introduction to {}',
  'Readings in {}', 'The Oxford Handbook of {}', 'Perspectives on {}', '{} and Society',
  'The Politics of {}', 'Rethinking {}', 'Foundations of {}', '{} in the Twentieth Century',
  'New Directions in {}', 'Essays on {}',
];

export const GIVEN_NAMES: readonly string[] = [
  'Sarah', 'Michael', 'Helen', 'David', 'Ruth', 'Thomas', 'Anne', 'Robert', 'Judith', 'Peter', 'Laura',
  'Richard', 'Mary', 'James', 'Elena', 'Paul', 'Catherine', 'Andrew', 'Nadia', 'Stephen', 'Joan', 'Hiroshi',
];
export const SURNAMES: readonly string[] = [
  'Abrams', 'Bennett', 'Castellano', 'Dalton', 'Eriksen', 'Fairbanks', 'Greenberg', 'Holloway', 'Ishikawa',
  'Jameson', 'Kaplan', 'Lindgren', 'Morrison', 'Nakamura', 'Osei', 'Prescott', 'Quintero', 'Rosenthal',
  'Schüller', 'Thornton', 'Underwood', 'Valdés', 'Whitaker', 'Young', 'Zimmermann',
];

/** Where an item of a collection is shelved, and the library code it belongs to. */
export const SHELVES: Readonly<Record<Shelf, readonly (readonly [string, string])[]>> = {
  main: [['Main Stacks', 'MAIN'], ['Main Stacks', 'MAIN'], ['Main Stacks', 'MAIN'], ['Annex (Remote Storage)', 'ANNEX']],
  science: [['Science Library', 'SCI'], ['Science Library', 'SCI'], ['Annex (Remote Storage)', 'ANNEX']],
  law: [['Law Library Stacks', 'LAW']],
  music: [['Music Library', 'MUSIC']],
  art: [['Main Stacks, Oversize', 'MAIN'], ['Main Stacks', 'MAIN']],
};

export const BORROWING_NOTES: readonly string[] = [
  'Patron needs this for a thesis defense.', 'Any edition is fine.', 'Please ship with tracking.',
  'Course reserve for HIST 2001.', 'Second request after the first lender expired.', 'Patron will collect in person.',
];
