import { z } from 'zod';

/**
 * ISO 18626 (DESIGN.md §9): who this desk is to its partners, and the opt-in listener partners
 * send their messages to. A partner is known by its symbol; this is ours, the agency id every
 * outgoing message carries and every incoming one is addressed to.
 */

/** A host name or IP address to listen on: letters, digits, dots, hyphens and IPv6 colons. */
const HOST = /^[A-Za-z0-9.:-]+$/;

export const iso18626Settings = z.object({
  /** The scheme of our agency id: ISIL for most libraries, or an OCLC or consortium symbol type. */
  agencyIdType: z.string().trim().min(1).max(50).default('ISIL'),
  /**
   * Our agency id (e.g. US-DLC); partners set it as our symbol. Empty until the library sets it:
   * then the listener accepts messages addressed to any agency.
   */
  agencyIdValue: z.string().trim().max(100).default(''),
  /** Partners may send ISO 18626 messages to this desk (POST /iso18626 on its own port). */
  listenerEnabled: z.boolean().default(false),
  /**
   * The address the listener binds. 127.0.0.1 keeps it to this machine (a reverse proxy in front);
   * 0.0.0.0 opens it to the network, which is a deliberate choice.
   */
  listenHost: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .regex(HOST, {
      error: 'Write the listen address as a host name or IP address, e.g. 127.0.0.1 or 0.0.0.0.',
    })
    .default('127.0.0.1'),
  /** The listener's port; 0 picks a free one (tests). Partners need a fixed one in real use. */
  port: z.number().int().min(0).max(65535).default(0),
  /** The largest message accepted, in bytes; a longer one is answered with an ERROR confirmation. */
  maxBodyBytes: z.number().int().min(4096).max(20_000_000).default(1_000_000),
});
export type Iso18626Settings = z.output<typeof iso18626Settings>;
