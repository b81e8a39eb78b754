package parley.ui.experiment.results;

import parley.experiment.PassRates;

/** What a column's or a row's heading sums up: its cells that passed every check, and its ratings (their sum and how many). */
record ColumnTally(PassRates.Rate checks, int ratingSum, int rated) {
    static final ColumnTally NONE = new ColumnTally(new PassRates.Rate(0, 0), 0, 0);
}
