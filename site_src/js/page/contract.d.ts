// The engine's contract with the page: what offereval.bridge answers.
// Written by `python -m sitebuild.jstypes` from the engine's TypedDicts; do not edit by hand.

/** A problem or a question, shown under the field its path names. */
export interface ProblemView {
  path: string;
  message: string;
}

/** One to three sentences, shown before anything else. */
export interface VerdictView {
  sentences: string[];
  text: string;
}

/** An offer set aside until its fields are complete, shown next to the verdict. */
export interface IncompleteView {
  index: number;
  /** offers[i] */
  path: string;
  company: string;
  /** "Offer 2 (Acme)" */
  label: string;
  /** the labels of required fields not given yet */
  needs: string[];
  /** the labels of fields whose values are refused */
  to_check: string[];
  /** one sentence */
  text: string;
  problems: ProblemView[];
}

export interface Figure {
  label: string;
  text: string;
}

/** An offer's pay before and after tax, side by side, and its taxes (behind a disclosure). */
export interface AfterTaxView {
  /** "Before and after tax, in USD" */
  title: string;
  /** "California (US-CA)", or what stands for the tax: "your effective rate" */
  place: string;
  /** "", "Pre-tax", "After tax" */
  columns: string[];
  /** "Annualized", then "First year": a label and two figures */
  rows: string[][];
  /** the labels of the card's figures that the rows show */
  replaces: string[];
  /** take-home in the home currency, cost of living, purchasing power */
  figures: Figure[];
  /** "Taxes on the annualized total" */
  breakdown_title: string;
  /** each tax, then the total tax and its share of the pay */
  breakdown: Figure[];
  /** the rules applied, and where each tax's source is */
  note: string;
}

/** One evaluated offer at a glance. */
export interface SummaryCard {
  company: string;
  /** the offer's place in the document the form sent: offers[i] */
  path: string;
  current_job: boolean;
  state: "ranked" | "unscored" | "eliminated";
  /** the state in words */
  status: string;
  /** "top score", "highest pay", "highest first-year pay", "your current job" */
  marks: string[];
  /** in the order to show them */
  figures: Figure[];
  red_flags: string[];
  /** when the offer's tax is known */
  after_tax: AfterTaxView | null;
}

export interface Row {
  cells: string[];
  /** for styles: "leader", "eliminated", "first-year", "score", ... */
  tags: string[];
}

/** A table turned a quarter: the offers as columns. */
export interface Transposed {
  columns: string[];
  align: string[];
  rows: Row[];
  /** the tags each column's offer had as a row */
  column_tags: string[][];
}

export interface Table {
  id: string;
  caption: string;
  columns: string[];
  /** per column: "right" for figures, "left" for words */
  align: string[];
  rows: Row[];
  note: string | null;
  offers_as: "rows" | "columns" | "none";
  transposed: Transposed | null;
  /** how to show it 360 px wide */
  phone: "table" | "transposed" | "cards";
}

export interface Segment {
  part: string;
  text: string;
  /** the segment's width as a share of the chart's largest bar */
  percent: number;
}

export interface Bar {
  label: string;
  total_text: string;
  segments: Segment[];
}

export interface LegendEntry {
  part: string;
  label: string;
}

export interface Chart {
  id: string;
  title: string;
  legend: LegendEntry[];
  bars: Bar[];
}

export interface Message {
  kind: "info" | "warning";
  text: string;
}

/**
 * Where the person is in steps 4 and 5 (offereval._decision.decision_status): no choice yet, a
 * choice without its time, a time after now, sleeping on it (under 24 hours), ready to commit
 * (24-48 hours), overdue (over 48), committed, committed early once confirmed, or marked as
 * final early and not confirmed yet.
 */
export type DecisionStage = "undecided" | "undated" | "future" | "sleeping" | "ready" | "overdue" | "committed" | "committed_early" | "unconfirmed";

