// The engine's answers as the page reads them: the JSDoc mirror of offereval/_contract.py (the
// view) and of offereval.bridge.evaluate's answer. tsc --checkJs checks every use against these,
// so a key renamed on one side fails a check, not a user.

/** @typedef {{path: string, message: string}} ProblemView */
/** @typedef {{sentences: string[], text: string}} VerdictView */
/**
 * @typedef {object} IncompleteView
 * @property {number} index
 * @property {string} path  offers[i]
 * @property {string} company
 * @property {string} label  "Offer 2 (Acme)"
 * @property {string[]} needs
 * @property {string[]} to_check
 * @property {string} text  one sentence
 * @property {ProblemView[]} problems
 */
/** @typedef {{label: string, text: string}} Figure */
/**
 * @typedef {object} SummaryCard
 * @property {string} company
 * @property {string} path
 * @property {boolean} current_job
 * @property {'ranked' | 'unscored' | 'eliminated'} state
 * @property {string} status
 * @property {string[]} marks  words: "top score", "highest pay", ...
 * @property {Figure[]} figures  in the order to show them
 * @property {string[]} red_flags
 */
/** @typedef {{cells: string[], tags: string[]}} Row */
/** @typedef {{columns: string[], align: string[], rows: Row[], column_tags: string[][]}} Transposed */
/**
 * @typedef {object} Table
 * @property {string} id
 * @property {string} caption
 * @property {string[]} columns
 * @property {string[]} align
 * @property {Row[]} rows
 * @property {string | null} note
 * @property {'rows' | 'columns' | 'none'} offers_as
 * @property {Transposed | null} transposed
 * @property {'table' | 'transposed' | 'cards'} phone
 */
/** @typedef {{part: string, text: string, percent: number}} Segment */
/** @typedef {{label: string, total_text: string, segments: Segment[]}} Bar */
/** @typedef {{id: string, title: string, legend: {part: string, label: string}[], bars: Bar[]}} Chart */
/** @typedef {{kind: 'info' | 'warning', text: string}} Message */
/**
 * @typedef {object} DecisionView
 * @property {string} status
 * @property {string} text
 * @property {boolean} needs_confirmation
 * @property {string} advice
 * @property {string | null} hours_left
 */
/**
 * @typedef {object} View
 * @property {VerdictView} verdict
 * @property {IncompleteView[]} incomplete
 * @property {ProblemView[]} questions
 * @property {SummaryCard[]} summary
 * @property {Table[]} tables
 * @property {Chart[]} charts
 * @property {Message[]} messages
 * @property {DecisionView} decision
 */
/**
 * bridge.evaluate's answer: a view when at least one offer is complete, and in any case the
 * problems, how typed texts were read (by path) and questions about values that look like slips.
 * @typedef {object} EvaluateAnswer
 * @property {boolean} ok
 * @property {View} [view]
 * @property {ProblemView[]} problems
 * @property {Object<string, string>} [readings]
 * @property {ProblemView[]} [questions]
 */

export {};
