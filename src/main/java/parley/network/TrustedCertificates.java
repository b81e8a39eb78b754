package parley.network;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A TLS context that trusts the JDK's default certificate authorities plus those of PEM files
 * (a company's own authority, whose certificate its proxy signs with). The files add to the
 * default trust; they never replace it.
 */
public final class TrustedCertificates {
    private static final String PEM_BEGIN = "-----BEGIN CERTIFICATE-----";

    private TrustedCertificates() {}

    /**
     * The certificates of a PEM file (one or more). {@code origin} says where the path came from
     * ("PARLEY_CA_FILE", "the CA file setting") in the message of the {@link IllegalArgumentException}
     * thrown when the file is missing, unreadable, not PEM or holds no readable certificate.
     */
    public static List<X509Certificate> read(Path file, String origin) {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException(origin + ": " + file + " does not exist; point it at a PEM file "
                    + "with your certificate authority's certificate (-----BEGIN CERTIFICATE----- …).");
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalArgumentException(origin + ": " + file + " cannot be read (" + e.getMessage() + ").");
        }
        if (!text.contains(PEM_BEGIN)) {
            throw new IllegalArgumentException(origin + ": " + file + " is not a PEM certificate file (it has no "
                    + PEM_BEGIN + " line); export the authority's certificate as PEM (Base64), e.g. "
                    + "openssl x509 -inform der -in ca.cer -out ca.pem");
        }
        try {
            Collection<? extends Certificate> found = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
            List<X509Certificate> certificates = found.stream().map(X509Certificate.class::cast).toList();
            if (certificates.isEmpty()) throw new IllegalArgumentException(origin + ": " + file + " holds no certificate.");
            return certificates;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(origin + ": " + file + " holds a certificate that cannot be read ("
                    + e.getMessage() + "); check that the file is a PEM certificate, not a key.");
        }
    }

    /** A TLS context trusting the default authorities and {@code extra}. */
    public static SSLContext withExtra(List<X509Certificate> extra) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustManager(extra)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot set up TLS with the extra certificates: " + e.getMessage(), e);
        }
    }

    /** One trust manager over the default authorities and {@code extra}: a chain to any of them is trusted. */
    static X509TrustManager trustManager(List<X509Certificate> extra) throws GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try {
            store.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<X509Certificate> all = new ArrayList<>(List.of(defaultTrust().getAcceptedIssuers()));
        all.addAll(extra);
        for (int i = 0; i < all.size(); i++) store.setCertificateEntry("ca-" + i, all.get(i));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) return x509;
        }
        throw new IllegalStateException("the JDK has no X.509 trust manager");
    }

    private static X509TrustManager defaultTrust() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) return x509;
        }
        throw new IllegalStateException("the JDK has no default X.509 trust manager");
    }
}
