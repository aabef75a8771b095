import type { Generated } from 'kysely';

type Timestamp = string | Date;

export interface PublicationTable {
  id: string;
  item_key: string;
  kind: string;
  indicator_code: string | null;
  dim: string | null;
  period: string;
  title: string;
  published_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  row_version: Generated<number>;
}

export interface PublicationTables {
  publication: PublicationTable;
}
