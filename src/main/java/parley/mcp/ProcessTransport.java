package parley.mcp;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The stdio transport over a {@link ChildProcess} Parley started itself (the SDK's own transport
 * hides the process, so its tree could not be ended): one JSON-RPC message per line on the
 * server's standard streams. A line that is not JSON-RPC is kept with the server's last lines
 * (servers that print to standard output by mistake keep working); closing ends the process tree.
 */
final class ProcessTransport implements McpClientTransport {
    private final ChildProcess child;
    private final McpJsonMapper json;

    ProcessTransport(ChildProcess child, McpJsonMapper json) {
        this.child = child;
        this.json = json;
    }

    @Override
    public Mono<Void> connect(Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
        return Mono.fromRunnable(() -> Thread.ofPlatform().daemon().name("mcp-stdout-" + child.pid())
                .start(() -> readMessages(handler)));
    }

    private void readMessages(Function<Mono<JSONRPCMessage>, Mono<JSONRPCMessage>> handler) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(child.stdout(), StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank()) continue;
                JSONRPCMessage message;
                try {
                    message = McpSchema.deserializeJsonRpcMessage(json, line);
                } catch (IOException | IllegalArgumentException e) {
                    child.note("(not JSON-RPC on standard output) " + cut(line));
                    continue;
                }
                handler.apply(Mono.just(message)).subscribe(ignored -> {}, failure -> {});
            }
        } catch (IOException e) {
            // the stream closed with the process
        }
    }

    @Override
    public Mono<Void> sendMessage(JSONRPCMessage message) {
        return Mono.fromCallable(() -> {
            String line = json.writeValueAsString(message).replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
            child.writeLine(line);
            return line;
        }).then();
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(child::stop).subscribeOn(Schedulers.boundedElastic()).then();
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return json.convertValue(data, typeRef);
    }

    private static String cut(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "…";
    }
}
