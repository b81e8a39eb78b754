package parley.cli;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import parley.provider.Locality;
import parley.provider.ProviderProfile;
import parley.provider.Providers;
import parley.store.Database;
import parley.team.TeamPrices;
import parley.usage.Price;
import parley.usage.PriceCatalog;
import parley.usage.PriceRow;
import parley.usage.PriceStore;
import parley.usage.SharedBudget;
import parley.usage.UsageService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code parley price set|list|remove|local}: the user's own prices, which win over the provider's list
 * and the catalog, and the custom servers the user marked local (free).
 */
final class PriceCommand {
    private PriceCommand() {}

    /** The {@code price} command with its subcommands. */
    static CommandLine create(CliContext context) {
        CommandLine price = new CommandLine(new Group(context));
        price.addSubcommand(new SetPrice(context));
        price.addSubcommand(new ListPrices(context));
        price.addSubcommand(new RemovePrice(context));
        price.addSubcommand(new MarkLocal(context));
        return price;
    }

    @Command(name = "price", mixinStandardHelpOptions = true,
            description = "Set, list or remove model prices (US dollars per million tokens).")
    static final class Group extends Subcommand {
        Group(CliContext context) { super(context); }

        @Override
        protected int run() {
            throw new BadInput("name what to do: 'parley price list', 'parley price set MODEL --input X --output Y',"
                    + " 'parley price remove MODEL' or 'parley price local BASE_URL'.");
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set your own price for a model; it wins over the provider's list and the catalog.")
    static final class SetPrice extends Subcommand {
        @Parameters(index = "0", paramLabel = "MODEL", description = "The model id, e.g. deepseek-ai/deepseek-v3.2.")
        String model;
        @Option(names = "--input", required = true, paramLabel = "X", description = "Dollars per million prompt tokens.")
        BigDecimal input;
        @Option(names = "--output", required = true, paramLabel = "Y", description = "Dollars per million completion tokens.")
        BigDecimal output;
        @Option(names = "--cached", paramLabel = "Z", description = "Dollars per million cached prompt tokens.")
        BigDecimal cached;
        @Option(names = "--provider", paramLabel = "ID", description = "Only at this provider (default: any).")
        String provider;
        @Option(names = "--team", description = "Set the team's price, which wins over every member's own while connected.")
        boolean team;

        SetPrice(CliContext context) { super(context); }

        @Override
        protected int run() {
            if (model.isBlank()) throw new BadInput("MODEL is empty: give the model's id, e.g. deepseek-ai/deepseek-v3.2.");
            notNegative("--input", input);
            notNegative("--output", output);
            if (cached != null) notNegative("--cached", cached);
            if (team) return setTeamPrice();
            try (Database db = DataHome.openForUsage(context.env(), context.err())) {
                Price p = UsageService.over(db, Clock.systemDefaultZone())
                        .setUserPrice(provider, model.strip(), input, output, cached);
                context.out().println("Price of " + model.strip() + (provider == null ? "" : " at " + provider)
                        + " set: input " + p.input().toPlainString() + ", output " + p.output().toPlainString()
                        + (p.cachedInput() == null ? "" : ", cached " + p.cachedInput().toPlainString())
                        + " dollars per million tokens.");
            }
            return OK;
        }

        private int setTeamPrice() {
            try (Database db = DataHome.openForUsage(context.env(), context.err()); TeamUsage link = TeamUsage.over(db, context.env())) {
                String member = link.member();
                new TeamPrices(link.workspace(), Clock.systemDefaultZone()).set(provider == null ? PriceStore.ANY_PROVIDER
                        : provider, model.strip(), input, output, cached, member);
            }
            context.out().println("The team's price of " + model.strip() + (provider == null ? "" : " at " + provider)
                    + " set: input " + input.toPlainString() + ", output " + output.toPlainString()
                    + (cached == null ? "" : ", cached " + cached.toPlainString()) + " dollars per million tokens.");
            return OK;
        }

        private static void notNegative(String option, BigDecimal value) {
            if (value.signum() < 0) {
                throw new BadInput(option + " cannot be negative: give dollars per million tokens, e.g. 0.40.");
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List every known price: the team's (with who set them), yours, the providers' lists, then"
                    + " the built-in catalog.")
    static final class ListPrices extends Subcommand {
        ListPrices(CliContext context) { super(context); }

        @Override
        protected int run() {
            List<PriceRow> prices;
            Locality locality;
            try (Database db = DataHome.openForUsage(context.env(), context.err()); TeamUsage link = TeamUsage.over(db, context.env())) {
                UsageService usage = UsageService.over(db, Clock.systemDefaultZone(), link.prices(context.err()),
                        SharedBudget.NONE);
                prices = usage.prices();
                locality = usage.locality();
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"model", "provider", "input", "output", "cached", "source", "as of", "note"});
            for (PriceRow r : prices) {
                Price p = r.price();
                rows.add(new String[] {r.model(), r.provider().isEmpty() ? "any" : r.provider(),
                        p.input().toPlainString(), p.output().toPlainString(),
                        p.cachedInput() == null ? "-" : p.cachedInput().toPlainString(), p.source().label(),
                        p.asOf().toString(), r.note()});
            }
            Table.print(rows, "LLRRRLLL", context.out());
            context.out().println("US dollars per million tokens; the catalog was last reviewed " + PriceCatalog.REVIEWED + ".");
            context.out().println("Free: the built-in local servers (" + localNames() + ")"
                    + (locality.marked().isEmpty() ? "" : " and the servers marked local: "
                    + String.join(", ", locality.marked().stream().sorted().toList())) + ".");
            context.out().println("Any other server's models have an unknown price until you set one or mark it local"
                    + " with 'parley price local BASE_URL'.");
            return OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove your own price for a model.")
    static final class RemovePrice extends Subcommand {
        @Parameters(index = "0", paramLabel = "MODEL")
        String model;
        @Option(names = "--provider", paramLabel = "ID", description = "The provider it was set for (default: any).")
        String provider;
        @Option(names = "--team", description = "Remove the team's price.")
        boolean team;

        RemovePrice(CliContext context) { super(context); }

        @Override
        protected int run() {
            if (team) return removeTeamPrice();
            boolean removed;
            try (Database db = DataHome.openForUsage(context.env(), context.err())) {
                removed = UsageService.over(db, Clock.systemDefaultZone()).removeUserPrice(provider, model.strip());
            }
            if (!removed) {
                throw new BadInput("You have no price of your own for " + model + (provider == null ? "" : " at " + provider)
                        + ": see 'parley price list'.");
            }
            context.out().println("Your price of " + model.strip() + " removed.");
            return OK;
        }

        private int removeTeamPrice() {
            boolean removed;
            try (Database db = DataHome.openForUsage(context.env(), context.err()); TeamUsage link = TeamUsage.over(db, context.env())) {
                link.member();
                removed = new TeamPrices(link.workspace(), Clock.systemDefaultZone())
                        .remove(provider == null ? PriceStore.ANY_PROVIDER : provider, model.strip());
            }
            if (!removed) {
                throw new BadInput("The team has no price for " + model + (provider == null ? "" : " at " + provider)
                        + ": see 'parley price list'.");
            }
            context.out().println("The team's price of " + model.strip() + " removed.");
            return OK;
        }
    }

    @Command(name = "local", mixinStandardHelpOptions = true,
            description = "Mark a custom server (--base-url) as running on this computer: its models cost nothing."
                    + " A server is not free for being on 127.0.0.1: a proxy there may forward to a paid provider.")
    static final class MarkLocal extends Subcommand {
        @Parameters(index = "0", paramLabel = "BASE_URL", description = "The server's base URL, e.g. http://127.0.0.1:8080/v1.")
        String baseUrl;
        @Option(names = "--remove", description = "Take the mark away: the server's models have an unknown price again.")
        boolean remove;

        MarkLocal(CliContext context) { super(context); }

        @Override
        protected int run() {
            String url;
            try {
                url = Locality.key(baseUrl);
            } catch (IllegalArgumentException e) {
                throw new BadInput(e.getMessage());
            }
            boolean changed;
            try (Database db = DataHome.openForUsage(context.env(), context.err())) {
                changed = UsageService.over(db, Clock.systemDefaultZone()).markLocal(url, !remove);
            }
            if (remove && !changed) {
                throw new BadInput(url + " is not marked local: see 'parley price list'.");
            }
            context.out().println(remove
                    ? url + " is no longer marked local: its models have an unknown price unless you set one."
                    : url + " is marked local: its models cost nothing.");
            return OK;
        }
    }

    private static String localNames() {
        return String.join(", ", Providers.local().stream().map(ProviderProfile::name).toList());
    }
}
