// The engine's contract with the page: what offereval.bridge answers.
// Written by `python -m sitebuild.jstypes` from the engine's TypedDicts; do not edit by hand.

/** A problem with the input, shown next to the field its path names ("" for the whole). */
export interface ProblemEntry {
  path: string;
  message: string;
}

/** The answer to input the engine refuses: every problem at once. */
export interface Refusal {
  ok: false;
  problems: ProblemEntry[];
}

export interface Choice {
  value: string;
  label: string;
}

/** One key of an offer, as the form shows it. */
export interface FieldEntry {
  key: string;
  label: string;
  /** text, money, integer, ratio, percent, select, boolean, percent_list, ... */
  kind: string;
  section: string;
  help: string;
  default: unknown;
  required: boolean;
  minimum: number | null;
  maximum: number | null;
  choices: Choice[];
}

export interface FactorEntry {
  id: string;
  name: string;
  /** in percent */
  weight: number;
  questions: string;
}

export interface GrowthAreaEntry {
  id: string;
  name: string;
  high: string;
  medium: string;
  low: string;
}

export interface RedFlagEntry {
  id: string;
  category: string;
  text: string;
}

export interface FlagCategoryEntry {
  id: string;
  name: string;
}

/** What the engine reads at most, so that the page reads no more of a file or a link. */
export interface Limits {
  file_bytes: number;
  link_chars: number;
  depth: number;
  offers: number;
  entries: number;
  text_chars: number;
}

/** What the calculator's form is built from (bridge.form; data/calculator.json). */
export interface FormAnswer {
  ok: true;
  offer_fields: FieldEntry[];
  document_fields: string[];
  factors: FactorEntry[];
  growth_areas: GrowthAreaEntry[];
  growth_levels: string[];
  red_flags: RedFlagEntry[];
  flag_categories: FlagCategoryEntry[];
  limits: Limits;
}

/** An evaluation: the command line's JSON result, and the view the page renders. */
export interface EvaluateAnswer {
  ok: true;
  result: Record<string, unknown>;
  view: Record<string, unknown>;
}

/** An offers file read in full: the document in the file's own form. */
export interface LoadAnswer {
  ok: true;
  document: Record<string, unknown>;
}

/** The text of an offers file, for export. */
export interface DumpAnswer {
  ok: true;
  text: string;
}

/** The offers packed for a share link's #fragment. */
export interface FragmentAnswer {
  ok: true;
  fragment: string;
}

/** What each action of the calculator's worker (engine-worker.js) resolves with. */
export interface Answers {
  evaluate: EvaluateAnswer | Refusal;
  load: LoadAnswer | Refusal;
  dump: DumpAnswer | Refusal;
  toFragment: FragmentAnswer | Refusal;
  fromFragment: LoadAnswer | Refusal;
}
