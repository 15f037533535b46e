import fc from 'fast-check';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_TYPES } from '../../electron/messaging/iso18626/iso-codes.ts';
import { buildIsoMessage, parseConfirmation } from '../../electron/messaging/iso18626/index.ts';
import {
  openInboundDesk,
  requestMessage,
  requesterMessage,
  supplierMessage,
  type InboundDesk,
} from '../helpers/iso-inbound.ts';
import { SAMPLES_DIR } from '../helpers/iso18626-schemas.ts';
import { changedTables, fingerprint } from './db-fingerprint.ts';
import { recordFaultCounts } from './fault-counts.ts';

/**
 * Inbound ISO 18626 over real HTTP to the desk's listener, fuzzed: the partner's messages and the
 * standard's samples with one thing broken, hostile XML (external entities to a local file and to
 * a local web server, entity expansion), a 10 MB body, the wrong namespace or content type, random
 * bytes. Each must get a clear refusal — an ERROR confirmation with one of the XSD's error types,
 * or a 4xx with words — never a 5xx or silence, never a local file's content, and nothing written;
 * the listener must still apply a good message afterwards.
 */

let desk: InboundDesk;
let dir: string;
let canary: Server;
let canaryUrl: string;
let canaryHits = 0;
/** A local file an external entity points at; its content must never come back. */
let secretFile: string;
const SECRET = 'RS-DESK-FUZZ-SECRET-7f3a9c';

const tally = {
  inputs: 0,
  refused: 0,
  applied: 0,
  hostile: 0,
  randomBodies: 0,
  megabytes: 0,
};
let fresh = 0;

