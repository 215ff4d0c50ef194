/** The HTML page shown for an error. */
import { html } from 'hono/html';
import { page, type Markup } from './layout.ts';

/** A page that says what went wrong and what to do. */
export function errorPage(status: number, code: string, message: string): Markup {
  const heading =
    status === 404
      ? 'Not found'
      : status >= 500
        ? 'Something went wrong'
        : 'This request cannot be served';
  return page({
    title: heading,
    main: html`<div class="error-page">
      <h1>${heading}</h1>
      <p>${message}</p>
      <p class="meta">Error code <code>${code}</code> (HTTP ${status}).</p>
      <p><a href="/">Back to the list of processes</a></p>
    </div>`,
  });
}
