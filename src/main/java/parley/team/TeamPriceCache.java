package parley.team;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import parley.usage.Price;
import parley.usage.PriceRow;
import parley.usage.SharedPrices;

/**
 * The team's prices held in memory, so a price lookup never reaches the network: {@link #refresh()}
 * reads them again (off the JavaFX thread). Not connected: no team prices. Connected but the
 * workspace away: the prices last read stay.
 */
public final class TeamPriceCache implements SharedPrices {
    private final TeamService team;
    private final Clock clock;
    private volatile List<PriceRow> rows = List.of();

    public TeamPriceCache(TeamService team, Clock clock) {
        this.team = team;
        this.clock = clock;
    }

    /** Reads the team's prices again; false when the workspace could not be reached (the last ones stay). */
    public boolean refresh() {
        try {
            rows = team.member().isEmpty() ? List.of()
                    : team.workspace().map(w -> new TeamPrices(w, clock).all()).orElse(List.of());
            return true;
        } catch (WorkspaceUnavailable e) {
            team.noteProblem(e.getMessage());
            return false;
        }
    }

    @Override
    public Optional<Price> find(String provider, String model) {
        for (PriceRow row : rows) {
            if (row.provider().equals(provider) && row.model().equals(model)) return Optional.of(row.price());
        }
        return Optional.empty();
    }

    @Override
    public List<PriceRow> all() {
        return rows;
    }
}
