package parley.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import parley.api.ApiException;
import parley.provider.ApiKey;
import parley.provider.ModelCatalog;
import parley.provider.ModelInfo;
import parley.provider.ProviderClients;
import parley.provider.ProviderProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley models}: the provider's model list, with readiness and prices where it lists them. */
@Command(name = "models", description = "List the models of a provider.", mixinStandardHelpOptions = true,
        sortOptions = false)
public final class ModelsCommand extends Subcommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--json", description = "print one JSON object instead of a line per model")
    boolean json;

    public ModelsCommand(CliContext context) {
        super(context);
    }

    @Override
    protected int run() {
        ProviderProfile profile = connection.profile();
        if (profile.equals(parley.provider.Providers.LOCAL_GGUF)) {
            return LocalModels.print(connection.modelFile(), context, json);
        }
        connection.timeout();
        Optional<ApiKey> key = connection.key(profile, context.env());
        List<ModelInfo> models;
        try (ProviderClients clients = connection.clients(profile, key, context.env())) {
            models = new ModelCatalog(clients).fetch(profile);
        } catch (ApiException e) {
            context.err().println("parley: " + SendReport.describe(e.error()));
            return FAILED;
        }
        keepPrices(profile, models);
        if (json) {
            context.out().println(json(profile, models));
        } else {
            models.forEach(m -> context.out().println(line(m)));
        }
        context.out().flush();
        return OK;
    }

    /** Prices in the list (Atlas Cloud sends them) go to the usage tracker, where they win over the catalog. */
    private void keepPrices(ProviderProfile profile, List<ModelInfo> models) {
        if (models.stream().noneMatch(m -> m.inputPrice() != null && m.outputPrice() != null)) return;
        try (parley.store.Database db = DataHome.openForUsage(context.env(), context.err())) {
            parley.usage.UsageService.over(db, java.time.Clock.systemDefaultZone()).tracker().prices()
                    .refreshFrom(profile.id(), models);
        } catch (RuntimeException e) {
            context.err().println("parley: the prices of the list were not kept: " + oneLine(e));
        }
    }

    private static String line(ModelInfo m) {
        StringBuilder line = new StringBuilder(m.id());
        if (!m.ready()) {
            line.append("  (not ready)");
        }
        if (m.inputPrice() != null || m.outputPrice() != null) {
            line.append("  $").append(plain(m.inputPrice())).append(" in / $").append(plain(m.outputPrice()))
                    .append(" out per million tokens");
        }
        if (m.contextLength() != null) {
            line.append("  ").append(m.contextLength()).append(" tokens context");
        }
        return line.toString();
    }

    private static String json(ProviderProfile profile, List<ModelInfo> models) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("provider", profile.id());
        root.put("base_url", profile.baseUrl());
        root.put("models", models.stream().map(ModelsCommand::fields).toList());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the model list cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Object> fields(ModelInfo m) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", m.id());
        fields.put("name", m.displayName());
        fields.put("ready", m.ready());
        fields.put("input_price", m.inputPrice());
        fields.put("output_price", m.outputPrice());
        fields.put("cached_input_price", m.cachedInputPrice());
        fields.put("context_length", m.contextLength());
        return fields;
    }

    private static String plain(BigDecimal price) {
        return price == null ? "?" : price.stripTrailingZeros().toPlainString();
    }
}
