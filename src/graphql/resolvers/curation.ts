import type { Caller } from '../../curation/authenticate.js';
import { addDesignation, type DesignationInput } from '../../curation/add-designation.js';
import { addRelationship, type RelationshipInput } from '../../curation/add-relationship.js';
import { listChanges, pageOfChanges, type ChangeRecord } from '../../curation/change-record.js';
import { connectionOf, pageArguments } from '../connection.js';
import { retractFact } from '../../curation/retract-fact.js';
import { upsertEntity, type EntityInput } from '../../curation/upsert-entity.js';
import { intArgument } from '../arguments.js';
import type { Context } from '../context.js';
import { answer, forbidden } from '../errors.js';
import { sourcesOf } from '../related.js';

/** Mutations are for editors only; the key itself never goes further than this check. */
function editor(context: Context): Caller {
  if (context.caller?.role === 'editor') return context.caller;
  throw forbidden(
    context.caller
      ? 'This API key may read but not curate: an editor key is needed.'
      : 'Curation needs an API key with the editor role (authorization: Bearer <key>, or x-api-key).',
  );
}

type Args<T> = { input: T };

/** The audit trail names curators and their reasons: once keys exist, it is for key holders only. */
function auditReader(context: Context): void {
  if (context.settings.keysConfigured && !context.caller)
    throw forbidden('The audit trail needs an API key (authorization: Bearer <key>, or x-api-key).');
}

export const curationResolvers = {
  Query: {
    changes: (_: unknown, args: { since?: string | null; limit?: number | null }, context: Context) => {
      auditReader(context);
      return listChanges(context.db, args.since ?? null, intArgument('limit', args.limit, 100, 1, 1000));
    },
    changeConnection: async (
      _: unknown,
      args: { since?: string | null; first?: number | null; after?: string | null },
      context: Context,
    ) => {
      auditReader(context);
      const { first, start } = pageArguments(args, { fallback: 100, max: 1000 });
      const { changes, total } = await pageOfChanges(context.db, args.since ?? null, start, first);
      return connectionOf(
        changes.map((node) => ({ node })),
        start,
        total,
      );
    },
  },
  Mutation: {
    upsertEntity: (_: unknown, { input }: Args<EntityInput>, context: Context) =>
      answer(() => upsertEntity(context.db, editor(context), input)),
    addRelationship: (_: unknown, { input }: Args<RelationshipInput>, context: Context) =>
      answer(() => addRelationship(context.db, editor(context), input)),
    addDesignation: (_: unknown, { input }: Args<DesignationInput>, context: Context) =>
      answer(() => addDesignation(context.db, editor(context), input)),
    retractFact: (
      _: unknown,
      args: { id: string; reason: string; sources?: string[] | null },
      context: Context,
    ) => answer(() => retractFact(context.db, editor(context), args.id, args.reason, args.sources ?? [])),
  },
  Change: {
    sources: (change: ChangeRecord, _: unknown, context: Context) => sourcesOf(context, change),
  },
};
