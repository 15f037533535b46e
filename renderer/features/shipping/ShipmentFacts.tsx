import type { PendingShipment } from './shipping-decision.ts';

/** Title, partner, item barcode, location and call number of a request being shipped. */
export function ShipmentFacts({ pending }: { pending: PendingShipment }) {
  const { request } = pending;
  return (
    <dl className="dialog-facts">
      <div>
        <dt>Title</dt>
        <dd>
          {request.title}
          {request.author ? ` · ${request.author}` : ''}
        </dd>
      </div>
      <div>
        <dt>Partner</dt>
        <dd>
          {request.partnerName} ({request.partnerCode})
        </dd>
      </div>
      <div>
        <dt>Request</dt>
        <dd className="code">
          {request.requestId} · External Identifier {request.externalId} · {request.statusLabel}
        </dd>
      </div>
      <div>
        <dt>Item barcode</dt>
        <dd className="code">
          {pending.itemBarcode ?? request.itemBarcode ?? 'Not known yet'}
          {pending.itemBarcode === null && request.itemBarcode !== null ? ' (expected)' : ''}
        </dd>
      </div>
      <div>
        <dt>Location</dt>
        <dd>
          {request.location ?? 'Not known'}
          {request.callNumber ? ` · ${request.callNumber}` : ''}
        </dd>
      </div>
    </dl>
  );
}
