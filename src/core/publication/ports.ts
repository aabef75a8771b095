// What publishing needs from the database: the publication records (row-versioned).
import type { Publication, PublicationKind, PublicDim } from '../../shared/publication';

export type StoredPublication = Omit<Publication, 'indicatorName'>;

export interface PublicationStore {
  list(): Promise<StoredPublication[]>;
  get(id: string): Promise<StoredPublication | null>;
  /** The record publishing exactly this item, if any. */
  find(q: { kind: PublicationKind; indicatorCode: string | null; dim: PublicDim | null; period: string }): Promise<StoredPublication | null>;
  insert(p: Omit<StoredPublication, 'rowVersion' | 'updatedAt'>): Promise<void>;
  /** false when the row is gone or its version is no longer `rowVersion`. */
  updateTitle(id: string, rowVersion: number, title: string, now: string): Promise<boolean>;
  delete(id: string, rowVersion: number): Promise<boolean>;
}
