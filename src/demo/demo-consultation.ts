/**
 * The demo consultation: invented organisations of every stakeholder group comment on the
 * illustrative OEWG pre-draft (one on a quoted span, two jointly), a moderator decides, Rev.1
 * carries the comments over, and a second period is open on Rev.1. No words are attributed to
 * any real State or organisation: every organisation here is invented and says so.
 */
import { grantRole, signUp } from '../accounts/accounts.service.ts';
import { operatorViewer, type Viewer } from '../accounts/accounts.schema.ts';
import { openCommentPeriod } from '../consultations/consultations.service.ts';
import { utcToZonedTime } from '../consultations/time-zones.ts';
import type { Db } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import { findDocument, listBlocks } from '../documents/documents.store.ts';
import { insertOrganisation } from '../organisations/organisations.store.ts';
import type { StakeholderGroup } from '../organisations/organisations.schema.ts';
import { findProcess } from '../processes/processes.store.ts';
import { alignWithPrevious } from '../revisions/revisions.service.ts';
import {
  answerCosignature,
  moderateSubmission,
  submitComment,
} from '../submissions/submissions.service.ts';

/** The password of every demo account (documented in the README; the demo is for trying plenum out). */
export const demoPassword = 'plenum-demo-2026';

const organisations: {
  key: string;
  name: string;
  group: StakeholderGroup;
  country: string | null;
  verified: boolean;
}[] = [
  {
    key: 'gov',
    name: 'Ministry of External Affairs of Demoland (fictional State)',
    group: 'government',
    country: null,
    verified: true,
  },
  {
    key: 'igo',
    name: 'Inter-Regional Telecommunication Cooperation Office (fictional)',
    group: 'igo',
    country: null,
    verified: true,
  },
  {
    key: 'private',
    name: 'Northwind Hosting Alliance (fictional)',
    group: 'private_sector',
    country: 'DEU',
    verified: true,
  },
  {
    key: 'civil',
    name: 'Open Networks for All (fictional)',
    group: 'civil_society',
    country: 'KEN',
    verified: true,
  },
  {
    key: 'tech',
    name: 'Resolver Operators Guild (fictional)',
    group: 'technical_community',
    country: 'BRA',
    verified: true,
  },
  {
    key: 'academia',
    name: 'Institute for Network Policy Studies (fictional)',
    group: 'academia',
    country: 'IND',
    verified: false,
  },
];

/** What the demo consultation made. */
export interface DemoConsultation {
  accounts: number;
  organisations: number;
  submissions: number;
}

