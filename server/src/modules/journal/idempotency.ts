import { createHash } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { badInput } from '../../core/errors.js';
import { AppliedMutation } from './applied-mutation.entity.js';

export interface Once<T> {
  operation: string;
  clientMutationId: string | null | undefined;
  /** The mutation's input as sent: a retry must send the same. */
  input: object;
  /** The writes, in a transaction; `remember` stores what a retry needs to answer the same. */
  apply(
    tx: EntityManager,
    remember: (schoolId: string, stored: object) => Promise<void>,
  ): Promise<T>;
  /** The answer to a retry of a batch already applied. */
  replay(em: EntityManager, stored: unknown): Promise<T>;
}

/** JSON with keys sorted at every level, absent and undefined alike: one text per input. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export const inputHash = (input: object) =>
  createHash('sha256').update(canonical(input)).digest('hex');

/**
 * Batch mutations over a flaky school network: a client that lost the response retries with the
 * same `clientMutationId` and gets the first result back instead of a second copy of the writes.
 * The id is the actor's, per operation; the same id with different input is not a retry and is
 * refused (BAD_USER_INPUT on clientMutationId), never answered with another batch's result.
 */
export async function applyOnce<T>(
  em: EntityManager,
  viewer: Viewer,
  once: Once<T>,
): Promise<{ result: T; replayed: boolean }> {
  const id = once.clientMutationId?.trim() || null;
  if (id && id.length > 100) {
    throw badInput('clientMutationId', 'input.tooLong', { max: 100 });
  }
  const hash = inputHash(once.input);
  const stored = async (from: EntityManager) => {
    const found = id
      ? await from.findOne(AppliedMutation, {
          actor: viewer.personId,
          clientMutationId: id,
          operation: once.operation,
        })
      : null;
    if (found?.inputHash && found.inputHash !== hash) {
      throw badInput('clientMutationId', 'clientMutationId.reused');
    }
    return found;
  };
  const earlier = await stored(em);
  if (earlier) {
    return { result: await once.replay(em, earlier.result), replayed: true };
  }
  try {
    const result = await em.transactional((tx) =>
      once.apply(tx, async (schoolId, value) => {
        if (!id) {
          return;
        }
        // Flushed at once: a concurrent retry of this very batch now waits on the unique key.
        tx.persist(
          tx.create(AppliedMutation, {
            school: schoolId,
            actor: viewer.personId,
            clientMutationId: id,
            operation: once.operation,
            result: value,
            inputHash: hash,
          }),
        );
        await tx.flush();
      }),
    );
    return { result, replayed: false };
  } catch (err) {
    if (id && err instanceof UniqueConstraintViolationException) {
      const fork = em.fork();
      const first = await stored(fork);
      if (first) {
        return { result: await once.replay(fork, first.result), replayed: true };
      }
    }
    throw err;
  }
}
