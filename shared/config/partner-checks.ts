/**
 * The checks a partner's settings need beyond their field types: how the desk reaches the partner
 * must be complete for its protocol. Pure, so the Settings form can say the same thing before
 * saving as the desk says when refusing.
 */

export const EMAIL_ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Loopback and LAN endpoints are normal in testing, so only the scheme and a host are checked. */
export const HTTP_URL = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

export interface PartnerReach {
  readonly protocol: 'iso18626' | 'email';
  readonly endpoint: string | null;
  readonly email: string | null;
}

export interface PartnerProblem {
  readonly path: 'endpoint' | 'email';
  readonly message: string;
}

/** What is missing or malformed in how the desk reaches a partner; empty when nothing is. */
export function partnerReachProblems(partner: PartnerReach): PartnerProblem[] {
  const problems: PartnerProblem[] = [];
  if (partner.protocol === 'iso18626') {
    if (partner.endpoint === null) {
      problems.push({
        path: 'endpoint',
        message:
          "An ISO 18626 partner needs its endpoint: type the partner's ISO 18626 address, such as https://ill.example.edu/iso18626, or choose Email as the protocol.",
      });
    } else if (!HTTP_URL.test(partner.endpoint)) {
      problems.push({
        path: 'endpoint',
        message: `"${partner.endpoint}" is not a web address: write the endpoint as https://host/path.`,
      });
    }
  } else if (partner.email === null) {
    problems.push({
      path: 'email',
      message:
        "An email partner needs its email address: type the partner's resource sharing address, such as ill@library.edu.",
    });
  }
  if (partner.email !== null && !EMAIL_ADDRESS.test(partner.email)) {
    problems.push({
      path: 'email',
      message: `"${partner.email}" is not an email address: write it as name@library.edu.`,
    });
  }
  return problems;
}
