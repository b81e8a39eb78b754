package parley.api;

import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * A TLS context made at the first TLS connection, not when the HTTP client is built. The JDK's
 * client asks for its default context (the trust store read, its certificates parsed, the secure
 * random seeded) and its parameters as it is built, even for a plain {@code http://} server: about
 * 0.2 s of a command-line run against a server on this computer. Given this context and
 * {@link #PARAMETERS}, it asks for neither until it opens a TLS connection.
 */
public final class DeferredTls extends SSLContext {
    /**
     * The client's TLS parameters given without asking a context: TLS 1.3 and 1.2 (the JDK's own
     * client default, and what HTTP/2 requires); cipher suites left to the engine's defaults.
     */
    public static final SSLParameters PARAMETERS = new SSLParameters(null, new String[] {"TLSv1.3", "TLSv1.2"});

    private static final Provider PROVIDER = new Provider("ParleyDeferredTls", "1", "a TLS context made when first used") {};

    private final Spi spi;

    private DeferredTls(Spi spi) {
        super(spi, PROVIDER, "TLS");
        this.spi = spi;
    }

    /** The JDK's default context, made when first used. */
    public static DeferredTls ofDefault() {
        return of(() -> {
            try {
                return SSLContext.getDefault();
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this Java runtime has no TLS: " + e.getMessage(), e);
            }
        });
    }

    /** {@code make}'s context, made when first used. */
    public static DeferredTls of(Supplier<SSLContext> make) {
        return new DeferredTls(new Spi(make));
    }

    /** Whether the real context has been made. */
    boolean made() { return spi.made != null; }

    private static final class Spi extends SSLContextSpi {
        private final Supplier<SSLContext> make;
        private volatile SSLContext made;

        Spi(Supplier<SSLContext> make) { this.make = make; }

        private SSLContext real() {
            SSLContext context = made;
            if (context != null) return context;
            synchronized (this) {
                if (made == null) made = make.get();
                return made;
            }
        }

        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random) throws KeyManagementException {
            throw new KeyManagementException("a deferred TLS context is set up by what it defers to");
        }

        @Override protected SSLSocketFactory engineGetSocketFactory() { return real().getSocketFactory(); }
        @Override protected SSLServerSocketFactory engineGetServerSocketFactory() { return real().getServerSocketFactory(); }
        @Override protected SSLEngine engineCreateSSLEngine() { return real().createSSLEngine(); }
        @Override protected SSLEngine engineCreateSSLEngine(String host, int port) { return real().createSSLEngine(host, port); }
        @Override protected SSLSessionContext engineGetServerSessionContext() { return real().getServerSessionContext(); }
        @Override protected SSLSessionContext engineGetClientSessionContext() { return real().getClientSessionContext(); }
        @Override protected SSLParameters engineGetDefaultSSLParameters() { return real().getDefaultSSLParameters(); }
        @Override protected SSLParameters engineGetSupportedSSLParameters() { return real().getSupportedSSLParameters(); }
    }
}
