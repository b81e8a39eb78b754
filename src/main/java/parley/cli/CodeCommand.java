package parley.cli;

import parley.api.ChatRequest;
import parley.codegen.CodeGenerator;
import parley.codegen.CodeLanguages;
import parley.codegen.CodeRequest;
import parley.provider.ProviderProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code parley code}: the request {@code send} would post with the same options, printed as code
 * in one language. The key is never printed: the code reads it from the variable named by
 * --key-env, else from the provider's.
 */
@Command(name = "code", description = "Print the request as code that runs: curl, Python, Node.js, Java, Go or C#.",
        mixinStandardHelpOptions = true, sortOptions = false)
public final class CodeCommand extends Subcommand {
    @Option(names = "--lang", required = true, paramLabel = "LANG",
            description = "the language; 'list' prints the names: curl, python-openai, python-requests,"
                    + " node-openai, node-fetch, java, go, csharp")
    String lang;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    RequestOptions request;

    public CodeCommand(CliContext context) {
        super(context);
    }

    @Override
    protected int run() {
        if (lang.strip().equalsIgnoreCase("list")) {
            CodeLanguages.all().forEach(g -> context.out().printf("%-16s %s%n", g.id(), g.label()));
            context.out().flush();
            return OK;
        }
        CodeGenerator generator = CodeLanguages.find(lang).orElseThrow(() -> new BadInput(
                "Unknown language '" + lang + "' for --lang: use one of " + CodeLanguages.ids() + "."));
        ProviderProfile profile = connection.profile();
        ChatRequest wire = request.request(profile);
        String keyEnv = connection.keyEnv != null ? connection.keyEnv : profile.keyEnv();
        String code;
        try {
            code = generator.generate(new CodeRequest(profile.baseUrl(), keyEnv, wire));
        } catch (IllegalArgumentException e) {
            throw new BadInput(e.getMessage());
        }
        context.out().print(code);
        context.out().flush();
        return OK;
    }
}
