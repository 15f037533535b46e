/**
 * The checks an import file needs the desk for: what its requests refer to (a partner or patron
 * may be in the file or already in the desk) and the workflow profiles its partners name. Pure:
 * the importer passes in what the desk holds.
 */
import {
  DEFAULT_BORROWING_PROFILE,
  DEFAULT_LENDING_PROFILE,
  type ProfileType,
} from '../domain/workflow-profiles.ts';
import {
  IMPORT_SECTIONS,
  type ImportDocument,
  type ImportSection,
  type PartnerRecord,
  type ProfileRecord,
} from './import-format.ts';
import { identifierKey, type ImportProblem } from './import-problems.ts';

/** What the desk already holds, for references the file does not satisfy itself. */
export interface DeskKeys {
  hasPartner(code: string): boolean;
  hasPatron(id: string): boolean;
}

/** A request's partner, and a borrowing request's patron, must be in the file or in the desk. */
export function findReferenceProblems(doc: ImportDocument, desk: DeskKeys): ImportProblem[] {
  const partners = new Set(doc.partners.map((p) => identifierKey(p.code)));
  const patrons = new Set(doc.patrons.map((p) => identifierKey(p.id)));
  const problems: ImportProblem[] = [];
  const checkPartner = (section: ImportSection, index: number, code: string) => {
    if (!partners.has(identifierKey(code)) && !desk.hasPartner(code)) {
      problems.push({
        path: `${section}[${index}].partner`,
        message: `"${code}" is not a partner in this file or in this desk — add it to "partners" or use an existing partner's code`,
      });
    }
  };
  doc.borrowingRequests.forEach((r, index) => {
    checkPartner('borrowingRequests', index, r.partner);
    if (!patrons.has(identifierKey(r.patron)) && !desk.hasPatron(r.patron)) {
      problems.push({
        path: `borrowingRequests[${index}].patron`,
        message: `"${r.patron}" is not a patron in this file or in this desk — add the patron to "patrons" or use an existing patron id`,
      });
    }
  });
  doc.lendingRequests.forEach((r, index) => checkPartner('lendingRequests', index, r.partner));
  return problems;
}

export interface ProfileRef {
  readonly id: number;
  readonly name: string;
  readonly type: ProfileType;
}

/** A partner's two profile fields, the type each needs, and the seed's profile when it names none. */
export const PROFILE_FIELDS = [
  ['lendingWorkflow', 'LENDING', DEFAULT_LENDING_PROFILE.name],
  ['borrowingWorkflow', 'BORROWING', DEFAULT_BORROWING_PROFILE.name],
] as const;

/** The profile a partner's field names (any letter case), or the default when it names none. */
export function resolveProfile(
  profiles: readonly ProfileRef[],
  partner: PartnerRecord,
  field: (typeof PROFILE_FIELDS)[number][0],
): ProfileRef | undefined {
  const fallback = PROFILE_FIELDS.find(([f]) => f === field)?.[2] ?? '';
  const wanted = (partner[field] ?? fallback).toLowerCase();
  return profiles.find((profile) => profile.name.toLowerCase() === wanted);
}

/** A named profile must exist in the desk and be of the field's type. */
export function findProfileProblems(
  partners: readonly PartnerRecord[],
  profiles: readonly ProfileRef[],
): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const names = profiles.map((profile) => profile.name).join(', ') || 'none yet';
  partners.forEach((partner, i) => {
    for (const [field, type, fallback] of PROFILE_FIELDS) {
      const name = partner[field];
      if (name === undefined) continue;
      const profile = resolveProfile(profiles, partner, field);
      const path = `partners[${i}].${field}`;
      if (!profile) {
        problems.push({
          path,
          message: `"${name}" is not a workflow profile in this desk (it has: ${names}) — use one of those or leave the field out for "${fallback}"`,
        });
      } else if (profile.type !== type) {
        problems.push({
          path,
          message: `"${name}" is a ${profile.type.toLowerCase()} profile — ${field} needs a ${type.toLowerCase()} profile such as "${fallback}"`,
        });
      }
    }
  });
  return problems;
}

/** The desk's profiles as they will be once the file's are written (new ones without an id yet). */
export function withFileProfiles(
  desk: readonly ProfileRef[],
  file: readonly ProfileRecord[],
): ProfileRef[] {
  const added = file
    .filter((p) => !desk.some((d) => d.name.toLowerCase() === p.name.toLowerCase()))
    .map((p) => ({ id: -1, name: p.name, type: p.type }));
  return [...desk, ...added];
}

/** A profile the desk has already keeps its type: partners follow it as that type. */
export function findProfileTypeProblems(
  file: readonly ProfileRecord[],
  desk: readonly ProfileRef[],
): ImportProblem[] {
  return file.flatMap((profile, i) => {
    const held = desk.find((d) => d.name.toLowerCase() === profile.name.toLowerCase());
    if (!held || held.type === profile.type) return [];
    return [
      {
        path: `workflowProfiles[${i}].type`,
        message: `"${held.name}" is a ${held.type.toLowerCase()} profile in this desk — keep its type, or give the ${profile.type.toLowerCase()} profile another name`,
      },
    ];
  });
}

/** Problems sorted by array, then record, so a long refusal reads down the file. */
export function inFileOrder(problems: readonly ImportProblem[]): ImportProblem[] {
  const rank = (path: string): [number, number] => {
    const match = /^(\w+)\[(\d+)\]/.exec(path);
    const section = (IMPORT_SECTIONS as readonly string[]).indexOf(match?.[1] ?? '');
    return [section, Number(match?.[2] ?? -1)];
  };
  return problems
    .map((problem, order) => ({ problem, order, at: rank(problem.path) }))
    .sort((a, b) => a.at[0] - b.at[0] || a.at[1] - b.at[1] || a.order - b.order)
    .map((entry) => entry.problem);
}
