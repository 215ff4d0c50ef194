/**
 * The transparency log (RFC 9162 style): its entries with their leaf hashes, the completed
 * interior nodes of its Merkle tree, its head (size and compact range, the one row every append
 * locks), the signed tree heads it published, and the Ed25519 signing key made here, at
 * installation. Submissions get the version of their receipt's fingerprint: rows stored before
 * keep version 1 (content without id or time); new ones are version 2.
 * Positions are 32-bit integers on PostgreSQL: two billion entries before a migration widens them.
 * Frozen: a migration never imports application code and is never edited once released.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import type { Kysely } from 'kysely';

/** Creates the log's tables, its empty head and its first signing key. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on the app's evolving types
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('transparency_entries')
    .addColumn('leaf_index', 'integer', (c) => c.primaryKey())
    .addColumn('leaf_hash', 'text', (c) => c.notNull())
    // The canonical JSON whose leaf hash is leaf_hash.
    .addColumn('entry', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    // What the entry is about (a submission's id), to find its proof again.
    .addColumn('subject_id', 'text', (c) => c.notNull())
    // The document version whose readers may read the entry; null: everyone.
    .addColumn('version_id', 'text')
    .execute();
  await db.schema
    .createIndex('transparency_entries_by_subject')
    .on('transparency_entries')
    .columns(['subject_id', 'leaf_index'])
    .execute();
  await db.schema
    .createIndex('transparency_entries_by_hash')
    .on('transparency_entries')
    .column('leaf_hash')
    .execute();
  await db.schema
    .createTable('transparency_nodes')
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('transparency_nodes_pk', ['level', 'idx'])
    .execute();
  await db.schema
    .createTable('transparency_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('size', 'integer', (c) => c.notNull())
    // The hashes of the complete subtrees of [0, size), largest first, hex, comma-separated.
    .addColumn('frontier', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('transparency_head').values({ id: 1, size: 0, frontier: '' }).execute();
  await db.schema
    .createTable('transparency_tree_heads')
    .addColumn('tree_size', 'integer', (c) => c.primaryKey())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('timestamp', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('transparency_keys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('public_key', 'text', (c) => c.notNull())
    .addColumn('private_key', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  await db
    .insertInto('transparency_keys')
    .values({
      // The key id is the SHA-256 of the public key's DER (SubjectPublicKeyInfo), as CT's log id.
      id: createHash('sha256').update(spki).digest('hex'),
      public_key: spki.toString('base64'),
      private_key: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
      created_at: new Date().toISOString(),
      retired_at: null,
    })
    .execute();
  await db.schema
    .alterTable('submissions')
    .addColumn('fingerprint_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}
