import type { DeskInfo } from '../../shared/api/contract.ts';
import { countPartners } from '../../db/repositories/partners-repository.ts';
import { countRequests } from '../../db/repositories/requests-repository.ts';
import { getSetting } from '../../db/repositories/settings-repository.ts';
import type { DeskContext } from './desk-context.ts';

/** The status bar's and Settings' view of this desk. */
export async function getDeskInfo(ctx: DeskContext): Promise<DeskInfo> {
  return ctx.gate.read(async (db) => ({
    institution: await getSetting(db, 'institution'),
    deskName: await getSetting(db, 'deskName'),
    version: ctx.version,
    mode: ctx.mode,
    dataDir: ctx.dataDir,
    printer: ctx.printer,
    counts: { partners: await countPartners(db), ...(await countRequests(db)) },
  }));
}
