// What the parser needs from outside, passed in as data or as a port so the core stays pure:
// the administrative divisions and departments (read from reference/ by src/files), and an optional
// Chinese word segmenter (jieba is a native module; src/files/jieba-segmenter.ts implements this port).

export interface TaggedWord {
  word: string;
  /** jieba part-of-speech tag: v verb, n noun, ns place, nt organisation, x punctuation … */
  tag: string;
}

export interface Segmenter {
  tag(text: string): TaggedWord[];
}

export interface PlanParseReference {
  /** Counties, districts and functional areas: division code, official name, other names (开发区). */
  divisions: { code: string; name: string; aliases?: string[] }[];
  /** The city the divisions belong to (邢台市); its short form (邢台) is a place name, never a county. */
  city?: { code: string; name: string } | null;
  /** Departments with organisation codes (市发展改革委 → dept-fgw). */
  departments: { code: string; name: string; fullName?: string }[];
  /** Enterprise names known beforehand (the domain dictionary); found wherever they occur. */
  knownEnterprises?: string[];
}

export interface PlanParseOptions {
  reference?: PlanParseReference;
  segmenter?: Segmenter | null;
}