/** Steps 4 and 5, and what the Commit button needs. */
export interface DecisionView {
  status: DecisionStage;
  text: string;
  /** committing now comes before the 24-hour mark */
  needs_confirmation: boolean;
  /** the framework's advice, shown with the second confirmation */
  advice: string;
  /** before the 24-hour mark, in words */
  hours_left: string | null;
}

export interface CheckedTotal {
  company: string;
  /** the annualized total, and whether it meets the minimum */
  total: string;
}

/** What the printable dealbreaker check shows beside its items. */
export interface DealbreakerCheck {
  /** the value the texts were made from */
  minimum_total_comp: number | null;
  minimum: string | null;
  offers: CheckedTotal[];
}

/** Everything the results show, in the order they are read. */
export interface View {
  verdict: VerdictView;
  incomplete: IncompleteView[];
  questions: ProblemView[];
  summary: SummaryCard[];
  tables: Table[];
  charts: Chart[];
  messages: Message[];
  decision: DecisionView;
  dealbreaker_check: DealbreakerCheck;
}

/** The answer to input the engine refuses: every problem at once. */
export interface Refusal {
  ok: false;
  problems: ProblemView[];
}

/**
 * The form's document refused (a problem outside any offer, or no offer complete yet),
 * with how its typed numbers were read and the values that look like slips, as in
 * EvaluateAnswer.
 */
export interface EvaluateRefusal {
  ok: false;
  problems: ProblemView[];
  readings: Record<string, string>;
  questions: ProblemView[];
  /** the exchange rates to ask for (bridge.evaluate) */
  rate_fields: Choice[];
}

/**
 * What a field of the form holds, and so which control shows it (site_src/js/page/form-blocks.js):
 * "ratings", "growth" and "flags" are shown by their own parts of the form.
 */
export type FieldKind = "text" | "money" | "number" | "integer" | "ratio" | "percent" | "percent_list" | "select" | "boolean" | "location" | "currency" | "ratings" | "growth" | "flags";

export interface Choice {
  value: string;
  label: string;
}

/** A region of a country whose taxes offereval computes, with its city taxes. */
export interface RegionEntry {
  /** ISO 3166-2, the value the offers file holds: "US-CA" */
  code: string;
  name: string;
  /** "California (US-CA)", as the location picker lists it */
  label: string;
  /** city income taxes: NYC in US-NY */
  locals: Choice[];
}

/** A country a location can be in, its currency, and its regions where they matter. */
export interface CountryEntry {
  code: string;
  name: string;
  /** "Germany (DE)" */
  label: string;
  /** ISO 4217: the offer's currency unless it says otherwise */
  currency: string;
  /** empty where a country's code is the location */
  regions: RegionEntry[];
}

/** One key of an offer, as the form shows it. */
export interface FieldEntry {
  key: string;
  /** the name alone, as sentences use it */
  label: string;
  /** the name and its unit, as the form shows it: "Base salary (a year)" */
  full_label: string;
  /** "a year", "% of target", "months", or "" */
  unit: string;
  kind: FieldKind;
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
  /** the location picker's countries, then regions */
  places: CountryEntry[];
  /** ISO 4217 codes with their names */
  currencies: Choice[];
  /** the document's home_currency, tax_year, filing_status */
  tax_settings: FieldEntry[];
}

/**
 * An evaluation: the command line's JSON result, the view the page renders, the problems
 * of offers set aside until complete, how typed numbers were read (path -> "read as
 * 200,000", only where that differs from the text), and questions about values that look
 * like slips.
 */
export interface EvaluateAnswer {
  ok: true;
  result: Record<string, unknown>;
  view: View;
  problems: ProblemView[];
  readings: Record<string, string>;
  questions: ProblemView[];
  /** one per exchange rate to ask for: "Value of 1 GBP in USD" */
  rate_fields: Choice[];
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
  evaluate: EvaluateAnswer | EvaluateRefusal;
  load: LoadAnswer | Refusal;
  dump: DumpAnswer | Refusal;
  toFragment: FragmentAnswer | Refusal;
  fromFragment: LoadAnswer | Refusal;
}
