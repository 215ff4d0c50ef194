/**
 * The TypeScript types of the JSON API, generated from its OpenAPI description by openapi-typescript
 * and written to `openapi-types.generated.ts` for a typed client (openapi-fetch). Development only
 * (it uses dev dependencies): `npm run api:types` rewrites the file, and api-client.test.ts fails
 * when the committed file is not what the description generates.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import prettier from 'prettier';
import { createApp } from '../app.ts';
import { openTestDatabase } from '../db/test-databases.ts';

/** Where the generated types are committed. */
export const clientTypesFile = fileURLToPath(
  new URL('./openapi-types.generated.ts', import.meta.url),
);

/** The OpenAPI description the app serves at /api/openapi.json. */
export async function servedOpenApi(): Promise<OpenAPI3> {
  const o = await openTestDatabase('sqlite');
  try {
    const res = await createApp({ db: o.db, engine: 'sqlite' }).request('/api/openapi.json');
    return (await res.json()) as OpenAPI3;
  } finally {
    await o.close();
  }
}

/**
 * The types openapi-typescript generates from a description, formatted as the project's code;
 * it throws on a description it cannot read (a self-referencing or unresolved `$ref`).
 */
export async function clientTypesOf(description: OpenAPI3): Promise<string> {
  // A field with a default may be left out of a request: keep it optional in the types.
  const ast = await openapiTS(structuredClone(description), {
    silent: true,
    defaultNonNullable: false,
  });
  const source = [
    '/**',
    ' * The JSON API as TypeScript types, for openapi-fetch (see docs/API.md). Generated from',
    ' * /api/openapi.json by `npm run api:types`: do not edit.',
    ' */',
    astToString(ast),
  ].join('\n');
  const options = await prettier.resolveConfig(clientTypesFile);
  return prettier.format(source, { ...options, filepath: clientTypesFile });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(clientTypesFile, await clientTypesOf(await servedOpenApi()));
  console.log(`wrote ${clientTypesFile}`);
}
