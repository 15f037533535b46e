import { useEffect } from 'react';
import type { RequestDetail } from '../../../shared/api/contract.ts';
import { useDesk } from '../../app/use-desk.ts';
import type { LendingActionTarget } from './lending-action-kinds.ts';
import { LendingActionsMenu } from './LendingRowActionsMenu.tsx';

/**
 * The lending request's row actions in its detail view: the same menu as in the task list, with
 * the actions the desk offers now (read again whenever the request changes).
 */
export function LendingDetailActions({ request }: { request: RequestDetail }) {
  const task = useDesk((state) => state.lendingActions.detailTask);
  const load = useDesk((state) => state.loadDetailTask);
  const { requestId, updatedAt, status } = request;

  useEffect(() => {
    void load(requestId);
  }, [load, requestId, updatedAt, status]);

  if (task?.requestId !== requestId) return null;
  const target: LendingActionTarget = {
    requestId,
    title: request.title,
    author: request.author,
    partnerName: request.partner.name,
    statusLabel: request.statusLabel,
    itemBarcode: request.item?.barcode ?? null,
    dueDate: request.dueDate,
    requestedFormat: task.requestedFormat,
    levelOfService: task.levelOfService,
    neededBy: request.neededBy,
    actions: task.actions,
  };
  return (
    <section className="request-actions-section" aria-labelledby="lending-actions-heading">
      <h2 id="lending-actions-heading">Lending actions</h2>
      <LendingActionsMenu target={target} />
    </section>
  );
}
