import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Viewer } from '../../auth/viewer.js';
import { badInput } from '../../core/errors.js';
import { AppliedMutation } from './applied-mutation.entity.js';

export interface Once<T> {
  operation: string;
  clientMutationId: string | null | undefined;
  /** The writes, in a transaction; `remember` stores what a retry needs to answer the same. */
  apply(
    tx: EntityManager,
    remember: (schoolId: string, stored: object) => Promise<void>,
  ): Promise<T>;
  /** The answer to a retry of a batch already applied. */
  replay(em: EntityManager, stored: unknown): Promise<T>;
}

/**
 * Batch mutations over a flaky school network: a client that lost the response retries with the
 * same `clientMutationId` and gets the first result back instead of a second copy of the writes.
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
  const stored = async (from: EntityManager) =>
    id
      ? from.findOne(AppliedMutation, {
          actor: viewer.personId,
          clientMutationId: id,
          operation: once.operation,
        })
      : null;
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
