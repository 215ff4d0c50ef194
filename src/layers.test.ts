/**
 * The layer order of docs/ARCHITECTURE.md, checked on every import of the shipped code: features
 * form a graph without cycles, a feature never reaches into another's routes, views or store,
 * the shared layers below the features import none of them, and test generators stay test code.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/** The features from the base up: a feature may import only the features before it. */
export const featureOrder = [
  'accounts',
  'processes',
  'documents',
  'organisations',
  'revisions',
  'imports',
  'transparency',
  'consultations',
  'submissions',
  'campaigns',
  'meetings',
  'search',
  'concepts',
  'watches',
  'stances',
  'registry',
  'interchange',
  'briefings',
  'notifications',
] as const;

/** Below every feature: they import no feature (but for the exceptions named in `kernelMayImport`). */
const kernel = [
  'db',
  'events',
  'text',
  'exchange',
  'web',
  'api',
  'limits',
  'mail',
  'errors.ts',
  'validation.ts',
  'config.ts',
];

/**
 * Above every feature: the app, the HTTP server, the command line, the demo and the pages that
 * gather what several features hold (`pages/`: each feature draws its own section with its views,
 * the page composes them) may import anything, but a page reads through services, never a store.
 */
const top = [
  'app.ts',
  'http-server.ts',
  'test-client.ts',
  'followers.ts',
  'write-limits.ts',
  'cli',
  'demo',
  'pages',
];

/**
 * The request context (`src/context.ts`, with what it believes of the request's site and client,
 * `site-base.ts`, and the one form-body parser, `form-body.ts`) sits beside the app, yet every
 * route reads it; it may import features only for their types, so it adds no edge at run time.
 */
const requestContext = ['context.ts', 'site-base.ts', 'form-body.ts'];

/** A file of another feature that no feature may import. */
const privateRoles = /\.(routes|views|store)\.ts$/;

/** The kernel's own imports of features, each for a reason. */
const kernelMayImport: Record<string, RegExp> = {
  // The Database type is the union of every feature's tables.
  'db/database.ts': /^[a-z-]+\/[a-z-]+\.table\.ts$/,
  // The page frame names the signed-in reader in its header.
  'web/page-context.ts': /^accounts\/accounts\.schema\.ts$/,
  // The operator page of the followers asks whether the viewer is an administrator.
  'events/followers.policy.ts': /^accounts\/accounts\.schema\.ts$/,
  'events/followers.service.ts': /^accounts\/accounts\.schema\.ts$/,
  // `npm run api:types` describes the whole app to generate the client's types.
  'api/client-types.ts': /^app\.ts$/,
};

/** One import that breaks the layers, with the rule it breaks. */
export interface Violation {
  edge: string;
  rule: string;
}

type Place =
  | { kind: 'feature'; name: string; rank: number }
  | { kind: 'kernel' | 'top' | 'context' | 'other'; name: string };

/** Where a path relative to src/ sits in the layers. */
function placeOf(path: string): Place {
  const head = path.split('/')[0]!;
  const rank = (featureOrder as readonly string[]).indexOf(head);
  if (rank >= 0 && path.includes('/')) return { kind: 'feature', name: head, rank };
  if (requestContext.includes(path)) return { kind: 'context', name: head };
  if (kernel.includes(head)) return { kind: 'kernel', name: head };
  if (top.includes(head)) return { kind: 'top', name: head };
  return { kind: 'other', name: head };
}

