/**
 * The JSON API as TypeScript types, for openapi-fetch (see docs/API.md). Generated from
 * /api/openapi.json by `npm run api:types`: do not edit.
 */
export interface paths {
  '/api/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** List your API tokens, newest first (never their secrets) */
    get: operations['tokens'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tokens/{id}/uses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The latest uses of one of your API tokens (its last 100), newest first: when, the method, the route's pattern, the status answered; another account's token is not found */
    get: operations['tokensByIdUses'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tokens/{id}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke one of your API tokens (any of your live tokens may, itself included) */
    post: operations['postTokensByIdRevoke'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The processes by name (then id), a page at a time */
    get: operations['processes'];
    put?: never;
    /** Make a process (administrators), as `plenum process add` does; its slug, name, short name and aliases all find it */
    post: operations['postProcesses'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes/{process}/translations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Save translations of a process’s name and mandate, its periods’ titles and its versions’ labels (the secretariat); an empty text removes one */
    post: operations['postProcessesByProcessTranslations'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/versions/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Make a version in preparation public (the secretariat); a public one stays as it is */
    post: operations['postVersionsByIdPublish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes/{process}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A process with its documents, versions and languages */
    get: operations['processesByProcess'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes/{process}/documents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The documents of a process with their versions and languages, oldest first (by creation, then id), a page at a time */
    get: operations['processesByProcessDocuments'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/documents': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Find a document by its UN symbol */
    get: operations['documents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/documents/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A document with its versions and their languages */
    get: operations['documentsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/versions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A version with the languages it exists in */
    get: operations['versionsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/versions/{id}/blocks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The blocks of a version in one language (English, else the first, by default) */
    get: operations['versionsByIdBlocks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/language-versions/{id}/blocks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The blocks of a language version, in reading order */
    get: operations['languageVersionsByIdBlocks'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/blocks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One block by its stable id */
    get: operations['blocksById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/language-versions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A language version with its import report */
    get: operations['languageVersionsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes/{process}/import-drafts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Upload a file as a new document, a new version or a new language of a version: answers the draft to check, correct and publish */
    post: operations['postProcessesByProcessImportDrafts'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/import-drafts/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** An open import draft: its blocks as parsed and corrected, its warnings (the secretariat) */
    get: operations['importDraftsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/import-drafts/{id}/corrections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Correct a block of an import draft: its kind or number, join it to the next, split it, link a footnote */
    post: operations['postImportDraftsByIdCorrections'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/import-drafts/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Store an import draft as its language version: answers the import report */
    post: operations['postImportDraftsByIdPublish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/import-drafts/{id}/discard': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Discard an import draft: nothing of it is published */
    post: operations['postImportDraftsByIdDiscard'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organisations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The registered organisations by name, a page at a time */
    get: operations['organisations'];
    put?: never;
    /** Register an organisation (any signed-in account; a government names its State, one per State); answers with it, unverified */
    post: operations['postOrganisations'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organisations/{ref}/representatives': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a representative to an organisation by the e-mail address of their account (a representative of the organisation); answers with the organisation */
    post: operations['postOrganisationsByRefRepresentatives'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organisations/{ref}/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Verify an organisation with the kind of proof and its reference (a secretariat or an administrator) */
    post: operations['postOrganisationsByRefVerify'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organisations/{ref}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke an organisation's verification, with the reason */
    post: operations['postOrganisationsByRefRevoke'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organisations/{ref}/representatives/{accountId}/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Verify a representative of an organisation, with the kind of proof and its reference */
    post: operations['postOrganisationsByRefRepresentativesByAccountIdVerify'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organisations/{ref}/representatives/{accountId}/revoke': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revoke a representative's verification, with the reason */
    post: operations['postOrganisationsByRefRepresentativesByAccountIdRevoke'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/concepts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The taxonomy: every concept with its names, terms and how many passages mention it */
    get: operations['concepts'];
    put?: never;
    /** Add a concept to the taxonomy (administrators): a slug, a broader concept, its names */
    post: operations['postConcepts'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/concepts/{slug}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A concept with the newest passages that mention it or a narrower concept (by date, then source id), a page of them at a time */
    get: operations['conceptsBySlug'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/concepts/{slug}/terms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Add a term to a concept (administrators); the passages already indexed that use it are tagged */
    post: operations['postConceptsBySlugTerms'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/concepts/{slug}/terms/{term}/delete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Remove a term from a concept (administrators); passages are tagged again without it */
    post: operations['postConceptsBySlugTermsByTermDelete'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stances': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Record a stance: an actor on a concept, with the exact words quoted from a passage */
    post: operations['postStances'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/stances/{id}/delete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Remove a stance (its recorder or an administrator) */
    post: operations['postStancesByIdDelete'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/countries/{code}/stances': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The stances recorded for a state, oldest first (by the day said, then id), a page at a time */
    get: operations['countriesByCodeStances'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registry/terms': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The elements of the public core and the kinds of measure, in the six UN languages */
    get: operations['registryTerms'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registry/terms/{slug}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Edit an element or a kind of measure, or add one (administrators) */
    post: operations['postRegistryTermsBySlug'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registry/measures': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The measures that match the filters, each as it stood at `at` (now when absent), by country then id, a page at a time */
    get: operations['registryMeasures'];
    put?: never;
    /** Record a national measure; asState only for a verified representative of the State's verified government */
    post: operations['postRegistryMeasures'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registry/measures/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A measure as it stood at `at` (now when absent), with every version up to then */
    get: operations['registryMeasuresById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registry/measures/{id}/versions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Revise a measure: a new version, the earlier ones kept and readable */
    post: operations['postRegistryMeasuresByIdVersions'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registry/countries/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A State's practice at `at` (now when absent): its own word and what others report, apart */
    get: operations['registryCountriesByCode'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registry/matrix': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The matrix of States × elements (measures per cell, by status) and the fragmentation indicator with its inputs */
    get: operations['registryMatrix'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registry/map': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The world map's data: each member State's category on an element (or its regional group's indicator) and the indicator's inputs, as /registry/map draws them */
    get: operations['registryMap'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registry/pair': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Two States' practice side by side at `at` (now when absent), element by element: each one's measures, the kinds only one has, and the conflicts by the rules /registry/pair states */
    get: operations['registryPair'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registry/timeline': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Standing measures (at `at`, now when absent) that entered into force, per year and element, as /registry/timeline shows them */
    get: operations['registryTimeline'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes/{process}/registry-rounds': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Open a questionnaire round on the registry (the process’s secretariat) */
    post: operations['postProcessesByProcessRegistryRounds'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registry-rounds/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A questionnaire round: its questions, the administrations invited, its state */
    get: operations['registryRoundsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registry-rounds/{id}/answers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Save (submit: false) or submit an administration's answer (a verified representative of an invited government) */
    post: operations['postRegistryRoundsByIdAnswers'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registry-rounds/{id}/status': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who answered a round, who saved only a draft, who did not answer (the secretariat) */
    get: operations['registryRoundsByIdStatus'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registry-rounds/{id}/more-time': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask for more time (a verified representative of an invited State's verified government) */
    post: operations['postRegistryRoundsByIdMoreTime'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registry-rounds/{id}/extensions/{country}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Give an administration that asked for more time a new closing, in the round's time zone (the secretariat) */
    post: operations['postRegistryRoundsByIdExtensionsByCountry'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registry-rounds/{id}/reminders': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** E-mail a reminder to the invited administrations that have not submitted and can still answer (the secretariat) */
    post: operations['postRegistryRoundsByIdReminders'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registry/answer-files/{id}/import': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Import a legal text attached to a submitted answer as a document of the round's process (the secretariat): an import draft to correct and publish through the import-draft operations, after which measures cite its paragraphs */
    post: operations['postRegistryAnswerFilesByIdImport'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registry-rounds/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Publish a closed round: the measures of submitted answers become registry entries */
    post: operations['postRegistryRoundsByIdPublish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/watches': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your watches, oldest first, a page at a time (their feed addresses are not shown again) */
    get: operations['watches'];
    put?: never;
    /** Make a watch: words and/or concepts, with optional filters, e-mail digest and webhook */
    post: operations['postWatches'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/watches/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change a watch of yours (the whole watch, as when made); its feed address stays */
    post: operations['postWatchesById'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/watches/{id}/feed-key': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Give a watch of yours a new feed address; the old one stops working */
    post: operations['postWatchesByIdFeedKey'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/watches/{id}/delete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Delete a watch of yours, with its matches and deliveries */
    post: operations['postWatchesByIdDelete'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/briefings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Your briefing jobs, oldest first, a page at a time */
    get: operations['briefings'];
    put?: never;
    /** Ask for a briefing paper: answers 202 with the job to poll (Location); drafted in the background */
    post: operations['postBriefings'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/briefings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A briefing job of yours: its status, why it failed, or where its paper is */
    get: operations['briefingsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/countries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The member and observer States by UN regional group, each with what it said (the counts of the /countries page) */
    get: operations['countries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/countries/{code}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A State: what its verified government said and the stances recorded for it, counted, and the processes it took part in */
    get: operations['countriesByCode'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes/{process}/consultations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The comment periods of a process, newest first (by opening, then id), a page at a time */
    get: operations['processesByProcessConsultations'];
    put?: never;
    /** Open a comment period on a version (the secretariat); times are wall-clock in the zone */
    post: operations['postProcessesByProcessConsultations'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/consultations/{id}/extend': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Extend a comment period: a later closing time and the reason (the secretariat) */
    post: operations['postConsultationsByIdExtend'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/consultations/{id}/close': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Close an open comment period now, before its time, with the reason (the secretariat); it then takes no submission */
    post: operations['postConsultationsByIdClose'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/consultations/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A comment period, its state by the server clock, and its counts */
    get: operations['consultationsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/consultations/{id}/submissions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Published submissions of a comment period, newest first, 50 a page (`nextCursor` as `cursor`, or `next` as `before`) */
    get: operations['consultationsByIdSubmissions'];
    put?: never;
    /** Submit a comment (API token of a representative of the organisation, or of a person submitting as themselves or anonymously where the period allows); answers with the receipt once committed */
    post: operations['postConsultationsByIdSubmissions'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/versions/{id}/akn': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A version in Akoma Ntoso 3.0 XML (AKN4UN), one file per language */
    get: operations['versionsByIdAkn'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/consultations/{id}/annotations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A period's published comments as a W3C Web Annotation collection */
    get: operations['consultationsByIdAnnotations'];
    put?: never;
    /** Import another tool's W3C Web Annotations as an organisation's comments (the process's secretariat) */
    post: operations['postConsultationsByIdAnnotations'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes/{process}/meetings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The meetings of a process, earliest first (by start, then id), a page at a time */
    get: operations['processesByProcessMeetings'];
    put?: never;
    /** Announce a meeting of a process (the secretariat); times are wall-clock in the zone */
    post: operations['postProcessesByProcessMeetings'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meetings/{id}/change': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Change a meeting (the secretariat): new details, postpone, move online or cancel, with the reason */
    post: operations['postMeetingsByIdChange'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/processes/{process}/follow': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Follow a process (its meetings join your calendar), or stop following it with `follow: false` */
    post: operations['postProcessesByProcessFollow'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/meetings/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A meeting with its process and the history of its changes, oldest first */
    get: operations['meetingsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/submissions/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One submission (published ones to anyone; others to the submitter, co-signers and process staff) */
    get: operations['submissionsById'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/submissions/{id}/cosign': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Answer an invitation to co-sign (API token of a representative of the invited organisation); answers with the submission as it now stands */
    post: operations['postSubmissionsByIdCosign'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/consultations/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Publish every submission of a closed period still in review, in one act (API token of the process's moderators or secretariat); each is published as /api/submissions/{id}/moderate publishes one; rejected and returned ones stay as they are */
    post: operations['postConsultationsByIdPublish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/submissions/{id}/moderate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Publish, reject (with its reason) or return (with a note) a submission (API token of the process's moderators or secretariat); answers with the submission as it now stands */
    post: operations['postSubmissionsByIdModerate'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/transparency/tree-head': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The latest signed tree head of the transparency log */
    get: operations['transparencyTreeHead'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/transparency/tree-heads': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every signed tree head, largest first, a page at a time */
    get: operations['transparencyTreeHeads'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/transparency/proof': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The inclusion proof of an entry (by position or leaf hash) in a signed tree head */
    get: operations['transparencyProof'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/transparency/consistency': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The consistency proof between two signed tree heads */
    get: operations['transparencyConsistency'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/transparency/entries': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Entries of the log by position, a page at a time (at most 1,000; an entry about a document version in preparation shows its hash only) */
    get: operations['transparencyEntries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/transparency/key': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The public keys that sign tree heads, the current one first */
    get: operations['transparencyKey'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/consultations/{id}/campaigns': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The campaigns of a comment period: published near-duplicate submissions grouped, largest first, with their counts */
    get: operations['consultationsByIdCampaigns'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/search': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Passages (paragraphs, footnotes, published submissions) holding every word */
    get: operations['search'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    ApiToken: {
      id: string;
      name: string;
      scopes: ('read' | 'submit' | 'moderate' | 'secretariat' | 'admin')[];
      createdAt: string;
      /** @description null: a token made before scopes, never expiring */
      expiresAt: string | null;
      revokedAt: string | null;
      /** @description To the minute */
      lastUsedAt: string | null;
      /** @description Requests made with it (written with its last use) */
      useCount: number;
    };
    Error: {
      error: {
        /** @enum {string} */
        code:
          | 'NOT_FOUND'
          | 'PROCESS_NOT_FOUND'
          | 'PROCESS_CONFLICT'
          | 'DOCUMENT_NOT_FOUND'
          | 'VERSION_NOT_FOUND'
          | 'LANGUAGE_VERSION_NOT_FOUND'
          | 'BLOCK_NOT_FOUND'
          | 'INVALID_REQUEST'
          | 'INVALID_ID'
          | 'PAYLOAD_TOO_LARGE'
          | 'IMPORT_FILE_NOT_FOUND'
          | 'IMPORT_EMPTY'
          | 'IMPORT_TOO_LARGE'
          | 'IMPORT_BINARY'
          | 'IMPORT_INVALID_UTF8'
          | 'IMPORT_BAD_DOCX'
          | 'IMPORT_UNSUPPORTED_FORMAT'
          | 'IMPORT_BAD_AKN'
          | 'IMPORT_NO_CONTENT'
          | 'IMPORT_CONFLICT'
          | 'IMPORT_TOO_MANY_BLOCKS'
          | 'IMPORT_DOCX_TOO_LARGE_UNPACKED'
          | 'IMPORT_BAD_PDF'
          | 'IMPORT_PDF_ENCRYPTED'
          | 'IMPORT_PDF_NO_TEXT'
          | 'IMPORT_PDF_TOO_MANY_PAGES'
          | 'IMPORT_DRAFT_NOT_FOUND'
          | 'CORRECTION_INVALID'
          | 'TEXT_FORBIDDEN_CHARACTER'
          | 'SIGN_IN_REQUIRED'
          | 'TOKEN_EXPIRED'
          | 'TOKEN_SCOPE_MISSING'
          | 'UNKNOWN_FIELD'
          | 'SIGN_IN_FAILED'
          | 'SIGN_IN_THROTTLED'
          | 'RATE_LIMITED'
          | 'PASSWORD_CHECKS_BUSY'
          | 'FORBIDDEN'
          | 'EMAIL_UNVERIFIED'
          | 'LINK_INVALID'
          | 'CSRF_FAILED'
          | 'ACCOUNT_EXISTS'
          | 'ACCOUNT_NOT_FOUND'
          | 'STANCE_SOURCE_NOT_FOUND'
          | 'WATCH_NOT_FOUND'
          | 'WEBHOOK_ADDRESS_REFUSED'
          | 'CONCEPT_NOT_FOUND'
          | 'CONCEPT_CONFLICT'
          | 'MEASURE_NOT_FOUND'
          | 'MEASURE_CONFLICT'
          | 'ROUND_NOT_FOUND'
          | 'ROUND_NOT_OPEN_YET'
          | 'ROUND_CLOSED'
          | 'ANSWER_SUBMITTED'
          | 'COUNTRY_NOT_FOUND'
          | 'ORGANISATION_NOT_FOUND'
          | 'ORGANISATION_CONFLICT'
          | 'GOVERNMENT_ALREADY_VERIFIED'
          | 'VERIFICATION_CONFLICT'
          | 'SUBMITTER_NOT_ACCEPTED'
          | 'PERIOD_NOT_FOUND'
          | 'CAMPAIGN_NOT_FOUND'
          | 'PERIOD_NOT_OPEN_YET'
          | 'PERIOD_NOT_CLOSED'
          | 'PERIOD_CLOSED'
          | 'SUBMISSION_NOT_FOUND'
          | 'ANCHOR_INVALID'
          | 'IDEMPOTENCY_CONFLICT'
          | 'ATTACHMENT_TOO_LARGE'
          | 'ATTACHMENT_TYPE'
          | 'MODERATION_CONFLICT'
          | 'ATTACHMENT_NOT_FOUND'
          | 'LEGAL_TEXT_TYPE'
          | 'ATTACHMENT_UNSAFE'
          | 'SUBMISSION_NOT_STORED'
          | 'LOG_ENTRY_NOT_FOUND'
          | 'MEETING_NOT_FOUND'
          | 'MEETING_CHANGED'
          | 'MEETING_CANCELLED'
          | 'SEARCH_QUERY_EMPTY'
          | 'SEARCH_QUERY_TOO_LONG'
          | 'PDF_UNAVAILABLE'
          | 'DATABASE_UNAVAILABLE'
          | 'CONFIG_INVALID'
          | 'INTERNAL';
        message: string;
      };
    };
    ApiTokenUse: {
      /** @description When the request arrived (ISO 8601, UTC) */
      at: string;
      /** @description GET or POST */
      method: string;
      /** @description The pattern of the route that answered, e.g. `/api/submissions/:id`, never the address */
      route: string;
      /** @description The HTTP status answered */
      status: number;
    };
    Process: {
      /** @description Stable id (UUID). */
      id: string;
      /** @description Short name used in addresses, e.g. "oewg". */
      slug: string;
      name: string;
      /** @description Usual abbreviation, e.g. "OEWG". */
      shortName: string | null;
      /** @description The body that set it up, e.g. "UN General Assembly, First Committee". */
      parentBody: string;
      mandate: string;
      /** @enum {string} */
      status: 'active' | 'concluded' | 'planned';
      /** @description Year or date it was set up. */
      established: string | null;
      /** @description Other names it is known by. */
      aliases: string[];
    };
    NewProcess: {
      slug: string;
      name: string;
      /** @default null */
      shortName?: string | null;
      parentBody: string;
      mandate: string;
      /**
       * @default active
       * @enum {string}
       */
      status?: 'active' | 'concluded' | 'planned';
      /** @default null */
      established?: string | null;
      /** @default [] */
      aliases?: string[];
    };
    Translations: {
      translations: {
        /** @enum {string} */
        subjectType: 'process' | 'period' | 'version';
        subjectId: string;
        field: string;
        /** @enum {string} */
        language: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
        text: string;
      }[];
    };
    Version: {
      id: string;
      documentId: string;
      /** @description 1 for the first version, then 2, 3, … */
      seq: number;
      /** @description "pre-draft", "Rev.1", … */
      label: string;
      /** @description Date of the version, YYYY-MM-DD */
      date: string | null;
      /** @description False while the secretariat prepares it: only the process staff can read it */
      public: boolean;
      languages: components['schemas']['LanguageVersion'][];
    };
    LanguageVersion: {
      id: string;
      versionId: string;
      /** @description BCP 47 tag */
      language: string;
      title: string | null;
      sourceFormat: string;
      sourceName: string | null;
      /** @description SHA-256 of the imported file, hex */
      sourceSha256: string;
      sourceBytes: number;
      importedAt: string;
    };
    Document: {
      id: string;
      processId: string;
      /** @description UN symbol as given, e.g. A/AC.290/2021/CRP.2 */
      symbol: string | null;
      title: string;
      /** @enum {string} */
      kind:
        | 'draft_report'
        | 'revised_draft'
        | 'non_paper'
        | 'letter'
        | 'contribution'
        | 'working_paper'
        | 'report'
        | 'briefing';
      versions: components['schemas']['Version'][];
    };
    Block: {
      /** @description Stable id: it never changes when other blocks are added or renumbered */
      id: string;
      /** @description Reading order within the language version */
      seq: number;
      parentId: string | null;
      /** @enum {string} */
      kind: 'heading' | 'paragraph' | 'list_item' | 'table' | 'footnote';
      number: string | null;
      /** @description The number as printed: "38.", "(b)", "II." */
      label: string | null;
      level: number | null;
      /** @description Human address: "para 38", "para 38(b)", "fn 12", "§3 ¶2" */
      address: string;
      text: string;
      rows: string[][] | null;
      /** @description "front" on the cover, "back" on the back cover, null in the body */
      matter: ('front' | 'back') | null;
      footnoteRefs: components['schemas']['FootnoteRef'][];
    };
    FootnoteRef: {
      marker: string;
      /** @description Position of the marker in the block text (UTF-16 code units) */
      offset: number;
      /** @description Block id of the footnote, null when unlinked */
      footnoteId: string | null;
    };
    ImportReport: {
      ids: {
        process: string;
        document: string;
        version: string;
        languageVersion: string;
      };
      created: {
        document: boolean;
        version: boolean;
      };
      document: {
        symbol: string | null;
        title: string;
        kind: string;
      };
      version: {
        seq: number;
        label: string;
      };
      language: string;
      languageDetected: boolean;
      format: string;
      source: {
        name: string | null;
        bytes: number;
        sha256: string;
      };
      blocks: {
        total: number;
        byKind: {
          [key: string]: number;
        };
        numberedParagraphs: number;
        subParagraphs: number;
        unnumberedParagraphs: number;
      };
      numberedParagraphRange: {
        first: string;
        last: string;
        missing: string[];
      } | null;
      footnotes: {
        footnotes: number;
        markers: number;
        linked: number;
        unlinked: number;
        unreferenced: number;
      };
      removed: {
        items: number;
        characters: number;
        byReason: {
          [key: string]: number;
        };
        /** @description Every piece of the file that is in no block, and why: nothing is dropped silently */
        pieces: {
          reason: string;
          text: string;
          line: number | null;
        }[];
      };
      warnings: {
        code: string;
        message: string;
        line: number | null;
      }[];
      /** @description The corrections recorded for the same file (same SHA-256), re-applied to it */
      corrections?: {
        applied: number;
        notApplied: {
          type: string;
          /** @description How the text of the block it named starts */
          block: string;
          reason: string;
        }[];
      };
      durationMs: number;
      /** @description A revised version: what became of the published comments on the earlier version (counted when read, so it includes late comments carried since) */
      carried?: components['schemas']['CarriedSummary'] | null;
    };
    CarriedSummary: {
      /** @description The version the comments were carried from (null when none was carried) */
      from: {
        versionSeq: number;
        versionLabel: string;
      } | null;
      /** @description Anchors of published comments carried into this version */
      anchors: number;
      counts: {
        carried: number;
        moved: number;
        split: number;
        merged: number;
        lostQuote: number;
        orphan: number;
      };
      /** @description Every comment orphaned or that lost its quote in this version */
      lost: {
        submissionId: string;
        /** @enum {string} */
        outcome: 'lost_quote' | 'orphan';
        /** @description The paragraph it stood on in the earlier version */
        fromAddress: string;
        /** @description The paragraph it is kept on (a lost quote); null for an orphan */
        address: string | null;
        /** @description The quoted words, when it quoted some */
        exact: string | null;
      }[];
    };
    ImportUpload: {
      file: {
        /** @description The file name; its extension tells the format (.txt, .md, .docx, .pdf, .xml for Akoma Ntoso) */
        name: string;
        /** @description The file's bytes in base64; at most 40 MB decoded (text 20 MB, DOCX 40 MB, PDF 40 MB) */
        content: string;
      };
      /** @description The document’s symbol, e.g. A/AC.292/2025/CRP.1 */
      symbol?: string;
      /** @description The title of a new document */
      title?: string;
      /** @description BCP 47 tag; detected when absent */
      language?: string;
      /** @description Version label, e.g. "Rev.1" */
      version?: string;
      /** @description The kind of a new document */
      kind?: string;
    };
    ImportDraft: {
      id: string;
      /** @description Process slug */
      process: string;
      format: string;
      sourceName: string | null;
      bytes: number;
      sha256: string;
      language: string;
      createdAt: string;
      target: {
        symbol: string | null;
        title: string | null;
        version: string | null;
        kind: string | null;
      };
      blocks: {
        /** @description Names the block in a correction */
        key: string;
        kind: string;
        number: string | null;
        address: string;
        text: string;
      }[];
      warnings: {
        code: string;
        message: string;
        line: number | null;
      }[];
      /** @description Corrections applied so far */
      corrections: number;
      /** @description Corrections of an earlier import of the same file re-applied at the upload */
      reapplied: number;
      notReapplied: {
        type: string;
        block: string;
        reason: string;
      }[];
    };
    ImportCorrection: {
      /** @enum {string} */
      type: 'kind' | 'number' | 'join' | 'split' | 'link_footnote';
      /** @description The block’s key */
      block: string;
      /** @description kind: the block’s new kind */
      kind?: string;
      /** @description number: the block’s number (empty: none) */
      number?: string;
      /** @description split: the words the new block starts with, or an offset; link_footnote: the words the marker follows */
      at?: string;
      /** @description link_footnote: the address of the block that holds the marker ("para 12") */
      target?: string;
    };
    Organisation: {
      id: string;
      slug: string;
      name: string;
      /** @enum {string} */
      stakeholderGroup:
        | 'government'
        | 'igo'
        | 'private_sector'
        | 'civil_society'
        | 'technical_community'
        | 'academia'
        | 'individual';
      /** @description ISO 3166-1 alpha-3 */
      country: string | null;
      /** @description UN M49 code of the country */
      countryM49: string | null;
      /** @description UN regional group of the country */
      regionalGroup: string | null;
      website: string | null;
      /** @description The secretariat has verified the organisation */
      verified: boolean;
      /** @description How it was verified; null while it is not */
      verification: {
        /** @enum {string} */
        kind: 'email_domain' | 'letter' | 'note_verbale' | 'other';
        /** @description The reference recorded: a domain, a letter, a note verbale */
        reason: string;
        at: string;
      } | null;
    };
    Verification: {
      /** @enum {string} */
      kind: 'email_domain' | 'letter' | 'note_verbale' | 'other';
      reason: string;
    };
    Revocation: {
      reason: string;
    };
    NewConcept: {
      slug: string;
      parent?: string;
      names: {
        en: string;
        fr?: string;
        es?: string;
        ru?: string;
        zh?: string;
        ar?: string;
      };
    };
    NewConceptTerm: {
      /** @enum {string} */
      language: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
      term: string;
    };
    NewStance: {
      /** @description A block id (paragraph, footnote) or a published submission id */
      source: string;
      /** @description Concept slug */
      concept: string;
      /** @enum {string} */
      stance: 'supports' | 'opposes' | 'conditional' | 'neutral';
      /** @description The words quoted, exactly as in the passage */
      exact: string;
      /** @description Where the quote starts, when it occurs twice */
      start?: number;
      /** @description Organisation slug or id (the actor) */
      organisation?: string;
      /** @description ISO 3166-1 alpha-3 of a state (the actor) */
      country?: string;
      /** @description YYYY-MM-DD */
      saidOn?: string;
      note?: string;
    };
    RegistryTerm: {
      slug: string;
      /** @enum {string} */
      type: 'element' | 'kind';
      position: number;
      conceptSlug: string | null;
      fragmenting: boolean;
      texts: {
        [key: string]: {
          name: string;
          definition: string;
        };
      };
      edited: boolean;
    };
    RegistryTermInput: {
      /** @enum {string} */
      type: 'element' | 'kind';
      position?: number;
      /** @default null */
      conceptSlug?: string | null;
      /** @default false */
      fragmenting?: boolean;
      texts: {
        ar: {
          name: string;
          definition: string;
        };
        zh: {
          name: string;
          definition: string;
        };
        en: {
          name: string;
          definition: string;
        };
        fr: {
          name: string;
          definition: string;
        };
        ru: {
          name: string;
          definition: string;
        };
        es: {
          name: string;
          definition: string;
        };
      };
    };
    Measure: {
      id: string;
      /** @description ISO 3166-1 alpha-3 */
      country: string;
      countryM49: string;
      regionalGroup: string | null;
      version: number;
      latestVersion: number;
      recordedAt: string;
      title: string;
      titleLanguage: string;
      titleTranslations: {
        [key: string]: string;
      };
      /** @enum {string} */
      instrument: 'law' | 'decree' | 'regulation' | 'guideline' | 'bill' | 'plan';
      /** @enum {string} */
      status: 'planned' | 'draft' | 'adopted' | 'in_force' | 'amended' | 'repealed';
      statusDates: {
        [key: string]: string;
      };
      elements: string[];
      kinds: string[];
      /** @enum {string} */
      reach: 'none' | 'partial' | 'stated';
      source: {
        documentId: string;
        paragraphs: {
          blockId: string;
          address: string;
        }[];
      } | null;
      /**
       * @description 'state': stated by a verified representative of the State's verified government, both still verified now; 'reported': anyone else, or a statement whose government or representative has since lost its verification
       * @enum {string}
       */
      voice: 'state' | 'reported';
      organisationId: string | null;
      note: string | null;
    };
    MeasureInput: {
      country: string;
      title: string;
      titleLanguage: string;
      /** @default {} */
      titleTranslations?: {
        [key: string]: string;
      };
      /** @enum {string} */
      instrument: 'law' | 'decree' | 'regulation' | 'guideline' | 'bill' | 'plan';
      /** @enum {string} */
      status: 'planned' | 'draft' | 'adopted' | 'in_force' | 'amended' | 'repealed';
      /** @default {} */
      statusDates?: {
        [key: string]: string;
      };
      elements: string[];
      /** @default [] */
      kinds?: string[];
      /**
       * @default none
       * @enum {string}
       */
      reach?: 'none' | 'partial' | 'stated';
      source?: {
        documentId: string;
        paragraphs: string[];
      };
      organisationId?: string;
      /**
       * @description True to state the measure as the State's own word (verified representatives only)
       * @default false
       */
      asState?: boolean;
      note?: string;
    };
    NewQuestionnaireRound: {
      title: string;
      questions: {
        key: string;
        /**
         * @default text
         * @enum {string}
         */
        kind?: 'text' | 'choice';
        texts: {
          [key: string]: string;
        };
        /** @default [] */
        choices?: string[];
      }[];
      invited: string[];
      opensAt: string;
      closesAt: string;
      timeZone: string;
    };
    QuestionnaireRound: {
      id: string;
      processId: string;
      title: string;
      questions: {
        key: string;
        /** @enum {string} */
        kind: 'text' | 'choice';
        texts: {
          [key: string]: string;
        };
        choices: string[];
      }[];
      /** @description The languages every question is written in */
      languages: string[];
      invited: string[];
      opensAt: string;
      closesAt: string;
      timeZone: string;
      publishedAt: string | null;
      /** @enum {string} */
      state: 'upcoming' | 'open' | 'closed' | 'published';
    };
    QuestionnaireAnswerInput: {
      organisationId: string;
      language: string;
      /** @default {} */
      answers?: {
        [key: string]: string;
      };
      /** @default [] */
      measures?: unknown[];
      /**
       * @description Legal texts to attach (added to those already attached; 5 at most on an answer)
       * @default []
       */
      files?: {
        /** @description The file name, as shown to readers */
        name: string;
        /** @description The file's bytes in base64; at most 5 MB decoded; PDF, DOCX, ODT, plain text (UTF-8) or HTML, told by the bytes */
        content: string;
      }[];
      /**
       * @description Ids of files attached earlier to remove from the draft
       * @default []
       */
      removeFiles?: string[];
      /** @default false */
      submit?: boolean;
    };
    QuestionnaireAnswer: {
      id: string;
      roundId: string;
      country: string;
      organisationId: string;
      language: string;
      /** @description True when the answer is in a language the questionnaire does not have */
      languageMarked: boolean;
      answers: {
        [key: string]: string;
      };
      measures: unknown[];
      /** @enum {string} */
      status: 'draft' | 'submitted';
      submittedAt: string | null;
      /** @description SHA-256 of the submitted answer: the receipt */
      receipt: string | null;
      /** @description The legal texts attached, oldest first */
      files: {
        id: string;
        filename: string;
        mediaType: string;
        size: number;
        sha256: string;
        attachedAt: string;
        /** @description Where the file is downloaded */
        href: string;
      }[];
    };
    MoreTimeRequest: {
      organisationId: string;
      reason: string;
    };
    MoreTimeGrant: {
      closesAt: string;
    };
    RoundReminders: Record<string, never>;
    AnswerFileImport: Record<string, never>;
    PublishRound: Record<string, never>;
    Watch: {
      id: string;
      name: string;
      query: string | null;
      /** @description Concept ids */
      concepts: string[];
      /** @description Process ids */
      processes: string[];
      groups: (
        | 'government'
        | 'igo'
        | 'private_sector'
        | 'civil_society'
        | 'technical_community'
        | 'academia'
        | 'individual'
      )[];
      webhookUrl: string | null;
      /** @description The key of the HMAC signature of each webhook delivery (the owner’s alone) */
      webhookSecret: string | null;
      emailDigest: boolean;
      createdAt: string;
    };
    NewWatch: {
      name: string;
      query?: string;
      concepts?: string | string[];
      processes?: string | string[];
      groups?: string | string[];
      emailDigest?: 'on' | '' | boolean;
      webhookUrl?: string;
    };
    BriefingRequest: {
      /** @description Process ids, slugs or aliases */
      processes: string[];
      /** @description Concept slugs or ids */
      concepts: string[];
      /** @description First day, YYYY-MM-DD */
      from: string;
      /** @description Last day, YYYY-MM-DD */
      to: string;
      /**
       * @description The paper’s language; English unless given
       * @enum {string}
       */
      language?: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
      /**
       * @description Paper size of HTML and PDF; A4 unless given
       * @enum {string}
       */
      paper?: 'a4' | 'letter';
    };
    BriefingJob: {
      id: string;
      /**
       * @description queued, then running, then done (results given) or failed (error given)
       * @enum {string}
       */
      status: 'queued' | 'running' | 'done' | 'failed';
      request: {
        processes: string[];
        concepts: string[];
        from: string;
        to: string;
        language: string;
        paper: string;
      };
      createdAt: string;
      startedAt: string | null;
      finishedAt: string | null;
      /** @description Why a failed job failed */
      error: {
        code: string;
        message: string;
      } | null;
      /** @description Once done: the paper’s address in each format (md, html, docx, pdf) */
      results: {
        [key: string]: string;
      } | null;
    };
    CommentPeriod: {
      id: string;
      processId: string;
      documentId: string;
      versionId: string;
      title: string;
      description: string;
      /** @description UTC instant, ISO 8601 */
      opensAt: string;
      /** @description UTC instant, ISO 8601 */
      closesAt: string;
      /** @description IANA time zone the period was announced in */
      timeZone: string;
      /** @enum {string} */
      moderation: 'immediate' | 'review';
      /**
       * @description Who may submit
       * @enum {string}
       */
      submitters: 'verified_organisations' | 'organisations' | 'individuals';
      /**
       * @description Whether individuals' names are published (when individuals may submit)
       * @enum {string}
       */
      individualNames: 'published' | 'optional' | 'withheld';
      extensions: number;
      /**
       * @description The state by the server's clock when this was read
       * @enum {string}
       */
      state: 'scheduled' | 'open' | 'extended' | 'closed';
    };
    EarlyClose: {
      reason: string;
    };
    Submission: {
      id: string;
      periodId: string;
      organisation: components['schemas']['Organisation'];
      cosigners: {
        organisation: components['schemas']['Organisation'];
        /** @enum {string} */
        state: 'invited' | 'confirmed' | 'declined';
      }[];
      /** @description An individual's affiliation, as they gave it: not verified */
      affiliation: string | null;
      title: string | null;
      body: string;
      language: string;
      /** @enum {string} */
      status: 'awaiting_cosigners' | 'in_review' | 'published' | 'rejected' | 'returned';
      statusReason: string | null;
      statusNote: string | null;
      anchors: components['schemas']['Anchor'][];
      attachments: {
        id: string;
        filename: string;
        mediaType: string;
        size: number;
        sha256: string;
      }[];
      contentSha256: string;
      /** @description 1: the fingerprint covers the content only (older submissions); 2: also the id and the received-at instant */
      fingerprintVersion: 1 | 2;
      receivedAt: string;
      publishedAt: string | null;
      /** @description The campaign of near-duplicate submissions of its period it belongs to (the id of its earliest member; its own id when it stands alone); null until grouped */
      campaignId: string | null;
    };
    Anchor: {
      blockId: string;
      /** @description para 38, para 38(b), fn 12 */
      address: string;
      versionId: string;
      /** @description Null when the whole paragraph is meant */
      selector: {
        textQuote: {
          /** @constant */
          type: 'TextQuoteSelector';
          exact: string;
          prefix: string;
          suffix: string;
        };
        textPosition: {
          /** @constant */
          type: 'TextPositionSelector';
          start: number;
          end: number;
        };
      } | null;
      /** @description Where the anchor went in each later public version, oldest first; empty while the draft has not been revised */
      history: components['schemas']['AnchorStep'][];
    };
    AnchorStep: {
      versionId: string;
      /** @description 1 for the first version, 2 for Rev.1, … */
      versionSeq: number;
      versionLabel: string;
      /** @description Null for an orphan */
      blockId: string | null;
      /** @description The paragraph in that version; null for an orphan */
      address: string | null;
      /** @description The quoted words found again in that version; null for a paragraph or a lost quote */
      selector: {
        textQuote: {
          /** @constant */
          type: 'TextQuoteSelector';
          exact: string;
          prefix: string;
          suffix: string;
        };
        textPosition: {
          /** @constant */
          type: 'TextPositionSelector';
          start: number;
          end: number;
        };
      } | null;
      /**
       * @description carried (to the paragraph its paragraph became), moved (to a paragraph whose place changed, or the quote found in another paragraph), split, merged, lost_quote (the paragraph is there, the quoted words are not), orphan (the paragraph was deleted)
       * @enum {string}
       */
      outcome: 'carried' | 'moved' | 'split' | 'merged' | 'lost_quote' | 'orphan';
    };
    NewMeeting: {
      title: string;
      session?: string;
      /** @enum {string} */
      kind: 'formal' | 'informal';
      /** @enum {string} */
      format: 'in_person' | 'virtual' | 'hybrid';
      place?: string;
      startsAt: string;
      endsAt: string;
      timeZone: string;
      webcastUrl?: string;
    };
    Meeting: {
      id: string;
      processId: string;
      title: string;
      /** @description Session label, e.g. "Third substantive session" */
      session: string | null;
      /** @enum {string} */
      kind: 'formal' | 'informal';
      /** @enum {string} */
      format: 'in_person' | 'virtual' | 'hybrid';
      /** @description City and venue; may be empty for a virtual meeting */
      place: string | null;
      /** @description UTC instant, ISO 8601 */
      startsAt: string;
      /** @description UTC instant, ISO 8601 */
      endsAt: string;
      /** @description IANA time zone the meeting was announced in */
      timeZone: string;
      webcastUrl: string | null;
      /** @enum {string} */
      status: 'scheduled' | 'postponed' | 'moved_online' | 'cancelled';
      /** @description True while a postponed meeting has no new dates (startsAt is the old date) */
      datesPending: boolean;
      /** @description iCalendar SEQUENCE: one more at every change */
      sequence: number;
      createdAt: string;
      updatedAt: string;
    };
    MeetingChangeRequest:
      | {
          title: string;
          session?: string;
          /** @enum {string} */
          kind: 'formal' | 'informal';
          /** @enum {string} */
          format: 'in_person' | 'virtual' | 'hybrid';
          place?: string;
          startsAt: string;
          endsAt: string;
          timeZone: string;
          webcastUrl?: string;
          /** @constant */
          action: 'update';
          reason?: string;
        }
      | {
          /** @constant */
          action: 'postpone';
          reason: string;
          startsAt?: string | '';
          endsAt?: string | '';
        }
      | {
          /** @constant */
          action: 'move_online';
          reason: string;
          webcastUrl?: string;
        }
      | {
          /** @constant */
          action: 'cancel';
          reason: string;
        };
    Follow: {
      /** @default true */
      follow?: boolean;
    };
    MeetingChange: {
      /** @description The meeting sequence this change made */
      sequence: number;
      /** @enum {string} */
      field:
        | 'status'
        | 'title'
        | 'session'
        | 'kind'
        | 'format'
        | 'place'
        | 'dates'
        | 'timeZone'
        | 'webcast';
      from: string | null;
      to: string | null;
      reason: string | null;
      /** @description Name of the account that made the change */
      by: string;
      /** @description UTC instant, ISO 8601 */
      at: string;
    };
    NewSubmission: {
      /**
       * @description For an organisation (organisationId), as oneself, or anonymously (the name known to the secretariat only), as the period's rules allow
       * @default organisation
       * @enum {string}
       */
      submitAs?: 'organisation' | 'myself' | 'anonymous';
      /** @description Organisation id or slug, when submitting for an organisation */
      organisationId?: string;
      /** @description When submitting as oneself: an affiliation, published as given (not verified) */
      affiliation?: string;
      title?: string;
      body: string;
      /**
       * @description The language of the comment; detected from the text when absent
       * @enum {string}
       */
      language?: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
      /** @description The paragraphs, or words in them, the comment is about */
      anchors?: {
        /**
         * Format: uuid
         * @description Paragraph (block) id
         */
        blockId: string;
        /** @description TextQuoteSelector.exact: the quoted words */
        exact?: string;
        /** @description TextQuoteSelector.prefix */
        prefix?: string;
        /** @description TextPositionSelector.start */
        start?: number;
        /** @description TextPositionSelector.end */
        end?: number;
      }[];
      /**
       * @description Co-signing organisations, by id or slug
       * @default []
       */
      cosigners?: string[];
      /** @description Or the Idempotency-Key header, which wins when both are sent */
      idempotencyKey?: string;
    };
    Receipt: {
      submissionId: string;
      /** @description Server time, UTC */
      receivedAt: string;
      /** @description SHA-256 of the canonical content below */
      contentSha256: string;
      /** @description The canonical JSON whose SHA-256 is contentSha256 */
      content: string;
      /** @description 1: the fingerprint covers the content only (older submissions); 2: also the id and the received-at instant */
      fingerprintVersion: 1 | 2;
      /** @enum {string} */
      status: 'awaiting_cosigners' | 'in_review' | 'published' | 'rejected' | 'returned';
      /** @description True when the idempotency key had already been used for this content */
      replayed: boolean;
      /** @description The entry logging its receipt in the transparency log, with the signed tree head of the append and the inclusion proof; null for submissions received before the log existed */
      transparency: components['schemas']['LogInclusion'] | null;
    };
    LogInclusion: {
      /** @description Position of the entry in the log, from 0 */
      leafIndex: number;
      /** @description SHA-256(0x00 || entry), hex */
      leafHash: string;
      treeHead: components['schemas']['SignedTreeHead'];
      /** @description RFC 9162 inclusion proof of the leaf in the tree of treeHead.treeSize, hex */
      auditPath: string[];
      /** @description The canonical JSON of the entry */
      entry: string;
    };
    SignedTreeHead: {
      /** @description Number of entries the tree holds */
      treeSize: number;
      /** @description RFC 9162 Merkle tree hash of the first treeSize entries, hex */
      rootHash: string;
      /** @description When the head was signed, UTC */
      timestamp: string;
      /** @description SHA-256 of the signing key (SubjectPublicKeyInfo DER), hex */
      keyId: string;
      /** @description Ed25519 signature, base64, of the canonical JSON of the other fields */
      signature: string;
    };
    PeriodPublication: {
      /** @description Submissions that were in review and are now published */
      published: number;
      /** @description Submissions of the period left rejected */
      rejected: number;
      /** @description Submissions of the period left returned for revision */
      returned: number;
    };
    InclusionProof: {
      /** @description Position of the entry in the log, from 0 */
      leafIndex: number;
      /** @description SHA-256(0x00 || entry), hex */
      leafHash: string;
      treeHead: components['schemas']['SignedTreeHead'];
      /** @description RFC 9162 inclusion proof of the leaf in the tree of treeHead.treeSize, hex */
      auditPath: string[];
    };
    ConsistencyProof: {
      first: components['schemas']['SignedTreeHead'];
      second: components['schemas']['SignedTreeHead'];
      /** @description RFC 9162 consistency proof, hex */
      proof: string[];
    };
    LogEntry: {
      leafIndex: number;
      leafHash: string;
      /** @description Canonical JSON; null while it concerns a document version not yet public */
      entry: string | null;
    };
    LogKey: {
      keyId: string;
      /** @constant */
      algorithm: 'Ed25519';
      /** @description SubjectPublicKeyInfo DER, base64 */
      publicKey: string;
      /** @description The same key as PEM */
      pem: string;
      createdAt: string;
      /** @description When a newer key replaced it */
      retiredAt: string | null;
    };
    Campaign: {
      /** @description The id of its earliest member */
      id: string;
      periodId: string;
      /** @description Published submissions in it */
      submissions: number;
      /** @description Distinct texts among them */
      variants: number;
      /** @description Its earliest published submission */
      firstSubmissionId: string;
    };
    SearchResult: {
      query: string;
      page: number;
      pageSize: number;
      /** @enum {string} */
      sort: 'relevance' | 'newest';
      hits: components['schemas']['SearchHit'][];
      /** @description Results found (a paragraph in several languages is one); when totalExact is false, more than this match */
      total: number;
      /** @description Passages found (each language counts); a lower bound when totalExact is false */
      passages: number;
      totalExact: boolean;
      hasNext: boolean;
      /** @description The scan stopped before the end of the index: a narrower query finds more */
      truncated: boolean;
      /** @description Counts of the passages found by each filter value (ten values at most each), among the facetsOf newest passages found */
      facets: {
        process: components['schemas']['SearchFacet'][];
        document: components['schemas']['SearchFacet'][];
        language: components['schemas']['SearchFacet'][];
        group: components['schemas']['SearchFacet'][];
        country: components['schemas']['SearchFacet'][];
        year: components['schemas']['SearchFacet'][];
      };
      /** @description Passages the facets count: every one found, or (when fewer than passages) the newest found */
      facetsOf: number;
      /** @description Pass as `cursor` for the next page (null on the last page, and when `page` was given) */
      nextCursor: string | null;
    };
    SearchHit: {
      /** @enum {string} */
      kind: 'paragraph' | 'footnote' | 'submission' | 'measure';
      /** @description Block id (paragraph, footnote), submission id, or measure id (then "~" and a language for a translated title) */
      id: string;
      /** @description "A/AC.290/2021/CRP.2, para 38", or the organisation */
      citation: string;
      symbol: string | null;
      /** @description The document title, the submission title, or the measure's title */
      title: string;
      /** @description "para 38", "fn 12"; null for a submission */
      address: string | null;
      /** @description Where to read it on this site */
      href: string;
      language: string;
      /** @description YYYY-MM-DD */
      date: string;
      /** @description The passage's process; empty for a measure */
      processId: string;
      documentId: string | null;
      /** @description The State of a measure, or the country of the organisation of a submission */
      country: string | null;
      organisation: {
        id: string;
        name: string;
        stakeholderGroup: string;
        country: string | null;
      } | null;
      /** @description The passage, or the part of a long one around the first match */
      snippet: string;
      /** @description Matched ranges of the snippet, [start, end) in UTF-16 code units */
      marks: [number, number][];
      /** @description Relevance: higher is better (comparable within one query) */
      score: number;
      /** @description The same paragraph in the other languages of its version */
      otherLanguages: {
        language: string;
        href: string;
      }[];
    };
    SearchFacet: {
      /** @description The value to filter by */
      value: string;
      /** @description A process name, a document symbol, or the value itself */
      label: string;
      /** @description Matching passages with this value */
      count: number;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  tokens: {
    parameters: {
      query?: {
        /** @description nextCursor of the previous page; absent for the first page */
        cursor?: string;
        /** @description Items per page (1 to 500; 100 unless given) */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            tokens: components['schemas']['ApiToken'][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  tokensByIdUses: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            uses: components['schemas']['ApiTokenUse'][];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postTokensByIdRevoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            revoked: string;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  processes: {
    parameters: {
      query?: {
        /** @description nextCursor of the previous page; absent for the first page */
        cursor?: string;
        /** @description Items per page (1 to 500; 100 unless given) */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            processes: components['schemas']['Process'][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postProcesses: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['NewProcess'];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Process'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PROCESS_CONFLICT */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postProcessesByProcessTranslations: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Process id, slug or alias */
        process: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['Translations'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description Translations added, changed or removed */
            changed: number;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PROCESS_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postVersionsByIdPublish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Version id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Version'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description VERSION_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  processesByProcess: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Process id, slug (e.g. "oewg") or alias (e.g. "OECE") */
        process: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            process: components['schemas']['Process'];
            documents: components['schemas']['Document'][];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PROCESS_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  processesByProcessDocuments: {
    parameters: {
      query?: {
        /** @description nextCursor of the previous page; absent for the first page */
        cursor?: string;
        /** @description Items per page (1 to 500; 100 unless given) */
        limit?: number;
      };
      header?: never;
      path: {
        /** @description Process id, slug (e.g. "oewg") or alias (e.g. "OECE") */
        process: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            documents: components['schemas']['Document'][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PROCESS_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  documents: {
    parameters: {
      query: {
        /** @description UN symbol, e.g. A/AC.290/2021/CRP.2 */
        symbol: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Document'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description DOCUMENT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  documentsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Document id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Document'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description DOCUMENT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  versionsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Version id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Version'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description VERSION_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  versionsByIdBlocks: {
    parameters: {
      query?: {
        /** @description BCP 47 tag, e.g. fr */
        language?: string;
      };
      header?: never;
      path: {
        /** @description Version id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            languageVersion: components['schemas']['LanguageVersion'];
            blocks: components['schemas']['Block'][];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description VERSION_NOT_FOUND; LANGUAGE_VERSION_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  languageVersionsByIdBlocks: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Language version id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            blocks: components['schemas']['Block'][];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description LANGUAGE_VERSION_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  blocksById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Block id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            block: components['schemas']['Block'];
            languageVersionId: string;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description BLOCK_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  languageVersionsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Language version id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            languageVersion: components['schemas']['LanguageVersion'];
            importReport: components['schemas']['ImportReport'];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description LANGUAGE_VERSION_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postProcessesByProcessImportDrafts: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Process id, slug or alias */
        process: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['ImportUpload'];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportDraft'];
        };
      };
      /** @description INVALID_REQUEST; IMPORT_EMPTY */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PROCESS_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description IMPORT_TOO_LARGE; IMPORT_TOO_MANY_BLOCKS; IMPORT_DOCX_TOO_LARGE_UNPACKED; IMPORT_PDF_TOO_MANY_PAGES; PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description IMPORT_BINARY; IMPORT_INVALID_UTF8; IMPORT_BAD_DOCX; IMPORT_BAD_PDF; IMPORT_UNSUPPORTED_FORMAT */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description IMPORT_BAD_AKN; IMPORT_NO_CONTENT; IMPORT_PDF_ENCRYPTED; IMPORT_PDF_NO_TEXT; UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  importDraftsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportDraft'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description IMPORT_DRAFT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postImportDraftsByIdCorrections: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['ImportCorrection'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportDraft'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description IMPORT_DRAFT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description CORRECTION_INVALID; UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postImportDraftsByIdPublish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ImportReport'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description IMPORT_DRAFT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description IMPORT_CONFLICT */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postImportDraftsByIdDiscard: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            discarded: string;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description IMPORT_DRAFT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  organisations: {
    parameters: {
      query?: {
        /** @description nextCursor of the previous page; absent for the first page */
        cursor?: string;
        /** @description Items per page (1 to 500; 100 unless given) */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            organisations: components['schemas']['Organisation'][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postOrganisations: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': {
          name: string;
          /** @enum {string} */
          stakeholderGroup:
            | 'government'
            | 'igo'
            | 'private_sector'
            | 'civil_society'
            | 'technical_community'
            | 'academia';
          country?: string;
          website?: string;
        };
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            organisation: components['schemas']['Organisation'];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description ORGANISATION_CONFLICT; GOVERNMENT_ALREADY_VERIFIED */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postOrganisationsByRefRepresentatives: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Organisation id or slug */
        ref: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': {
          /** @description The e-mail address of the account to add */
          email: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            organisation: components['schemas']['Organisation'];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description ORGANISATION_NOT_FOUND; ACCOUNT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postOrganisationsByRefVerify: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Organisation id or slug */
        ref: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['Verification'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            organisation: components['schemas']['Organisation'];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description ORGANISATION_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description GOVERNMENT_ALREADY_VERIFIED; VERIFICATION_CONFLICT */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postOrganisationsByRefRevoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Organisation id or slug */
        ref: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['Revocation'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            organisation: components['schemas']['Organisation'];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description ORGANISATION_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description GOVERNMENT_ALREADY_VERIFIED; VERIFICATION_CONFLICT */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postOrganisationsByRefRepresentativesByAccountIdVerify: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Organisation id or slug */
        ref: string;
        /** @description Account id of the representative */
        accountId: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['Verification'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            organisation: components['schemas']['Organisation'];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description ORGANISATION_NOT_FOUND; ACCOUNT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description GOVERNMENT_ALREADY_VERIFIED; VERIFICATION_CONFLICT */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postOrganisationsByRefRepresentativesByAccountIdRevoke: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Organisation id or slug */
        ref: string;
        /** @description Account id of the representative */
        accountId: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['Revocation'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            organisation: components['schemas']['Organisation'];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description ORGANISATION_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description GOVERNMENT_ALREADY_VERIFIED; VERIFICATION_CONFLICT */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  concepts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            concepts: {
              slug: string;
              parent: string | null;
              names: {
                [key: string]: string;
              };
              terms: {
                /** @description Names the term to remove */
                id: string;
                language: string;
                term: string;
              }[];
              passages: number;
            }[];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postConcepts: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['NewConcept'];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            slug: string;
            parent: string | null;
            names: {
              [key: string]: string;
            };
            terms: {
              /** @description Names the term to remove */
              id: string;
              language: string;
              term: string;
            }[];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description CONCEPT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description CONCEPT_CONFLICT */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  conceptsBySlug: {
    parameters: {
      query?: {
        /** @description nextCursor of the previous page; absent for the first page */
        cursor?: string;
        /** @description Mentions per page (1 to 500; 50 unless given) */
        limit?: number;
      };
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            slug: string;
            parent: string | null;
            names: {
              [key: string]: string;
            };
            terms: {
              /** @description Names the term to remove */
              id: string;
              language: string;
              term: string;
            }[];
            passages: number;
            mentions: {
              kind: string;
              date: string;
              title: string;
              symbol: string | null;
              address: string | null;
              href: string;
              language: string;
              organisation: string | null;
              text: string;
            }[];
            /** @description Pass as `cursor` for the next page of mentions; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description CONCEPT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postConceptsBySlugTerms: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Concept slug or id */
        slug: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['NewConceptTerm'];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            concept: {
              slug: string;
              parent: string | null;
              names: {
                [key: string]: string;
              };
              terms: {
                /** @description Names the term to remove */
                id: string;
                language: string;
                term: string;
              }[];
            };
            /** @description Passages tagged with the concept after the change */
            tagged: number;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description CONCEPT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description CONCEPT_CONFLICT */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postConceptsBySlugTermsByTermDelete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Concept slug or id */
        slug: string;
        /** @description The term’s id (`terms[].id`) */
        term: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            slug: string;
            parent: string | null;
            names: {
              [key: string]: string;
            };
            terms: {
              /** @description Names the term to remove */
              id: string;
              language: string;
              term: string;
            }[];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description CONCEPT_NOT_FOUND; NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postStances: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['NewStance'];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            concept: string;
            /** @enum {string} */
            stance: 'supports' | 'opposes' | 'conditional' | 'neutral';
            actor: {
              organisation: string | null;
              name: string | null;
              country: string | null;
              stakeholderGroup: string;
              regionalGroup: string | null;
              /** @description False for an organisation not verified: never counted as the State it names */
              verified: boolean;
            };
            quote: {
              exact: string;
              prefix: string;
              suffix: string;
              start: number;
              end: number;
              source: string;
              href: string;
              symbol: string | null;
              address: string | null;
            };
            process: string;
            saidOn: string;
            note: string | null;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description STANCE_SOURCE_NOT_FOUND; CONCEPT_NOT_FOUND; ORGANISATION_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description ANCHOR_INVALID; UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postStancesByIdDelete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Stance id */
        id: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            removed: string;
            /** @description The slug of the concept the stance was on */
            concept: string;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  countriesByCodeStances: {
    parameters: {
      query?: {
        /** @description nextCursor of the previous page; absent for the first page */
        cursor?: string;
        /** @description Items per page (1 to 500; 100 unless given) */
        limit?: number;
      };
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            stances: {
              id: string;
              concept: string;
              /** @enum {string} */
              stance: 'supports' | 'opposes' | 'conditional' | 'neutral';
              actor: {
                organisation: string | null;
                name: string | null;
                country: string | null;
                stakeholderGroup: string;
                regionalGroup: string | null;
                /** @description False for an organisation not verified: never counted as the State it names */
                verified: boolean;
              };
              quote: {
                exact: string;
                prefix: string;
                suffix: string;
                start: number;
                end: number;
                source: string;
                href: string;
                symbol: string | null;
                address: string | null;
              };
              process: string;
              saidOn: string;
              note: string | null;
            }[];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description COUNTRY_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  registryTerms: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            terms: components['schemas']['RegistryTerm'][];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postRegistryTermsBySlug: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        slug: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['RegistryTermInput'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegistryTerm'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  registryMeasures: {
    parameters: {
      query?: {
        country?: string;
        region?: string;
        element?: string;
        kind?: string;
        status?: 'planned' | 'draft' | 'adopted' | 'in_force' | 'amended' | 'repealed';
        voice?: 'state' | 'reported';
        at?: string;
        /** @description nextCursor of the previous page; absent for the first page */
        cursor?: string;
        /** @description Items per page (1 to 500; 100 unless given) */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            measures: components['schemas']['Measure'][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postRegistryMeasures: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['MeasureInput'];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Measure'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; EMAIL_UNVERIFIED; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  registryMeasuresById: {
    parameters: {
      query?: {
        at?: string;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            measure: components['schemas']['Measure'];
            history: components['schemas']['Measure'][];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description MEASURE_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postRegistryMeasuresByIdVersions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': {
          country: string;
          title: string;
          titleLanguage: string;
          /** @default {} */
          titleTranslations?: {
            [key: string]: string;
          };
          /** @enum {string} */
          instrument: 'law' | 'decree' | 'regulation' | 'guideline' | 'bill' | 'plan';
          /** @enum {string} */
          status: 'planned' | 'draft' | 'adopted' | 'in_force' | 'amended' | 'repealed';
          /** @default {} */
          statusDates?: {
            [key: string]: string;
          };
          elements: string[];
          /** @default [] */
          kinds?: string[];
          /**
           * @default none
           * @enum {string}
           */
          reach?: 'none' | 'partial' | 'stated';
          source?: {
            documentId: string;
            paragraphs: string[];
          };
          organisationId?: string;
          /**
           * @description True to state the measure as the State's own word (verified representatives only)
           * @default false
           */
          asState?: boolean;
          note?: string;
          /** @description The latest version the client read: refused with MEASURE_CONFLICT if it moved */
          expectedVersion?: number;
        };
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Measure'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; EMAIL_UNVERIFIED; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description MEASURE_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description MEASURE_CONFLICT */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  registryCountriesByCode: {
    parameters: {
      query?: {
        at?: string;
      };
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            country: string;
            state: components['schemas']['Measure'][];
            reported: components['schemas']['Measure'][];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description COUNTRY_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  registryMatrix: {
    parameters: {
      query?: {
        country?: string;
        region?: string;
        element?: string;
        kind?: string;
        status?: 'planned' | 'draft' | 'adopted' | 'in_force' | 'amended' | 'repealed';
        voice?: 'state' | 'reported';
        at?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            at: string | null;
            elements: string[];
            rows: {
              country: string;
              cells: {
                [key: string]: {
                  /** @description Measures on the element (each counted once) */
                  total: number;
                  byStatus: {
                    [key: string]: number;
                  };
                  /** @description Of the total, how many are reported by others, not stated by the State */
                  reported: number;
                };
              };
            }[];
            fragmentation: {
              element: string;
              region: string;
              /** @description Member States of the regional group */
              states: number;
              withMeasures: string[];
              /** @description States with a measure on the element, adopted, in force or amended, of a kind marked fragmenting */
              fragmenting: string[];
              /** @description fragmenting.length / states */
              share: number;
            }[];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  registryMap: {
    parameters: {
      query?: {
        country?: string;
        region?: string;
        element?: string;
        kind?: string;
        status?: 'planned' | 'draft' | 'adopted' | 'in_force' | 'amended' | 'repealed';
        voice?: 'state' | 'reported';
        at?: string;
        show?: 'states' | 'indicator';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            at: string | null;
            element: string;
            /** @enum {string} */
            show: 'states' | 'indicator';
            /** @description Every UN member State, by alpha-3 code */
            states: {
              /** @description ISO 3166-1 alpha-3 */
              country: string;
              /** @description Its regional group */
              region: string | null;
              /**
               * @description fragmenting: a binding measure of a fragmenting kind on the element (an input of the indicator); measures: a measure on it, none of those; none
               * @enum {string}
               */
              category: 'fragmenting' | 'measures' | 'none';
              /** @description Its regional group's indicator on the element: what show=indicator colours by */
              share: number;
            }[];
            /** @description The fragmentation indicator of the element per regional group, with its inputs */
            indicator: {
              region: string;
              states: number;
              withMeasures: string[];
              fragmenting: string[];
              /** @description fragmenting.length / states */
              share: number;
            }[];
            /** @description States marked fictional (the demo’s): not on the map, not in the indicator, each with its category on the element */
            fictional: {
              /** @description A user-assigned code, XAA–XZZ */
              country: string;
              /** @enum {string} */
              category: 'fragmenting' | 'measures' | 'none';
            }[];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  registryPair: {
    parameters: {
      query: {
        a: string;
        b: string;
        at?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            a: string;
            b: string;
            at: string | null;
            elements: {
              element: string;
              /** @description State a's measures on the element (repealed left out) */
              a: components['schemas']['Measure'][];
              b: components['schemas']['Measure'][];
              /** @description Kinds of measure only a has on the element */
              onlyA: string[];
              onlyB: string[];
              conflicts: {
                /**
                 * @description localisation-reach, localisation-both or national-root (see the pair page)
                 * @enum {string}
                 */
                rule: 'localisation-reach' | 'localisation-both' | 'national-root';
                /** @description Ids of a's measures the rule rests on */
                a: string[];
                b: string[];
              }[];
            }[];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  registryTimeline: {
    parameters: {
      query?: {
        country?: string;
        region?: string;
        element?: string;
        kind?: string;
        status?: 'planned' | 'draft' | 'adopted' | 'in_force' | 'amended' | 'repealed';
        voice?: 'state' | 'reported';
        at?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            at: string | null;
            elements: string[];
            years: {
              /** @description YYYY */
              year: string;
              /** @description Measures per element */
              counts: {
                [key: string]: number;
              };
              /** @description The counts summed: a measure on two elements counts twice */
              total: number;
            }[];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postProcessesByProcessRegistryRounds: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        process: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['NewQuestionnaireRound'];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QuestionnaireRound'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PROCESS_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  registryRoundsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QuestionnaireRound'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description ROUND_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postRegistryRoundsByIdAnswers: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['QuestionnaireAnswerInput'];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['QuestionnaireAnswer'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; EMAIL_UNVERIFIED; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description ROUND_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description ROUND_NOT_OPEN_YET; ROUND_CLOSED; ANSWER_SUBMITTED */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description ATTACHMENT_TOO_LARGE; PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description LEGAL_TEXT_TYPE */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description ATTACHMENT_UNSAFE; UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  registryRoundsByIdStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            round: components['schemas']['QuestionnaireRound'];
            submitted: string[];
            drafts: string[];
            missing: string[];
            moreTime: {
              country: string;
              reason: string;
              requestedAt: string;
              grantedClosesAt: string | null;
            }[];
            lastReminded: {
              [key: string]: string;
            };
            receipts: {
              [key: string]: {
                receipt: string;
                at: string;
              };
            };
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description ROUND_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postRegistryRoundsByIdMoreTime: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['MoreTimeRequest'];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            country: string;
            reason: string;
            requestedAt: string;
            grantedClosesAt: string | null;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; EMAIL_UNVERIFIED; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description ROUND_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description ROUND_CLOSED; ANSWER_SUBMITTED */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postRegistryRoundsByIdExtensionsByCountry: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        country: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['MoreTimeGrant'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            country: string;
            closesAt: string;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description ROUND_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postRegistryRoundsByIdReminders: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['RoundReminders'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            countries: string[];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description ROUND_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postRegistryAnswerFilesByIdImport: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['AnswerFileImport'];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The import draft made from the file */
            draftId: string;
            /** @description The draft in the API */
            href: string;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description ATTACHMENT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description IMPORT_BINARY */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postRegistryRoundsByIdPublish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['PublishRound'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            round: components['schemas']['QuestionnaireRound'];
            measures: components['schemas']['Measure'][];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description ROUND_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  watches: {
    parameters: {
      query?: {
        /** @description nextCursor of the previous page; absent for the first page */
        cursor?: string;
        /** @description Items per page (1 to 500; 100 unless given) */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            watches: components['schemas']['Watch'][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postWatches: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['NewWatch'];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            watch: components['schemas']['Watch'];
            /** @description The watch’s secret Atom feed address: given once, here; renew it to get another */
            feedUrl: string;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description CONCEPT_NOT_FOUND; PROCESS_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description WEBHOOK_ADDRESS_REFUSED; UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postWatchesById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Watch id */
        id: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': {
          name: string;
          query?: string;
          concepts?: string | string[];
          processes?: string | string[];
          groups?: string | string[];
          emailDigest?: 'on' | '' | boolean;
          webhookUrl?: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            watch: components['schemas']['Watch'];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description WATCH_NOT_FOUND; CONCEPT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description WEBHOOK_ADDRESS_REFUSED; UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postWatchesByIdFeedKey: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Watch id */
        id: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            /** @description The watch’s secret Atom feed address: given once, here; renew it to get another */
            feedUrl: string;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description WATCH_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postWatchesByIdDelete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Watch id */
        id: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            deleted: string;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description WATCH_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  briefings: {
    parameters: {
      query?: {
        /** @description nextCursor of the previous page; absent for the first page */
        cursor?: string;
        /** @description Items per page (1 to 500; 100 unless given) */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            jobs: components['schemas']['BriefingJob'][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postBriefings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['BriefingRequest'];
      };
    };
    responses: {
      /** @description Accepted: see the Location header */
      202: {
        headers: {
          /** @description Where to poll */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BriefingJob'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  briefingsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['BriefingJob'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  countries: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            regions: {
              /** @description UN regional group; null for the observer States */
              group: string | null;
              countries: {
                /** @description ISO 3166-1 alpha-3 */
                iso3: string;
                /** @description Published submissions by its verified government */
                submissions: number;
                /** @description Stances recorded for it */
                stances: number;
              }[];
            }[];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  countriesByCode: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        code: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            iso3: string;
            submissions: number;
            stances: number;
            processes: number;
            /** @description The address of its report (add ?format=md, html, docx or pdf) */
            report: string;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description COUNTRY_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  processesByProcessConsultations: {
    parameters: {
      query?: {
        /** @description nextCursor of the previous page; absent for the first page */
        cursor?: string;
        /** @description Items per page (1 to 500; 100 unless given) */
        limit?: number;
      };
      header?: never;
      path: {
        /** @description Process id, slug or alias */
        process: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            periods: components['schemas']['CommentPeriod'][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PROCESS_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postProcessesByProcessConsultations: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Process id, slug or alias */
        process: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          versionId: string;
          title: string;
          /** @default  */
          description?: string;
          opensAt: string;
          closesAt: string;
          timeZone: string;
          /**
           * @default review
           * @enum {string}
           */
          moderation?: 'immediate' | 'review';
          /**
           * @default organisations
           * @enum {string}
           */
          submitters?: 'verified_organisations' | 'organisations' | 'individuals';
          /**
           * @default published
           * @enum {string}
           */
          individualNames?: 'published' | 'optional' | 'withheld';
        };
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommentPeriod'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PROCESS_NOT_FOUND; VERSION_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postConsultationsByIdExtend: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': {
          closesAt: string;
          reason: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommentPeriod'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PERIOD_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postConsultationsByIdClose: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['EarlyClose'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CommentPeriod'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PERIOD_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  consultationsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Comment period id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            period: components['schemas']['CommentPeriod'];
            published: number;
            rejectedByReason: {
              [key: string]: number;
            };
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PERIOD_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  consultationsByIdSubmissions: {
    parameters: {
      query?: {
        /** @description Stakeholder group */
        group?:
          | 'government'
          | 'igo'
          | 'private_sector'
          | 'civil_society'
          | 'technical_community'
          | 'academia'
          | 'individual';
        /** @description UN regional group of the organisation */
        region?:
          | 'african'
          | 'asia-pacific'
          | 'eastern-european'
          | 'latin-american-caribbean'
          | 'western-european-others';
        /** @description ISO 3166-1 alpha-3 */
        country?: string;
        language?: 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';
        /** @description Organisation id or slug */
        organisation?: string;
        /** @description Cursor: the `next` of the previous page */
        before?: string;
        /** @description The `nextCursor` of the previous page (the cursor of every list) */
        cursor?: string;
        /** @description Page size, 50 by default */
        limit?: number;
      };
      header?: never;
      path: {
        /** @description Comment period id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            submissions: components['schemas']['Submission'][];
            next: string | null;
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PERIOD_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postConsultationsByIdSubmissions: {
    parameters: {
      query?: never;
      header?: {
        /** @description A key unique to this submission; a retry with the same key returns the first receipt */
        'Idempotency-Key'?: string;
      };
      path: {
        /** @description Comment period id */
        id: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['NewSubmission'];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Receipt'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; SUBMITTER_NOT_ACCEPTED; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PERIOD_NOT_FOUND; ORGANISATION_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PERIOD_CLOSED; PERIOD_NOT_OPEN_YET; IDEMPOTENCY_CONFLICT */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description ANCHOR_INVALID; UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description RATE_LIMITED */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  versionsByIdAkn: {
    parameters: {
      query?: {
        /** @description Only this language (BCP 47 tag) */
        language?: string;
      };
      header?: never;
      path: {
        /** @description Version id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            files: {
              /** @description BCP 47 tag */
              language: string;
              filename: string;
              /** @description Akoma Ntoso 3.0 XML (AKN4UN), one FRBR expression */
              xml: string;
            }[];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description VERSION_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  consultationsByIdAnnotations: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Period id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PERIOD_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postConsultationsByIdAnnotations: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Period id (UUID) */
        id: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': {
          /** @description The organisation the comments are from, by id or slug */
          organisationId: string;
          /** @description A W3C AnnotationCollection with its first AnnotationPage embedded, an AnnotationPage, or a list of annotations (or any of them as JSON text) */
          collection: unknown;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            periodId: string;
            organisationId: string;
            total: number;
            imported: number;
            importedWithoutAnchor: number;
            notImported: number;
            notAnchored: number;
            annotations: {
              index: number;
              id: string | null;
              /** @enum {string} */
              status: 'imported' | 'imported_without_anchor' | 'not_imported';
              submissionId: string | null;
              anchoredTo: string[];
              problems: string[];
            }[];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PERIOD_NOT_FOUND; ORGANISATION_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PERIOD_CLOSED; PERIOD_NOT_OPEN_YET */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  processesByProcessMeetings: {
    parameters: {
      query?: {
        /** @description nextCursor of the previous page; absent for the first page */
        cursor?: string;
        /** @description Items per page (1 to 500; 100 unless given) */
        limit?: number;
      };
      header?: never;
      path: {
        /** @description Process id, slug or alias */
        process: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            meetings: components['schemas']['Meeting'][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PROCESS_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postProcessesByProcessMeetings: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Process id, slug or alias */
        process: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['NewMeeting'];
      };
    };
    responses: {
      /** @description OK */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Meeting'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PROCESS_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postMeetingsByIdChange: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Meeting id */
        id: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['MeetingChangeRequest'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Meeting'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description MEETING_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description MEETING_CANCELLED; MEETING_CHANGED */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postProcessesByProcessFollow: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Process id, slug or alias */
        process: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': components['schemas']['Follow'];
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            process: string;
            following: boolean;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PROCESS_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  meetingsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Meeting id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            meeting: components['schemas']['Meeting'];
            process: {
              id: string;
              slug: string;
              name: string;
            };
            changes: components['schemas']['MeetingChange'][];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description MEETING_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  submissionsById: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Submission id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            submission: components['schemas']['Submission'];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SUBMISSION_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postSubmissionsByIdCosign: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Submission id */
        id: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': {
          /**
           * Format: uuid
           * @description The co-signing organisation the token holder answers for
           */
          organisationId: string;
          /**
           * @description Co-sign the submission, or decline to
           * @enum {string}
           */
          answer: 'confirm' | 'decline';
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            submission: components['schemas']['Submission'];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; EMAIL_UNVERIFIED; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SUBMISSION_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description MODERATION_CONFLICT */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postConsultationsByIdPublish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Comment period id */
        id: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': Record<string, never>;
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PeriodPublication'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PERIOD_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PERIOD_NOT_CLOSED */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  postSubmissionsByIdModerate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Submission id */
        id: string;
      };
      cookie?: never;
    };
    /** @description JSON of at most 1,048,576 bytes (more is refused with 413 PAYLOAD_TOO_LARGE); a field not described here is refused with 422 UNKNOWN_FIELD. */
    requestBody: {
      content: {
        'application/json': {
          /** @enum {string} */
          action: 'publish' | 'reject' | 'return';
          /** @enum {string} */
          reason?: 'spam' | 'abuse' | 'off_topic';
          note?: string;
        };
      };
    };
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            submission: components['schemas']['Submission'];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SIGN_IN_REQUIRED; TOKEN_EXPIRED */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description FORBIDDEN; TOKEN_SCOPE_MISSING */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description SUBMISSION_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description MODERATION_CONFLICT */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PAYLOAD_TOO_LARGE */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description UNKNOWN_FIELD */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  transparencyTreeHead: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignedTreeHead'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description LOG_ENTRY_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  transparencyTreeHeads: {
    parameters: {
      query?: {
        /** @description Tree sizes below this one (the older form of `cursor`, kept) */
        before?: number;
        /** @description nextCursor of the previous page; absent for the first page */
        cursor?: string;
        /** @description Tree heads per page (1 to 1,000; 100 unless given) */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            treeHeads: components['schemas']['SignedTreeHead'][];
            /** @description `before` of the next page */
            next: number | null;
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  transparencyProof: {
    parameters: {
      query: {
        /** @description Position of the entry, or its leaf hash (hex) */
        leaf: string;
        /** @description Size of a published tree head; default the latest */
        size?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['InclusionProof'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description LOG_ENTRY_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  transparencyConsistency: {
    parameters: {
      query: {
        /** @description Size of the earlier signed tree head */
        first: number;
        /** @description Size of the later signed tree head */
        second: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ConsistencyProof'];
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description LOG_ENTRY_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  transparencyEntries: {
    parameters: {
      query?: {
        /** @description First position, from 0 (0 unless given; `cursor` takes the place of it) */
        start?: number;
        /** @description Position after the last; at most 1,000 past start (default start + limit) */
        end?: number;
        /** @description nextCursor of the previous page: the page starts after the entry it names */
        cursor?: string;
        /** @description Entries per page (1 to 1,000; 1,000 unless given) */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            entries: components['schemas']['LogEntry'][];
            /** @description Pass as `cursor` for the next page; null on the last page */
            nextCursor: string | null;
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  transparencyKey: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            keys: components['schemas']['LogKey'][];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  consultationsByIdCampaigns: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Comment period id */
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            campaigns: components['schemas']['Campaign'][];
          };
        };
      };
      /** @description INVALID_REQUEST */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PERIOD_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
  search: {
    parameters: {
      query?: {
        /** @description Process id, slug or alias */
        process?: string;
        /** @description Document id or UN symbol */
        document?: string;
        /** @description One of the six UN languages */
        language?: ('ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es') | '';
        /** @description Stakeholder group of the submitting organisation */
        group?:
          | (
              | 'government'
              | 'igo'
              | 'private_sector'
              | 'civil_society'
              | 'technical_community'
              | 'academia'
              | 'individual'
            )
          | '';
        /** @description Country of the submitting organisation, or State of a measure, ISO 3166-1 alpha-3 */
        country?: string;
        /** @description Only paragraphs, footnotes, submissions or national measures (the registry) */
        kind?: ('paragraph' | 'footnote' | 'submission' | 'measure') | '';
        /** @description Earliest date, YYYY-MM-DD */
        from?: string;
        /** @description Latest date, YYYY-MM-DD */
        to?: string;
        /** @description relevance (the default: BM25, phrase and proximity, a little recency) or newest */
        sort?: ('relevance' | 'newest') | '';
        /** @description Page of 20 passages, 1 to 50 */
        page?: string;
        /** @description The words (at most 200 characters); "quoted words" must appear side by side */
        q?: string;
        /** @description nextCursor of the previous page, with the same q, filters and sort. It holds the last result’s (score, day, passage number) and what the first page scored with (each word’s rarity, the newest day, the newest passage): a later page scores the passages there at the start exactly as the first page did and leaves out those added since, so the walk gives each once even while the index grows. No snapshot is kept on the server */
        cursor?: string;
        /** @description Results per page (1 to 100; 20 unless given). `page` (the older form, kept) pages by position instead and gives no nextCursor */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OK */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SearchResult'];
        };
      };
      /** @description INVALID_REQUEST; SEARCH_QUERY_EMPTY; SEARCH_QUERY_TOO_LONG */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
      /** @description PROCESS_NOT_FOUND; DOCUMENT_NOT_FOUND */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Error'];
        };
      };
    };
  };
}
