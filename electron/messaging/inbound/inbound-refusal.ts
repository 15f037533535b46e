import type { IsoErrorType } from '../iso18626/index.ts';

/**
 * A message the desk will not apply. Thrown inside the message's transaction, so nothing it began
 * is kept; the listener answers with an ERROR confirmation carrying `errorType` and `errorValue`
 * (words for the partner's staff) and writes `logLine` (words for ours) to the server log.
 */
export class InboundRefusal extends Error {
  override readonly name = 'InboundRefusal';
  readonly errorType: IsoErrorType;
  readonly errorValue: string;
  /** For our server log; the partner's words when not given. */
  readonly logLine: string;

  constructor(errorType: IsoErrorType, errorValue: string, logLine: string = errorValue) {
    super(errorValue);
    this.errorType = errorType;
    this.errorValue = errorValue;
    this.logLine = logLine;
  }
}
