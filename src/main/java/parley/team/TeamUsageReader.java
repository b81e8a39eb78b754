package parley.team;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import parley.usage.GroupBy;
import parley.usage.MemberEntry;
import parley.usage.UsageCsv;
import parley.usage.UsageFilter;
import parley.usage.UsageOverview;
import parley.usage.UsageReader;
import parley.usage.UsageReport;
import parley.usage.UsageService;
import parley.usage.UsageSnapshot;
import parley.usage.UsageTotal;

/**
 * The usage panel's and {@code parley usage --team}'s figures from the team's ledger, in one of two
 * scopes: the whole team, or "me": this member's rows of the team's ledger plus the rows still queued
 * on this computer ({@link TeamOutbox}). The conversation's total and the budget's state come from the
 * personal ledger ({@code personal}): conversations are not shared.
 *
 * <p>The single calls throw {@link WorkspaceUnavailable} when the workspace cannot answer. {@link
 * #snapshot} does not when it cannot be reached: it answers with the last figures it read for the same
 * filter and grouping (in "me": plus what is queued now), marked with the reason. The queue is read
 * before the workspace, so a row sent in between may be counted twice until the next read, never missed.
 */
public final class TeamUsageReader implements UsageReader {
    private static final int KEPT = 16;

    private final TeamService team;
    private final UsageService personal;
    private final Clock clock;
    private final boolean mine;
    private final Map<Query, UsageSnapshot> last = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Query, UsageSnapshot> eldest) {
            return size() > KEPT;
        }
    };

    private TeamUsageReader(TeamService team, UsageService personal, Clock clock, boolean mine) {
        this.team = team;
        this.personal = personal;
        this.clock = clock;
        this.mine = mine;
    }

    /** The whole team's ledger. */
    public static TeamUsageReader team(TeamService team, UsageService personal, Clock clock) {
        return new TeamUsageReader(team, personal, clock, false);
    }

    /** This member's rows of the team's ledger and the rows queued on this computer. */
    public static TeamUsageReader me(TeamService team, UsageService personal, Clock clock) {
        return new TeamUsageReader(team, personal, clock, true);
    }

    @Override
    public UsageOverview overview(String conversationId) {
        List<MemberEntry> queued = queued();
        return withQueued(teamOverview(), queued, UsageFilter.ALL, GroupBy.MODEL).withConversationAndBudget(
                personal.overview(conversationId)).overview();
    }

    @Override
    public List<UsageTotal> group(UsageFilter filter, GroupBy by) {
        List<MemberEntry> queued = queued();
        UsageSnapshot part = new UsageSnapshot(UsageSnapshot.EMPTY.overview(), usage().group(filter, by, member()),
                UsageSnapshot.EMPTY.daily(), List.of(), List.of(), null);
        return withQueued(part, queued, filter, by).groups();
    }

    @Override
    public UsageReport.DailyCosts dailyCosts(UsageFilter filter) {
        List<MemberEntry> queued = queued();
        UsageSnapshot part = new UsageSnapshot(UsageSnapshot.EMPTY.overview(), List.of(),
                usage().dailyCosts(filter, member()), List.of(), List.of(), null);
        return withQueued(part, queued, filter, GroupBy.MODEL).daily();
    }

    @Override
    public List<String> providers() {
        List<MemberEntry> queued = queued();
        return withQueued(choices(usage().distinct("provider"), List.of()), queued, UsageFilter.ALL, GroupBy.MODEL)
                .providers();
    }

    @Override
    public List<String> models() {
        List<MemberEntry> queued = queued();
        return withQueued(choices(List.of(), usage().distinct("model")), queued, UsageFilter.ALL, GroupBy.MODEL).models();
    }

    /** The matching rows, the member first: the team's, and in "me" those queued too; oldest first. */
    @Override
    public int exportCsv(UsageFilter filter, Path file) throws IOException {
        List<MemberEntry> rows = new ArrayList<>(mine ? matching(queued(), filter) : List.of());
        rows.addAll(usage().entries(filter, member()));
        rows.sort(Comparator.comparing(e -> e.entry().at()));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            UsageCsv.writeMemberEntries(rows, out);
        }
        return rows.size();
    }

    @Override
    public UsageSnapshot snapshot(String conversationId, UsageFilter filter, GroupBy by) {
        UsageOverview local = personal.overview(conversationId);
        List<MemberEntry> queued = queued();
        Query query = new Query(filter, by);
        UsageSnapshot part;
        try {
            TeamUsage usage = usage();
            String member = member();
            part = new UsageSnapshot(teamOverview().overview(), usage.group(filter, by, member), usage.dailyCosts(filter, member),
                    usage.distinct("provider"), usage.distinct("model"), null);
            synchronized (last) {
                last.put(query, part);
            }
            team.noteProblem(null);
        } catch (WorkspaceUnavailable e) {
            if (!e.unreachable()) throw e;
            team.noteProblem(e.getMessage());
            synchronized (last) {
                part = last.getOrDefault(query, UsageSnapshot.EMPTY).stale(e.getMessage());
            }
        }
        return withQueued(part, queued, filter, by).withConversationAndBudget(local);
    }

    private UsageSnapshot teamOverview() {
        TeamUsage usage = usage();
        String member = member();
        LocalDate today = LocalDate.now(clock);
        UsageOverview o = new UsageOverview(UsageTotal.empty("conversation"),
                usage.total("today", UsageFilter.day(today), member),
                usage.total("month", UsageFilter.ALL.between(today.withDayOfMonth(1), today), member),
                usage.total("all time", UsageFilter.ALL, member), UsageSnapshot.EMPTY.overview().budget());
        return new UsageSnapshot(o, List.of(), UsageSnapshot.EMPTY.daily(), List.of(), List.of(), null);
    }

    /** {@code part} and, in "me", the queued rows that match summed into it. */
    private UsageSnapshot withQueued(UsageSnapshot part, List<MemberEntry> queued, UsageFilter filter, GroupBy by) {
        if (!mine || queued.isEmpty()) return part;
        return part.plus(queuedPart(queued, filter, by));
    }

    private UsageSnapshot queuedPart(List<MemberEntry> queued, UsageFilter filter, GroupBy by) {
        LocalDate today = LocalDate.now(clock);
        UsageOverview o = new UsageOverview(UsageTotal.empty("conversation"),
                total("today", matching(queued, UsageFilter.day(today))),
                total("month", matching(queued, UsageFilter.ALL.between(today.withDayOfMonth(1), today))),
                total("all time", queued), UsageSnapshot.EMPTY.overview().budget());
        List<MemberEntry> rows = matching(queued, filter);
        Function<MemberEntry, String> key = by == GroupBy.MEMBER ? MemberEntry::member : e -> by.keyOf(e.entry());
        Map<String, UsageTotal> groups = new LinkedHashMap<>();
        for (MemberEntry e : rows) groups.merge(key.apply(e), UsageTotal.empty(key.apply(e)).plus(e.entry()), UsageTotal::plus);
        return new UsageSnapshot(o, List.copyOf(groups.values()),
                UsageReport.dailyCostsByModel(rows.stream().map(MemberEntry::entry).toList()),
                queued.stream().map(e -> e.entry().provider()).distinct().toList(),
                queued.stream().map(e -> e.entry().model()).distinct().toList(), null);
    }

    private static UsageSnapshot choices(List<String> providers, List<String> models) {
        return new UsageSnapshot(UsageSnapshot.EMPTY.overview(), List.of(), UsageSnapshot.EMPTY.daily(), providers, models, null);
    }

    private static UsageTotal total(String key, List<MemberEntry> rows) {
        UsageTotal total = UsageTotal.empty(key);
        for (MemberEntry e : rows) total = total.plus(e.entry());
        return total;
    }

    private static List<MemberEntry> matching(List<MemberEntry> rows, UsageFilter f) {
        return rows.stream().filter(e -> {
            var x = e.entry();
            return (f.from() == null || !x.day().isBefore(f.from())) && (f.to() == null || !x.day().isAfter(f.to()))
                    && (f.provider() == null || f.provider().equals(x.provider()))
                    && (f.model() == null || f.model().equals(x.model()));
        }).toList();
    }

    /** The rows queued on this computer (in "me" only: the team's scope reads the workspace alone). */
    private List<MemberEntry> queued() {
        if (!mine) return List.of();
        return team.outbox().oldest(Integer.MAX_VALUE).stream().map(q -> new MemberEntry(q.member(), q.entry())).toList();
    }

    private String member() {
        return mine ? team.member().orElseThrow(TeamUsageReader::notConnected) : null;
    }

    private TeamUsage usage() {
        return new TeamUsage(team.workspace().orElseThrow(TeamUsageReader::notConnected));
    }

    private static WorkspaceUnavailable notConnected() {
        return new WorkspaceUnavailable("This data folder is not connected to a team workspace: connect it with "
                + "'parley team connect JDBC_URL --member NAME [--user U] [--password-env VAR]'.");
    }

    private record Query(UsageFilter filter, GroupBy by) {}
}
