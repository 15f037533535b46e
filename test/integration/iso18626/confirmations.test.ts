import { describe, expect, it } from 'vitest';
import {
  buildConfirmation,
  confirmationFor,
  ISO_VERSIONS,
  outgoingIsoMessage,
  parseConfirmation,
  parseIsoMessage,
  type ErrorData,
} from '../../../electron/messaging/iso18626/index.ts';
import { BUFFALO, OUR_AGENCY, outgoingCase } from '../../helpers/iso18626-bodies.ts';
import { validateAgainstXsd } from '../../helpers/iso18626-schemas.ts';

/** The three confirmations, OK and ERROR, in both versions (issue 7, parts 1 and 3). */

const TIMES = { timestamp: '2026-11-23T12:00:05.250Z', timestampReceived: '2026-11-23T12:00:04Z' };
const ERROR: ErrorData = {
  errorType: 'UnrecognisedDataValue',
  errorValue: 'No lending request has the ID B-9999; check the requestingAgencyRequestId.',
};

const answered = [
  { kind: 'requestConfirmation', body: outgoingCase('Request') },
  { kind: 'requestingAgencyMessageConfirmation', body: outgoingCase('Received') },
  { kind: 'supplyingAgencyMessageConfirmation', body: outgoingCase('Loaned') },
] as const;

const runs = ISO_VERSIONS.flatMap((version) =>
  answered.flatMap((a) => [null, ERROR].map((error) => ({ ...a, version, error }))),
).map((run, i, all) => ({
  ...run,
  label: `${i + 1} of ${all.length}: ${run.kind} ${run.error ? 'ERROR' : 'OK'}, ${run.version}`,
}));

describe('confirmations', () => {
  it.each(runs)('$label validates against its XSD and reads back as built', (run) => {
    const message = outgoingIsoMessage(
      run.body,
      { ...BUFFALO, isoVersion: run.version },
      OUR_AGENCY,
    );
    const confirmation = confirmationFor(message, run.error, TIMES);
    expect(confirmation.kind).toBe(run.kind);
    const xml = buildConfirmation(confirmation, run.version);
    expect(validateAgainstXsd(xml, run.version).report).toBe('- validates');
    expect(parseConfirmation(xml)).toMatchObject({ ok: true, message: confirmation });
  });

  it('echoes the agencies, the request ID and the action, with the times to the second', () => {
    const received = outgoingIsoMessage(outgoingCase('Received'), BUFFALO, OUR_AGENCY);
    expect(confirmationFor(received, null, TIMES)).toEqual({
      kind: 'requestingAgencyMessageConfirmation',
      confirmationHeader: {
        supplyingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: 'US-NBUU' },
        requestingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: 'US-NALBU' },
        timestamp: '2026-11-23T12:00:05Z',
        requestingAgencyRequestId: 'B-1001',
        timestampReceived: '2026-11-23T12:00:04Z',
        messageStatus: 'OK',
      },
      action: 'Received',
    });
  });

  it('answers a supplying agency message with its reasonForMessage, and an ERROR with errorData', () => {
    const loaned = outgoingIsoMessage(outgoingCase('Loaned'), BUFFALO, OUR_AGENCY);
    expect(confirmationFor(loaned, ERROR, TIMES)).toMatchObject({
      kind: 'supplyingAgencyMessageConfirmation',
      confirmationHeader: { messageStatus: 'ERROR', requestingAgencyRequestId: 'B-5512' },
      reasonForMessage: 'StatusChange',
      errorData: ERROR,
    });
  });

  it('answers a refused message with what could be read of it, in both versions', () => {
    const refused = parseIsoMessage(
      `<requestingAgencyMessage xmlns="http://illtransactions.org/2013/iso18626"><header>
        <supplyingAgencyId><agencyIdType>ISIL</agencyIdType><agencyIdValue>US-NALBU</agencyIdValue></supplyingAgencyId>
        <requestingAgencyId><agencyIdType>ISIL</agencyIdType><agencyIdValue>US-NBUU</agencyIdValue></requestingAgencyId>
        <timestamp>2026-11-23T12:00:00Z</timestamp><requestingAgencyRequestId>B-5512</requestingAgencyRequestId>
        </header><action>Pause</action></requestingAgencyMessage>`,
    );
    if (refused.ok) throw new Error('expected a refusal');
    const confirmation = confirmationFor(refused.echo, refused, TIMES);
    expect(confirmation).toEqual({
      kind: 'requestingAgencyMessageConfirmation',
      confirmationHeader: {
        supplyingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: 'US-NALBU' },
        requestingAgencyId: { agencyIdType: 'ISIL', agencyIdValue: 'US-NBUU' },
        timestamp: '2026-11-23T12:00:05Z',
        requestingAgencyRequestId: 'B-5512',
        timestampReceived: '2026-11-23T12:00:04Z',
        messageStatus: 'ERROR',
      },
      errorData: {
        errorType: 'UnsupportedActionType',
        errorValue: 'action "Pause" is not one ISO 18626 knows.',
      },
    });
    for (const version of ISO_VERSIONS) {
      expect(validateAgainstXsd(buildConfirmation(confirmation, version), version).valid).toBe(
        true,
      );
    }
  });

  it('answers text that was not XML at all with a bare requestConfirmation ERROR that still validates', () => {
    const refused = parseIsoMessage('hello');
    if (refused.ok) throw new Error('expected a refusal');
    const confirmation = confirmationFor(refused.echo, refused, TIMES);
    expect(confirmation).toMatchObject({
      kind: 'requestConfirmation',
      confirmationHeader: { messageStatus: 'ERROR' },
      errorData: { errorType: 'BadlyFormedMessage' },
    });
    for (const version of ISO_VERSIONS) {
      expect(validateAgainstXsd(buildConfirmation(confirmation, version), version).valid).toBe(
        true,
      );
    }
  });
});
