// What the registry use-cases need from the database (implemented in src/db/repositories/registries-*.ts).
import type { ParkInput, PlatformInput, ProjectInput, ProjectReviewFunds, RecordSource } from '../../shared/registries';

export interface StoredMeta {
  id: string;
  demo: boolean;
  rowVersion: number;
  /** The owning organisation for 'own' scope: the county the record is located in. */
  countyOrgId: string | null;
  countyName: string | null;
  updatedAt: string;
  /** Name, full pinyin and pinyin initials in lower case (src/db/search-key.ts), what the lists search. */
  searchKey: string;
}

export type StoredPlatform = PlatformInput & StoredMeta;
export type StoredPark = ParkInput & StoredMeta & { source: RecordSource };
export type StoredProject = ProjectInput & StoredMeta & { source: RecordSource; reviewFunds?: ProjectReviewFunds };

export interface RegistryKindMap {
  platform: { input: PlatformInput; stored: StoredPlatform };
  park: { input: ParkInput; stored: StoredPark };
  project: { input: ProjectInput; stored: StoredProject };
}

export interface WriteExtras {
  countyOrgId: string | null;
  source: RecordSource;
  demo: boolean;
}

export interface RegistryRepo<I, S> {
  list(): Promise<S[]>;
  get(id: string): Promise<S | null>;
  findByName(name: string): Promise<S | null>;
  insert(input: I, extras: WriteExtras, now: string): Promise<string>;
  /** Returns false when the row's version is no longer `rowVersion` (someone else changed it). */
  update(id: string, rowVersion: number, input: I, extras: Pick<WriteExtras, 'countyOrgId'>, now: string): Promise<boolean>;
  delete(id: string, rowVersion: number): Promise<boolean>;
}

export interface KnownCodes {
  /** County / district / zone division codes → organisation id. */
  counties: ReadonlyMap<string, string>;
  industries: ReadonlySet<string>;
  tasks: ReadonlySet<string>;
}

export interface RegistriesStore {
  platforms: RegistryRepo<PlatformInput, StoredPlatform>;
  parks: RegistryRepo<ParkInput, StoredPark>;
  projects: RegistryRepo<ProjectInput, StoredProject>;
  /** Codes a record may refer to (counties; industry and task codes of the default plan). */
  knownCodes(): Promise<KnownCodes>;
  evidence: EvidenceStore;
}

export interface EvidenceFile {
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  contentBase64: string;
  uploadedBy: string;
  uploadedAt: string;
}

export interface EvidenceStore {
  /** Stores the file and names it on the record (bumping its row_version). */
  attach(entity: 'platform', entityId: string, file: EvidenceFile, id: string): Promise<void>;
  /** The latest file attached to the record. */
  latest(entity: 'platform', entityId: string): Promise<EvidenceFile | null>;
}
