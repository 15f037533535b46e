/** The Request ID cell's control: opens the request's detail view; focus comes back here. */
export function RequestIdButton({ requestId, onOpen }: { requestId: string; onOpen: () => void }) {
  return (
    <button type="button" className="link-button" data-request-id={requestId} onClick={onOpen}>
      <span className="visually-hidden">Open request </span>
      {requestId}
    </button>
  );
}
