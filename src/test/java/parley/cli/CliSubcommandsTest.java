package parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CliSubcommandsTest {
    private static final PrintStream NOWHERE = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void eachNameIsTheOneItsCommandAnswersTo() {
        CliContext context = new CliContext(NOWHERE, NOWHERE, Map.of(), UsageHook.NONE);
        for (Cli.Named named : Cli.SUBCOMMANDS) {
            Object made = named.create().apply(context);
            CommandLine command = made instanceof CommandLine line ? line : new CommandLine(made);
            assertThat(command.getCommandName()).isEqualTo(named.name());
        }
    }

    @Test
    void aNamedSubcommandIsTheOnlyOneBuilt() {
        assertThat(Cli.needed(new String[] {"send", "--message", "models"})).extracting(Cli.Named::name).containsExactly("send");
        assertThat(Cli.needed(new String[] {"--verbose", "usage", "--csv"})).extracting(Cli.Named::name).containsExactly("usage");
    }

    @Test
    void withoutAKnownSubcommandEveryOneIsBuilt() {
        assertThat(Cli.needed(new String[] {})).isEqualTo(Cli.SUBCOMMANDS);
        assertThat(Cli.needed(new String[] {"--help"})).isEqualTo(Cli.SUBCOMMANDS);
        assertThat(Cli.needed(new String[] {"--verbose", "sned"})).isEqualTo(Cli.SUBCOMMANDS);
    }

    @Test
    void theRootsHelpStillListsEverySubcommand() {
        CliRun run = CliRun.of(Map.of(), "--help");

        assertThat(run.code()).isZero();
        for (Cli.Named named : Cli.SUBCOMMANDS) {
            assertThat(run.out()).contains("  " + named.name() + " ");
        }
    }

    @Test
    void anUnknownSubcommandIsStillRefusedWithTheUsualMessage() {
        CliRun run = CliRun.of(Map.of(), "sned", "--message", "hi");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).startsWith("parley: ").contains("sned");
    }
}
