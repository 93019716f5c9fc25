import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as mariadb from 'mariadb';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import { poolConfigFromUrl } from '../../src/database/database-url';

// Migrations are hand-written SQL (the migration engine cannot be downloaded where we build),
// so this suite is what keeps them honest: the database they produce must be the one
// schema.prisma describes, model by model, column by column, index by index.

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object';
  type: string;
  isRequired: boolean;
  isList: boolean;
  nativeType: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  fields: Array<{ name: string }>;
}
interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: Array<{ name: string; values: Array<{ name: string }> }>;
    indexes: DmmfIndex[];
  };
}

const schema = readFileSync(join(__dirname, '..', '..', 'prisma', 'schema.prisma'), 'utf8');
const dmmf: Dmmf = JSON.parse(
  get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schema]] })),
);
const models = dmmf.datamodel.models;
const enums = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)]));

function expectedColumnType(field: DmmfField): string {
  if (field.kind === 'enum')
    return `enum(${enums
      .get(field.type)!
      .map((v) => `'${v}'`)
      .join(',')})`;
  const [native, args] = field.nativeType ?? [null, []];
  switch (field.type) {
    case 'Int':
      return 'int';
    case 'BigInt':
      return 'bigint';
    case 'Boolean':
      return 'tinyint';
    case 'Json':
      return 'longtext';
    case 'DateTime':
      return native === 'Date' ? 'date' : `datetime(${args[0] ?? 3})`;
    case 'String':
      if (native === 'Text') return 'text';
      if (native === 'Char') return `char(${args[0]})`;
      return `varchar(${args[0] ?? 191})`;
    default:
      throw new Error(`type ${field.type} is not mapped in this test`);
  }
}

// information_schema's COLUMN_TYPE with the display widths MariaDB adds (int(11)) removed.
function actualColumnType(row: { DATA_TYPE: string; COLUMN_TYPE: string }): string {
  if (['int', 'bigint', 'tinyint', 'longtext', 'text'].includes(row.DATA_TYPE))
    return row.DATA_TYPE;
  return row.COLUMN_TYPE.replace(/\s+/g, '');
}

const tableOf = (m: DmmfModel) => m.dbName ?? m.name;
const columnOf = (f: DmmfField) => f.dbName ?? f.name;

describe('the migrated database', () => {
  let conn: mariadb.Connection;
  let columns: Array<{
    TABLE_NAME: string;
    COLUMN_NAME: string;
    DATA_TYPE: string;
    COLUMN_TYPE: string;
    IS_NULLABLE: string;
  }>;

  beforeAll(async () => {
    conn = await mariadb.createConnection(poolConfigFromUrl(process.env.DATABASE_URL!));
    columns = await conn.query(
      'SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()',
    );
  });
  afterAll(() => conn.end());

  it('has exactly the tables schema.prisma declares, plus Prisma migration history', async () => {
    const rows: Array<{ TABLE_NAME: string }> = await conn.query(
      'SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()',
    );
    expect(rows.map((r) => r.TABLE_NAME).sort()).toEqual(
      [...models.map(tableOf), '_prisma_migrations'].sort(),
    );
  });

  it.each(models.map((m) => [m.name, m] as const))(
    '%s has every column with its type family and nullability',
    (_, model) => {
      const scalar = model.fields.filter((f) => f.kind !== 'object');
      const expected = scalar.map((f) => ({
        column: columnOf(f),
        type: expectedColumnType(f),
        nullable: !f.isRequired,
      }));
      const actual = columns
        .filter((c) => c.TABLE_NAME === tableOf(model))
        .map((c) => ({
          column: c.COLUMN_NAME,
          type: actualColumnType(c),
          nullable: c.IS_NULLABLE === 'YES',
        }));
      const byName = (a: { column: string }, b: { column: string }) =>
        a.column.localeCompare(b.column);
      expect(actual.sort(byName)).toEqual(expected.sort(byName));
    },
  );

  it('has every primary key, unique constraint and index, and no others', async () => {
    const rows: Array<{
      TABLE_NAME: string;
      INDEX_NAME: string;
      NON_UNIQUE: number;
      COLUMN_NAME: string;
    }> = await conn.query(
      `SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME FROM information_schema.STATISTICS
         WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> '_prisma_migrations' ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
    );
    const grouped = new Map<
      string,
      { table: string; name: string; unique: boolean; cols: string[] }
    >();
    for (const r of rows) {
      const key = `${r.TABLE_NAME}.${r.INDEX_NAME}`;
      const entry = grouped.get(key) ?? {
        table: r.TABLE_NAME,
        name: r.INDEX_NAME,
        unique: Number(r.NON_UNIQUE) === 0,
        cols: [],
      };
      entry.cols.push(r.COLUMN_NAME);
      grouped.set(key, entry);
    }
    // MariaDB adds an index for a foreign key that no declared index covers; Prisma expects it.
    const actual = [...grouped.values()]
      .filter((i) => !i.name.endsWith('_fkey'))
      .map(
        (i) =>
          `${i.table}(${i.cols.join(',')})${i.name === 'PRIMARY' ? ' pk' : i.unique ? ' unique' : ''}`,
      )
      .sort();
    const modelByName = new Map(models.map((m) => [m.name, m]));
    const expected = dmmf.datamodel.indexes
      .map((i) => {
        const model = modelByName.get(i.model)!;
        const cols = i.fields.map((f) => columnOf(model.fields.find((mf) => mf.name === f.name)!));
        const suffix = i.type === 'id' ? ' pk' : i.type === 'unique' ? ' unique' : '';
        return `${tableOf(model)}(${cols.join(',')})${suffix}`;
      })
      .sort();
    expect(actual).toEqual(expected);
  });

  it('has every foreign key of every relation', async () => {
    const rows: Array<{ TABLE_NAME: string; COLUMN_NAME: string; REFERENCED_TABLE_NAME: string }> =
      await conn.query(
        `SELECT TABLE_NAME, COLUMN_NAME, REFERENCED_TABLE_NAME FROM information_schema.KEY_COLUMN_USAGE
       WHERE TABLE_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME IS NOT NULL`,
      );
    const actual = rows
      .map((r) => `${r.TABLE_NAME}.${r.COLUMN_NAME} -> ${r.REFERENCED_TABLE_NAME}`)
      .sort();
    const expected = models
      .flatMap((m) =>
        m.fields
          .filter((f) => f.kind === 'object' && f.relationFromFields?.length)
          .map(
            (f) => `${tableOf(m)}.${f.relationFromFields![0]} -> ${tableOf(modelByNameOf(f.type))}`,
          ),
      )
      .sort();
    expect(actual).toEqual(expected);
  });
});

function modelByNameOf(name: string): DmmfModel {
  return models.find((m) => m.name === name)!;
}
