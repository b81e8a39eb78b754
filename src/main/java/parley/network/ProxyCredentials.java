package parley.network;

import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Answers a proxy's request for credentials (HTTP 407), for the known proxies only: the window's
 * proxy, whose password is read from the keyring when the proxy asks, and the proxy variables that
 * carry {@code user:password@}. A server's own request (401) is never answered: keys travel in the
 * {@code Authorization} header, not through here.
 */
public final class ProxyCredentials extends Authenticator {
    private final ProxyAddress configured;
    private final Supplier<Optional<String>> configuredPassword;
    private final List<ProxyAddress> fromEnvironment;

    /** {@code configured} may be null; {@code configuredPassword} is asked each time that proxy wants one. */
    public ProxyCredentials(ProxyAddress configured, Supplier<Optional<String>> configuredPassword, ProxyEnvironment env) {
        this.configured = configured;
        this.configuredPassword = configuredPassword;
        this.fromEnvironment = Stream.of(env.https(), env.http())
                .filter(Objects::nonNull).filter(ProxyAddress::hasCredentials).toList();
    }

    /** True when some proxy has a user, so this authenticator may have something to say. */
    public boolean hasAny() {
        return (configured != null && configured.hasCredentials()) || !fromEnvironment.isEmpty();
    }

    @Override
    protected PasswordAuthentication getPasswordAuthentication() {
        if (getRequestorType() != RequestorType.PROXY) return null;
        String host = getRequestingHost();
        int port = getRequestingPort();
        if (configured != null && configured.hasCredentials() && configured.isAt(host, port)) {
            return configuredPassword.get()
                    .map(p -> new PasswordAuthentication(configured.user(), p.toCharArray()))
                    .orElse(null);
        }
        return fromEnvironment.stream().filter(p -> p.isAt(host, port)).findFirst()
                .map(p -> new PasswordAuthentication(p.user(), p.password().toCharArray()))
                .orElse(null);
    }
}
