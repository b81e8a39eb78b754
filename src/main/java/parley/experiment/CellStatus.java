package parley.experiment;

/** Where a cell stands. */
public enum CellStatus { WAITING, RUNNING, COMPLETED, TRUNCATED, FAILED, STOPPED }
