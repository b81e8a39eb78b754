package parley.testing;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Name lookups in the tests: every name under {@code .test} (a name reserved for testing, never in
 * public DNS) is this machine's {@code 127.0.0.1}; every other name is looked up as the JDK would.
 * A test can so reach a loopback server by a name that is not "this machine" to the proxy rules.
 * Registered in {@code META-INF/services/java.net.spi.InetAddressResolverProvider} of the test classes.
 */
public final class TestHosts extends InetAddressResolverProvider {
    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                if (host.toLowerCase(Locale.ROOT).endsWith(".test")) {
                    return Stream.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
                }
                return builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] addr) throws UnknownHostException {
                return builtin.lookupByAddress(addr);
            }
        };
    }

    @Override
    public String name() {
        return "parley-test-hosts";
    }
}
