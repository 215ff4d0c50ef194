import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { OpenDatabase } from '../db/database.ts';
import { openTestDatabase, testEngines } from '../db/test-databases.ts';
import { isPlenumError } from '../errors.ts';
import { createProcess, getProcesses, lookupProcess } from './processes.service.ts';

for (const engine of testEngines()) {
  describe(`processes (${engine})`, () => {
    let o: OpenDatabase;
    before(async () => {
      o = await openTestDatabase(engine);
    });
    after(async () => o.close());

    test('finds a process by id, slug, name, short name or alias, ignoring case and accents', async () => {
      const created = await createProcess(o.db, {
        slug: 'ahc',
        name: 'Comité spécial',
        shortName: 'AHC',
        parentBody: 'Test Assembly',
        mandate: 'Drafting in tests.',
        aliases: ['OECE', 'A/AC.291'],
      });
      for (const ref of [
        created.id,
        'ahc',
        'AHC',
        'comite special',
        'COMITÉ SPÉCIAL',
        'oece',
        'a/ac.291',
        ' OECE ',
      ]) {
        assert.equal((await lookupProcess(o.db, ref))?.id, created.id, ref);
      }
      assert.equal(await lookupProcess(o.db, 'OEWG'), undefined);
      assert.equal(await lookupProcess(o.db, ''), undefined);
      assert.deepEqual(created.aliases.toSorted(), ['A/AC.291', 'AHC', 'OECE']);
    });

    test('refuses a slug or an alias another process already uses, storing nothing', async () => {
      const before = (await getProcesses(o.db)).length;
      for (const input of [
        { slug: 'ahc', name: 'Another' },
        { slug: 'other', name: 'Other', aliases: ['oece'] },
        { slug: 'third', name: 'comité  spécial' },
      ]) {
        await assert.rejects(
          createProcess(o.db, { parentBody: 'X', mandate: 'Y', ...input }),
          (e: unknown) => isPlenumError(e) && e.code === 'PROCESS_CONFLICT',
        );
      }
      await assert.rejects(
        createProcess(o.db, { slug: 'Not A Slug', name: 'N', parentBody: 'X', mandate: 'Y' }),
        (e: unknown) => isPlenumError(e) && e.code === 'INVALID_REQUEST',
      );
      assert.equal((await getProcesses(o.db)).length, before);
    });
  });
}
