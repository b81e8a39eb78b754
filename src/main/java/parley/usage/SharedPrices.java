package parley.usage;

import java.util.List;
import java.util.Optional;

/**
 * Prices set for a group of users (a team's), which win over the user's own. Looked up for every
 * cost, so an implementation answers from what it holds in memory, never from the network.
 */
public interface SharedPrices {
    /** The price for this provider and model; {@link PriceStore#ANY_PROVIDER} names a price for any provider. */
    Optional<Price> find(String provider, String model);

    /** Every shared price, its note saying who set it. */
    List<PriceRow> all();

    /** No shared prices. */
    SharedPrices NONE = new SharedPrices() {
        @Override
        public Optional<Price> find(String provider, String model) { return Optional.empty(); }

        @Override
        public List<PriceRow> all() { return List.of(); }
    };
}
