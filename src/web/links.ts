/** Addresses the pages of several features print: a document's, and the way back after a form. */

/** A local path to go back to after signing in: never another site. */
export function safeBack(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/';
}

/** The address of a document page for a version number and language. */
export function documentHref(documentId: string, versionSeq?: number, language?: string): string {
  if (versionSeq === undefined) return `/documents/${documentId}`;
  return `/documents/${documentId}/v/${versionSeq}${language ? `/${encodeURIComponent(language)}` : ''}`;
}

/** The name a document goes by in lists and titles: its symbol and title. */
export function documentLabel(document: { symbol: string | null; title: string }): string {
  return document.symbol ? `${document.symbol}: ${document.title}` : document.title;
}