/** The relative imports of a module's source: each with whether it is erased at run time. */
function importsOf(source: string): { spec: string; typeOnly: boolean }[] {
  const found: { spec: string; typeOnly: boolean }[] = [];
  const pattern = /(?:^|\n)\s*(import|export)\s+(type\s+)?[^'";]*?from\s+'(\.{1,2}\/[^']+)'/g;
  for (const m of source.matchAll(pattern)) found.push({ spec: m[3]!, typeOnly: !!m[2] });
  for (const m of source.matchAll(/import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g))
    found.push({ spec: m[1]!, typeOnly: false });
  return found;
}

/** Every import among the given modules (paths relative to src/) that breaks the layers. */
export function layerViolations(modules: Map<string, string>): Violation[] {
  const out: Violation[] = [];
  for (const [file, source] of modules) {
    if (/\.(test|builder)\.ts$/.test(file)) continue;
    const from = placeOf(file);
    for (const { spec, typeOnly } of importsOf(source)) {
      const target = normalize(join(dirname(file), spec));
      const edge = `${file} -> ${target}`;
      const to = placeOf(target);
      if (/\.builder\.ts$/.test(target)) {
        out.push({ edge, rule: 'test generators are imported by tests only' });
        continue;
      }
      if (from.kind === 'top' && from.name === 'pages' && /\.store\.ts$/.test(target)) {
        out.push({ edge, rule: "a page composes features' services and views, never a store" });
        continue;
      }
      if (from.kind === 'top' || (from.kind === 'feature' && from.name === to.name)) continue;
      if (from.kind === 'context') {
        if (!typeOnly && to.kind === 'feature')
          out.push({ edge, rule: 'the request context imports features for their types only' });
        continue;
      }
      if (from.kind === 'kernel') {
        if (to.kind === 'kernel' || kernelMayImport[file]?.test(target)) continue;
        // The request context's types (AppEnv) are erased at run time: no edge.
        if (to.kind === 'context' && typeOnly) continue;
        out.push({ edge, rule: 'the layers below the features import none above them' });
        continue;
      }
      if (from.kind !== 'feature') continue;
      if (to.kind === 'top') out.push({ edge, rule: 'a feature never imports the app above it' });
      if (to.kind !== 'feature') continue;
      if (to.rank > from.rank)
        out.push({ edge, rule: `${from.name} is below ${to.name} in the layer order` });
      else if (privateRoles.test(target))
        out.push({
          edge,
          rule: "a feature never imports another feature's routes, views or store",
        });
    }
  }
  return out;
}

/** Every TypeScript module under a folder, by path relative to that folder. */
function modulesUnder(root: string): Map<string, string> {
  const modules = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    if (path.includes('/migrations/')) continue;
    modules.set(relative(root, path), readFileSync(path, 'utf8'));
  }
  return modules;
}

const src = new URL('.', import.meta.url).pathname;

test('every import of the shipped code keeps the layer order', () => {
  assert.deepEqual(layerViolations(modulesUnder(src)), []);
});

test('finds an import against the order, of a private role, from the kernel, of a builder', () => {
  const modules = new Map([
    [
      'documents/documents.service.ts',
      "import { draftBriefing } from '../briefings/briefings.service.ts';",
    ],
    [
      'submissions/submissions.routes.ts',
      "import { periodFromAddress } from '../consultations/consultations.routes.ts';",
    ],
    [
      'submissions/submissions.service.ts',
      "import { findVersion } from '../documents/documents.store.ts';",
    ],
    ['web/layout.ts', "import type { Process } from '../processes/processes.schema.ts';"],
    ['context.ts', "import { submissionQueue } from './submissions/submission-queue.ts';"],
    ['search/search.service.ts', "import { createApp } from '../app.ts';"],
    [
      'revisions/align.ts',
      "import { buildMessyDocument } from '../imports/parser/messy-document.builder.ts';",
    ],
    ['pages/account-page.ts', "import { findAccount } from '../accounts/accounts.store.ts';"],
  ]);
  assert.deepEqual(
    layerViolations(modules).map((v) => v.rule),
    [
      'documents is below briefings in the layer order',
      "a feature never imports another feature's routes, views or store",
      "a feature never imports another feature's routes, views or store",
      'the layers below the features import none above them',
      'the request context imports features for their types only',
      'a feature never imports the app above it',
      'test generators are imported by tests only',
      "a page composes features' services and views, never a store",
    ],
  );
});

test('allows an import down the order, of a service or schema, type-only from the context, of views by a page', () => {
  const modules = new Map([
    [
      'stances/stances.service.ts',
      "import { findConcept } from '../concepts/concepts.service.ts';",
    ],
    [
      'stances/stances.views.ts',
      "import type { Concept } from '../concepts/concepts.schema.ts';\nimport { page } from '../web/layout.ts';",
    ],
    ['context.ts', "import type { SubmissionQueue } from './submissions/submission-queue.ts';"],
    ['meetings/meetings.routes.ts', "import { clockOf, type AppEnv } from '../context.ts';"],
    ['imports/imports.test.ts', "import { buildDraftMarkdown } from './imports.builder.ts';"],
    ['cli/serve.command.ts', "import { startHttpServer } from '../http-server.ts';"],
    ['pages/account-page.ts', "import { meetingList } from '../meetings/meetings.views.ts';"],
  ]);
  assert.deepEqual(layerViolations(modules), []);
});
