package parley.api;

import java.net.Authenticator;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import javax.net.ssl.SSLContext;

/**
 * How a client's connections are made: the proxy for each address, who answers a proxy's request
 * for credentials, and which certificates are trusted. A null part keeps the JDK's own default
 * (its default TLS context made at the first TLS connection: {@link DeferredTls}).
 */
public record Transport(ProxySelector proxies, Authenticator credentials, SSLContext tls) {
    /** The JDK's defaults: its default proxy selector, no credentials, its default trust. */
    public static final Transport JDK_DEFAULT = new Transport(null, null, null);

    /** Straight to the server, whatever proxy is configured: for probes of this machine. */
    public static final Transport DIRECT = new Transport(HttpClient.Builder.NO_PROXY, null, null);

    /** A builder with this transport's parts set. */
    public HttpClient.Builder builder() {
        HttpClient.Builder builder = HttpClient.newBuilder();
        if (proxies != null) builder.proxy(proxies);
        if (credentials != null) builder.authenticator(credentials);
        builder.sslContext(tls != null ? tls : DeferredTls.ofDefault()).sslParameters(DeferredTls.PARAMETERS);
        return builder;
    }
}
