/**
 * The protocol a writer elsewhere speaks (the writer thread, the primary of --workers N): groups
 * answered in the order received, a refusal coming back as the same error, and every group
 * waiting failing at once when the writer is gone.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPlenumError, PlenumError } from '../errors.ts';
import {
  GroupsAwaitingAnswer,
  GroupsInTurn,
  type SubmissionWriter,
  type ToStore,
} from './submission-writer.ts';
import type { StoreOutcome } from './submissions.service.ts';

const replay = (id: string): ToStore =>
  ({ prepared: { replay: { submissionId: id } }, now: new Date() }) as unknown as ToStore;

test('groups are stored one after another in the order received, a refusal comes back as the same error', async () => {
  const order: string[] = [];
  let inStore = 0;
  const writer: SubmissionWriter = {
    store: async (items) => {
      assert.equal(inStore++, 0, 'one group at a time');
      await new Promise((resolve) => setTimeout(resolve, 5));
      inStore--;
      const id = (items[0]!.prepared as { replay: { submissionId: string } }).replay.submissionId;
      order.push(id);
      if (id === 'refused') throw new PlenumError('PERIOD_CLOSED');
      return items.map((i) => ({ ok: true, receipt: i.prepared.replay! }) as StoreOutcome);
    },
    close: async () => {},
  };
  const inTurn = new GroupsInTurn(writer);
  const waiting = new GroupsAwaitingAnswer();
  const send = (id: string) =>
    waiting.send([replay(id)], (request) => {
      void inTurn.answer(request).then((answer) => waiting.settle(answer));
    });
  const [a, refused, b] = await Promise.allSettled([send('a'), send('refused'), send('b')]);
  assert.deepEqual(order, ['a', 'refused', 'b']);
  assert.equal(a.status, 'fulfilled');
  assert.equal(b.status, 'fulfilled');
  assert.equal(refused.status, 'rejected');
  const error = (refused as PromiseRejectedResult).reason as unknown;
  assert.ok(isPlenumError(error) && error.code === 'PERIOD_CLOSED', String(error));
  await inTurn.drained();
  await waiting.answered();
});

test(
  'when the writer is gone, every group waiting fails at once, and every later one',
  { timeout: 5000 },
  async () => {
    const waiting = new GroupsAwaitingAnswer();
    // Sent, never answered: the other end is gone.
    const first = waiting.send([replay('x')], () => {});
    const second = waiting.send([replay('y')], () => {});
    waiting.fail(new Error('the writer is gone'));
    await assert.rejects(first, /the writer is gone/);
    await assert.rejects(second, /the writer is gone/);
    await assert.rejects(
      waiting.send([replay('z')], () => {}),
      /the writer is gone/,
    );
    await waiting.answered();
  },
);

test('a group the channel refuses to carry fails alone', async () => {
  const waiting = new GroupsAwaitingAnswer();
  await assert.rejects(
    waiting.send([replay('x')], () => Promise.reject(new Error('channel closed'))),
    /channel closed/,
  );
  await waiting.answered();
});