beforeAll(async () => {
  desk = await openInboundDesk();
  // The daily jobs the desk started on opening (a backup among them) write their run when done;
  // they finish first, so every write seen later is a message's.
  await desk.desk.jobs.runDue();
  dir = mkdtempSync(join(tmpdir(), 'rs-desk-fuzz-iso-'));
  secretFile = join(dir, 'secret.txt');
  writeFileSync(secretFile, `${SECRET}\n`);
  // Any request here means the desk fetched an external entity or DTD.
  canary = createServer((req, res) => {
    canaryHits += 1;
    res.end(`<!ENTITY leak "${SECRET}">`);
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  canaryUrl = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await desk.dispose();
  await new Promise<void>((resolve) => canary.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
  recordFaultCounts('Fuzzing: inbound ISO 18626', tally);
});

interface Sent {
  readonly body: string | Uint8Array;
  /** null sends no Content-Type at all. */
  readonly contentType?: string | null;
  readonly method?: string;
  readonly path?: string;
}

/**
 * Posts one message and checks the answer: never a 5xx or an empty answer, never the secret; an
 * OK confirmation may write, anything else must leave every table as it was.
 */
async function sendAndJudge(sent: Sent): Promise<'applied' | 'refused'> {
  tally.inputs += 1;
  const before = fingerprint(desk.desk.context.db);
  const target = sent.path ? new URL(sent.path, desk.url()).href : desk.url();
  const headers: Record<string, string> = {};
  if (sent.contentType !== null) headers['Content-Type'] = sent.contentType ?? 'application/xml';
  const body =
    typeof sent.body === 'string' && sent.contentType === null
      ? new TextEncoder().encode(sent.body)
      : sent.body;
  const response = await fetch(target, {
    method: sent.method ?? 'POST',
    headers,
    ...(sent.method === 'GET' || sent.method === 'HEAD' ? {} : { body }),
  });
  const text = await response.text();
  const status = response.status;
  expect(status, `HTTP ${status}: ${text.slice(0, 500)}`).toBeLessThan(500);
  expect(text.trim(), 'an answer with no words').not.toBe('');
  expect(text).not.toContain(SECRET);
  expect(text).not.toMatch(/root:.*:0:0:/);
  if (text.startsWith('<')) {
    const parsed = parseConfirmation(text);
    expect(parsed.ok, `the answer is not a confirmation: ${text.slice(0, 300)}`).toBe(true);
    if (!parsed.ok) return 'refused';
    const confirmation = parsed.message;
    if (confirmation.confirmationHeader.messageStatus === 'OK') {
      expect(status).toBe(200);
      tally.applied += 1;
      return 'applied';
    }
    expect(ERROR_TYPES).toContain(confirmation.errorData?.errorType);
    expect(confirmation.errorData?.errorValue?.trim() ?? '').not.toBe('');
    expect([200, 400, 413, 415]).toContain(status);
  } else {
    expect(status).toBeGreaterThanOrEqual(400);
  }
  expect(changedTables(before, fingerprint(desk.desk.context.db))).toEqual([]);
  tally.refused += 1;
  return 'refused';
}

// ——— the messages that get broken ———

const BASES: string[] = [];
beforeAll(() => {
  BASES.push(
    buildIsoMessage(requestMessage({ id: 'FZ-BASE-1', title: 'Kindred' }), '1.2'),
    buildIsoMessage(
      requestMessage({ id: 'FZ-BASE-2', title: 'Dune', isbn: '9780441172719' }),
      '2021',
    ),
    buildIsoMessage(requesterMessage('Received', { theirs: 'PB-10', ours: 'L-10' }), '1.2'),
    buildIsoMessage(requesterMessage('ShippedReturn', { theirs: 'PB-12' }), '2021'),
    buildIsoMessage(
      requesterMessage('Cancel', { theirs: 'PB-11', note: 'No longer needed' }),
      '1.2',
    ),
    buildIsoMessage(
      supplierMessage('Loaned', { ours: 'B-1', itemId: 'X1', dueDate: '2026-12-20T23:59:59Z' }),
      '1.2',
    ),
    buildIsoMessage(
      supplierMessage('Unfilled', {
        ours: 'B-2',
        reason: 'RequestResponse',
        reasonUnfilled: 'NotHeld',
      }),
      '2021',
    ),
    ...readdirSync(SAMPLES_DIR()).map((f) => readFileSync(join(SAMPLES_DIR(), f), 'utf8')),
  );
});

/** Leaf elements (`<tag …>text</tag>`): where text and elements are broken. */
const LEAF = /<([A-Za-z_][\w.:-]*)(\s[^<>]*)?>([^<]*)<\/\1>/g;
const TAG = /<\/?([A-Za-z_][\w.:-]*)/g;

const strangeText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .string({ unit: 'binary', maxLength: 40 })
    .map((s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')),
  fc.constantFrom(
    '',
    ' ',
    '&amp;',
    '&bogus;',
    '&#x110000;',
    '&#0;',
    '&#xD800;',
    '&#99999999999;',
    '&nbsp;',
    '<![CDATA[ ]]> ]]>',
    '<![CDATA[<x>&xxe;</x>]]>',
    '<!-- a -- b -->',
    '<?pi data?>',
    '2026-02-30T25:61:00Z',
    '1e400',
    '-1',
    'Loaned',
    'US-HOME',
    'PB-10',
    'B-1',
    '__proto__',
    '\u0000',
    '\uFFFF',
  ),
  fc.integer({ min: 1_000, max: 200_000 }).map((n) => 'x'.repeat(n)),
  fc.integer({ min: 1, max: 30_000 }).map((n) => '&amp;'.repeat(n)),
);

const STRANGE_NAMES = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'x:title',
  'request',
  'header',
  '_',
  'a.b-c',
];

/** One thing broken in `xml`; `i` and `j` pick where. */
function mutateXml(xml: string, how: number, i: number, j: number, text: string): string {
  const leaves = [...xml.matchAll(LEAF)];
  const tags = [...xml.matchAll(TAG)];
  const leaf = leaves[i % Math.max(1, leaves.length)];
  const tag = tags[i % Math.max(1, tags.length)];
  const at = i % (xml.length + 1);
  const splice = (start: number, end: number, insert: string) =>
    xml.slice(0, start) + insert + xml.slice(end);
  switch (how) {
    case 0: // an element left out
      return leaf ? splice(leaf.index, leaf.index + leaf[0].length, '') : xml;
    case 1: // an element's text replaced
      if (!leaf) return xml;
      return splice(
        leaf.index,
        leaf.index + leaf[0].length,
        `<${leaf[1]}${leaf[2] ?? ''}>${text}</${leaf[1]}>`,
      );
    case 2: // an element twice
      return leaf ? splice(leaf.index, leaf.index, leaf[0]) : xml;
    case 3: // a tag renamed (open or close alone)
      if (!tag) return xml;
      return splice(
        tag.index + tag[0].length - (tag[1] ?? '').length,
        tag.index + tag[0].length,
        STRANGE_NAMES[j % STRANGE_NAMES.length] ?? 'x',
      );
    case 4: // an element renamed, both tags
      if (!leaf) return xml;
      return splice(
        leaf.index,
        leaf.index + leaf[0].length,
        `<${STRANGE_NAMES[j % STRANGE_NAMES.length]}>${leaf[3]}</${STRANGE_NAMES[j % STRANGE_NAMES.length]}>`,
      );
    case 5: // the namespace changed, dropped, or a prefix never declared
      return [
        xml.replace('http://illtransactions.org/2013/iso18626', `urn:fuzz:${j}`),
        xml.replace(/ xmlns="[^"]*"/, ''),
        xml.replace(/<(\w+)/, '<undeclared:$1').replace(/<\/(\w+)>\s*$/, '</undeclared:$1>'),
        xml.replace(
          'http://illtransactions.org/2013/iso18626',
          'http://illtransactions.org/2013/iso18626/',
        ),
      ][j % 4] as string;
    case 6: // cut short
      return xml.slice(0, at);
    case 7: // text dropped in anywhere
      return splice(at, at, text);
    case 8: // an element nested very deep
      return leaf
        ? splice(
            leaf.index,
            leaf.index,
            `${'<n>'.repeat(50 + (j % 5_000))}${'</n>'.repeat(50 + (j % 5_000))}`,
          )
        : xml;
    default: // an attribute added, perhaps twice, perhaps a namespace one
      if (!tag || tag[0].startsWith('</')) return xml;
      return splice(
        tag.index + tag[0].length,
        tag.index + tag[0].length,
        [
          ` a="1" a="2"`,
          ` xmlns:p="urn:x"`,
          ` __proto__="x"`,
          ` version="9"`,
          ` ${text.replace(/\W/g, '') || 'z'}="&lt;"`,
        ][j % 5] ?? '',
      );
  }
}

const mutationArb = fc.record({
  base: fc.nat(),
  steps: fc.array(
    fc.record({ how: fc.integer({ min: 0, max: 9 }), i: fc.nat(), j: fc.nat(), text: strangeText }),
    { minLength: 1, maxLength: 3 },
  ),
  contentType: fc.constantFrom(
    'application/xml',
    'text/xml; charset=utf-8',
    'application/iso18626+xml',
  ),
});

// ——— hostile documents ———

/** A DOCTYPE placed before the message's root, the entity used where an identifier goes. */
function withDoctype(xml: string, doctype: string, use: string): string {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${doctype}\n${body.replace(/(<[\w:]*requestingAgencyRequestId>)[^<]*/, `$1${use}`)}`;
}

function hostileDocuments(xml: string): [string, string][] {
  const laughs = Array.from(
    { length: 9 },
    (_, k) => `<!ENTITY lol${k + 1} "${`&lol${k};`.repeat(10)}">`,
  ).join('');
  return [
    [
      'XXE to a local file',
      withDoctype(xml, `<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://${secretFile}">]>`, '&xxe;'),
    ],
    [
      'XXE to /etc/passwd',
      withDoctype(xml, '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', '&xxe;'),
    ],
    [
      'XXE to a local web server',
      withDoctype(xml, `<!DOCTYPE r [<!ENTITY xxe SYSTEM "${canaryUrl}/entity">]>`, '&xxe;'),
    ],
    ['an external DTD', withDoctype(xml, `<!DOCTYPE r SYSTEM "${canaryUrl}/x.dtd">`, 'PB-10')],
    [
      'a parameter entity',
      withDoctype(xml, `<!DOCTYPE r [<!ENTITY % p SYSTEM "${canaryUrl}/p.dtd"> %p;]>`, '&leak;'),
    ],
    ['billion laughs', withDoctype(xml, `<!DOCTYPE r [<!ENTITY lol0 "lol">${laughs}]>`, '&lol9;')],
    [
      'quadratic blowup',
      withDoctype(xml, `<!DOCTYPE r [<!ENTITY a "${'a'.repeat(50_000)}">]>`, '&a;'.repeat(2_000)),
    ],
    [
      'a lower-case doctype',
      withDoctype(xml, `<!doctype r [<!entity xxe system "file://${secretFile}">]>`, '&xxe;'),
    ],
    [
      'a DOCTYPE after the root',
      `${xml}<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://${secretFile}">]>`,
    ],
    [
      'an XInclude',
      xml.replace(
        /(<[\w:]*requestingAgencyRequestId>)[^<]*/,
        `$1<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://${secretFile}" parse="text"/>`,
      ),
    ],
    [
      'a stylesheet instruction',
      `<?xml-stylesheet type="text/xsl" href="${canaryUrl}/x.xsl"?>${xml.replace(/^<\?xml[^>]*\?>\s*/, '')}`,
    ],
  ];
}

// Generous: on a loaded machine a few thousand generated inputs take longer than the default.
describe('fuzzed inbound ISO 18626 messages', { timeout: 120_000 }, () => {
  it('answers broken messages with an ERROR confirmation or a 4xx, and writes nothing for them', async () => {
    await fc.assert(
      fc.asyncProperty(mutationArb, async ({ base, steps, contentType }) => {
        let xml = BASES[base % BASES.length] as string;
        for (const step of steps) xml = mutateXml(xml, step.how, step.i, step.j, step.text);
        await sendAndJudge({ body: xml, contentType });
      }),
      // Fewer runs rather than a slow suite when the machine is busy.
      { numRuns: 500, interruptAfterTimeLimit: 20_000 },
    );
  });

  it('refuses random bytes and random text, whatever the content type says', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2_000 }),
          fc.string({ unit: 'binary', maxLength: 500 }),
        ),
        fc.constantFrom(
          'application/xml',
          'text/xml',
          'text/plain',
          'application/json',
          null,
          'multipart/form-data; boundary=x',
          'application/xml; charset=latin1',
        ),
        async (body, contentType) => {
          tally.randomBodies += 1;
          expect(await sendAndJudge({ body, contentType })).toBe('refused');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses entities, external DTDs and XInclude without fetching or echoing anything', async () => {
    for (const base of BASES.slice(0, 7)) {
      for (const [, xml] of hostileDocuments(base)) {
        tally.hostile += 1;
        const outcome = await sendAndJudge({ body: xml });
        // An XInclude or a stylesheet instruction is not processed, so its message may still apply.
        if (/<!DOCTYPE/i.test(xml)) expect(outcome).toBe('refused');
      }
    }
    expect(canaryHits).toBe(0);
  });

  it('refuses a 10 MB body, the wrong namespace, content type, method or path with words', async () => {
    const received = BASES[2] as string;
    const big = received.replace(
      '<action>',
      `<padding>${'x'.repeat(10 * 1024 * 1024)}</padding><action>`,
    );
    tally.megabytes += 10;
    for (const sent of [
      { body: big },
      { body: 'y'.repeat(10 * 1024 * 1024), contentType: 'text/xml' },
      {
        body: received.replace(
          'http://illtransactions.org/2013/iso18626',
          'http://illtransactions.org/2017/iso18626',
        ),
      },
      { body: received.replace(/xmlns="[^"]*"/, 'xmlns="http://www.w3.org/1999/xhtml"') },
      { body: received, contentType: 'application/json' },
      { body: received, contentType: 'text/html' },
      { body: received, contentType: null },
      { body: received, method: 'PUT' },
      { body: '', method: 'GET' },
      { body: received, path: '/iso18626/../api/desk.info' },
      { body: received, path: '/ISO18626' },
    ] satisfies Sent[]) {
      expect(await sendAndJudge(sent)).toBe('refused');
    }
  });

  it('still applies a good message after all that', async () => {
    fresh += 1;
    const id = `FZ-AFTER-${fresh}`;
    const outcome = await sendAndJudge({
      body: buildIsoMessage(requestMessage({ id, title: 'The Dispossessed' }), '1.2'),
    });
    expect(outcome).toBe('applied');
    expect(
      desk.rows<{ n: number }>(
        'SELECT count(*) AS n FROM lending_requests WHERE external_id = ?',
        id,
      )[0]?.n,
    ).toBe(1);
    expect(canaryHits).toBe(0);
  });
});
