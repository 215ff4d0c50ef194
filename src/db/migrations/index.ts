/** Every migration, in order. Names sort in the order they must run. */
import type { Migration } from 'kysely/migration';
import * as documents from './0001-documents.ts';
import * as consultations from './0002-consultations.ts';
import * as meetings from './0003-meetings.ts';
import * as search from './0004-search.ts';
import * as concepts from './0005-concepts.ts';
import * as stances from './0006-stances.ts';
import * as watches from './0007-watches.ts';
import * as indexQueue from './0008-index-queue.ts';
import * as searchStatistics from './0009-search-statistics.ts';
import * as followers from './0010-followers.ts';
import * as rateLimits from './0011-rate-limits.ts';
import * as tokenLastUse from './0012-token-last-use.ts';
import * as blockMatter from './0013-block-matter.ts';
import * as importDrafts from './0014-import-drafts.ts';
import * as trustVoices from './0015-trust-voices.ts';
import * as transparencyLog from './0016-transparency-log.ts';
import * as mailOutbox from './0017-mail-outbox.ts';
import * as campaigns from './0018-campaigns.ts';
import * as searchRanking from './0019-search-ranking.ts';
import * as contentTranslations from './0020-content-translations.ts';
import * as registry from './0021-registry.ts';
import * as registryCurrent from './0022-registry-current.ts';
import * as tokenScopes from './0023-token-scopes.ts';
import * as keptCounts from './0024-kept-counts.ts';
import * as transparencyHashIndex from './0027-transparency-hash-index.ts';
import * as registrySpanCovering from './0030-registry-span-covering.ts';
import * as registryCellCounts from './0031-registry-cell-counts.ts';
import * as briefingJobs from './0032-briefing-jobs.ts';
import * as tokenUses from './0033-token-uses.ts';
import * as eventsBySubjectTypeAndTime from './0035-events-by-subject-type-and-time.ts';
import * as registryAnswerFiles from './0036-registry-answer-files.ts';
import * as fictionalStates from './0037-fictional-states.ts';
import * as campaignCounts from './0043-campaign-counts.ts';
import * as searchItemFacets from './0044-search-item-facets.ts';
import * as currentSigningKey from './0047-current-signing-key.ts';

/** The migrations by name, for Kysely's Migrator. */
export const migrations: Record<string, Migration> = {
  '0001-documents': documents,
  '0002-consultations': consultations,
  '0003-meetings': meetings,
  '0004-search': search,
  '0005-concepts': concepts,
  '0006-stances': stances,
  '0007-watches': watches,
  '0008-index-queue': indexQueue,
  '0009-search-statistics': searchStatistics,
  '0010-followers': followers,
  '0011-rate-limits': rateLimits,
  '0012-token-last-use': tokenLastUse,
  '0013-block-matter': blockMatter,
  '0014-import-drafts': importDrafts,
  '0015-trust-voices': trustVoices,
  '0016-transparency-log': transparencyLog,
  '0017-mail-outbox': mailOutbox,
  '0018-campaigns': campaigns,
  '0019-search-ranking': searchRanking,
  '0020-content-translations': contentTranslations,
  '0021-registry': registry,
  '0022-registry-current': registryCurrent,
  '0023-token-scopes': tokenScopes,
  '0024-kept-counts': keptCounts,
  '0027-transparency-hash-index': transparencyHashIndex,
  '0030-registry-span-covering': registrySpanCovering,
  '0031-registry-cell-counts': registryCellCounts,
  '0032-briefing-jobs': briefingJobs,
  '0033-token-uses': tokenUses,
  '0035-events-by-subject-type-and-time': eventsBySubjectTypeAndTime,
  '0036-registry-answer-files': registryAnswerFiles,
  '0037-fictional-states': fictionalStates,
  '0043-campaign-counts': campaignCounts,
  '0044-search-item-facets': searchItemFacets,
  '0047-current-signing-key': currentSigningKey,
};