/** Adds the demo consultation to a database that already holds the demo processes and documents. */
export async function loadDemoConsultation(db: Db): Promise<DemoConsultation> {
  const process = await findProcess(db, { slug: 'oewg' });
  const document = await findDocument(db, { symbol: 'DEMO/OEWG/2026/1' });
  const preDraft = document?.versions.find((v) => v.seq === 1);
  const rev1 = document?.versions.find((v) => v.seq === 2);
  if (!process || !document || !preDraft || !rev1)
    throw new Error('the demo documents must be loaded first');

  const made = new Map<string, Viewer>();
  const account = async (key: string, name: string, isAdmin = false): Promise<Viewer> => {
    const a = await signUp(
      db,
      { email: `${key}@demo.plenum.example`, name, password: demoPassword },
      { isAdmin, actor: 'demo' },
    );
    const viewer: Viewer = {
      id: a.id,
      email: a.email,
      name: a.name,
      isAdmin,
      grants: [],
      via: 'session',
    };
    made.set(key, viewer);
    return viewer;
  };
  await account('admin', 'Demo administrator', true);
  const secretariat = await account('secretariat', 'Demo secretariat officer');
  const moderator = await account('moderator', 'Demo moderator');
  await grantRole(
    db,
    { email: secretariat.email, role: 'secretariat', scopeId: process.id },
    'demo',
  );
  await grantRole(db, { email: moderator.email, role: 'moderator', scopeId: process.id }, 'demo');
  secretariat.grants.push({ role: 'secretariat', scopeId: process.id });
  moderator.grants.push({ role: 'moderator', scopeId: process.id });

  const orgIds = new Map<string, string>();
  const reps = new Map<string, Viewer>();
  const at = '2026-09-01T09:00:00.000Z';
  for (const o of organisations) {
    const id = newId();
    const slug = o.name
      .toLowerCase()
      .replace(/\(fictional.*\)/, '')
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    // Inserted directly: the demo's government belongs to a fictional State, which no form accepts.
    await insertOrganisation(db, {
      id,
      slug,
      name: o.name,
      stakeholder_group: o.group,
      country: o.country,
      website: null,
      verified_at: o.verified ? at : null,
      verified_by: o.verified ? secretariat.id : null,
      verification_kind: o.verified ? 'letter' : null,
      verification_reason: o.verified ? 'Letter of accreditation (demo).' : null,
      created_by: 'demo',
      created_at: at,
    });
    orgIds.set(o.key, id);
    const rep = await account(o.key, `Representative, ${o.name.replace(/ \(fictional.*\)/, '')}`);
    await grantRole(db, { email: rep.email, role: 'representative', scopeId: id }, 'demo');
    rep.grants.push({ role: 'representative', scopeId: id });
    reps.set(o.key, rep);
  }

  // The first round, on the pre-draft: open in September, closed in October.
  const round1 = await openCommentPeriod(
    db,
    secretariat,
    process.id,
    {
      versionId: preDraft.id,
      title: 'Written comments on the illustrative pre-draft',
      description:
        'The Chair invites all stakeholders to comment on the pre-draft, paragraph by paragraph or as a whole. Comments are published after review.',
      opensAt: '2026-09-01T09:00',
      closesAt: '2026-10-15T18:00',
      timeZone: 'America/New_York',
      moderation: 'review',
    },
    new Date('2026-08-28T12:00:00Z'),
  );
  const preDraftBlocks = await listBlocks(
    db,
    preDraft.languages.find((l) => l.language === 'en')!.id,
  );
  const blocksOf = async (address: string) => {
    const block = preDraftBlocks.find((b) => b.address === address);
    if (!block) throw new Error(`the demo pre-draft has no ${address}`);
    return block;
  };
  const p6 = await blocksOf('para 6');
  const p8 = await blocksOf('para 8');
  const p5 = await blocksOf('para 5');
  const p9a = await blocksOf('para 9(a)');
  const p3 = await blocksOf('para 3');
  let n = 0;
  const submit = async (key: string, when: string, input: Record<string, unknown>) => {
    n += 1;
    return submitComment(
      db,
      reps.get(key)!,
      round1.id,
      { organisationId: orgIds.get(key), idempotencyKey: `demo-submission-${n}`, ...input },
      [],
      new Date(when),
    );
  };
  const spanQuote = p6.text.includes('general availability')
    ? 'general availability'
    : p6.text.split(' ').slice(3, 8).join(' ');
  const s1 = await submit('civil', '2026-09-10T14:20:00Z', {
    body: 'We support articulating this norm. The words "general availability" should be read to include availability for every user, not only for large networks.',
    anchors: [{ blockId: p6.id, exact: spanQuote }],
  });
  const s2 = await submit('tech', '2026-09-18T08:05:00Z', {
    body: 'Paragraph 8 correctly describes the coordination of the unique identifier system. We suggest adding that the root server system is operated by several independent organisations.',
    anchors: [{ blockId: p8.id }],
    cosigners: [orgIds.get('academia')],
  });
  const s3 = await submit('private', '2026-09-25T16:40:00Z', {
    body: 'Les hébergeurs souhaitent que le paragraphe 5 mentionne aussi les opérateurs de centres de données, qui sont souvent les premiers à constater les incidents.',
    language: 'fr',
    anchors: [{ blockId: p5.id }],
  });
  const s4 = await submit('igo', '2026-10-02T10:00:00Z', {
    body: 'Cooperation in responding to incidents, as in sub-paragraph (a) and the following, could build on existing regional computer emergency response arrangements.',
    anchors: [{ blockId: p9a.id }],
  });
  const s5 = await submit('gov', '2026-10-09T11:30:00Z', {
    title: 'General comment',
    body: 'Demoland welcomes the pre-draft and looks forward to the revised version. (This is an invented demo State.)',
  });
  const spam = await submit('academia', '2026-10-12T03:00:00Z', {
    body: 'Visit our website for cheap conference tickets!!!',
    anchors: [{ blockId: p3.id }],
  });

  const moderatedAt = new Date('2026-10-16T10:00:00Z');
  await answerCosignature(
    db,
    reps.get('academia')!,
    s2.submissionId,
    orgIds.get('academia')!,
    true,
    new Date('2026-09-19T09:00:00Z'),
  );
  for (const s of [s1, s2, s3, s4, s5])
    await moderateSubmission(db, moderator, s.submissionId, { action: 'publish' }, moderatedAt);
  await moderateSubmission(
    db,
    moderator,
    spam.submissionId,
    { action: 'reject', reason: 'spam' },
    moderatedAt,
  );

  // Rev.1 arrived after the first round: carry its comments over.
  const rev1En = rev1.languages.find((l) => l.language === 'en');
  if (rev1En) await alignWithPrevious(db, rev1En.id, 'demo');

  // The second round, on Rev.1: open from a week before the demo is loaded to 60 days after, so
  // whoever tries the demo can comment.
  const now = new Date();
  const wallClock = (d: Date) => utcToZonedTime(d, 'America/New_York');
  await openCommentPeriod(
    db,
    operatorViewer,
    process.id,
    {
      versionId: rev1.id,
      title: 'Written comments on Rev.1',
      description: 'Comments on the revised draft are published at once.',
      opensAt: wallClock(new Date(now.getTime() - 7 * 86_400_000)),
      closesAt: wallClock(new Date(now.getTime() + 60 * 86_400_000)),
      timeZone: 'America/New_York',
      moderation: 'immediate',
    },
    now,
  );
  return { accounts: made.size, organisations: organisations.length, submissions: n };
}
