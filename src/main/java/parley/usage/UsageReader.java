package parley.usage;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the usage panel and {@code parley usage} read from a ledger: the personal one ({@link
 * UsageService}) or a team's. Every call may reach the disk or the network: call it off the UI thread.
 */
public interface UsageReader {
    UsageOverview overview(String conversationId);

    /** One total per key, in key order (days oldest first). */
    List<UsageTotal> group(UsageFilter filter, GroupBy by);

    UsageReport.DailyCosts dailyCosts(UsageFilter filter);

    List<String> providers();

    List<String> models();

    /** Writes the matching ledger rows to a CSV file; returns how many. */
    int exportCsv(UsageFilter filter, Path file) throws IOException;

    /** Everything the usage panel shows but the prices and the budget's settings, read together. */
    default UsageSnapshot snapshot(String conversationId, UsageFilter filter, GroupBy by) {
        return new UsageSnapshot(overview(conversationId), group(filter, by), dailyCosts(filter), providers(), models(),
                null);
    }
}
