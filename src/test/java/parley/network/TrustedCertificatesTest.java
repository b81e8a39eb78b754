package parley.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import parley.testing.TestCa;

class TrustedCertificatesTest {
    @TempDir Path dir;

    @Test
    void aMissingFileSaysWhereTheSettingCameFrom() {
        Path missing = dir.resolve("nope.pem");
        assertThatThrownBy(() -> TrustedCertificates.read(missing, "PARLEY_CA_FILE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("PARLEY_CA_FILE: " + missing + " does not exist");
    }

    @Test
    void aFileThatIsNotPemSaysHowToMakeOne() throws Exception {
        Path der = Files.write(dir.resolve("ca.cer"), TestCa.create().caCertificate().getEncoded());
        assertThatThrownBy(() -> TrustedCertificates.read(der, "The CA file setting"))
                .hasMessageContaining("is not a PEM certificate file").hasMessageContaining("openssl x509");
    }

    @Test
    void aDamagedPemSaysSo() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.pem"), "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> TrustedCertificates.read(bad, "PARLEY_CA_FILE")).hasMessageContaining("cannot be read");
    }

    @Test
    void everyCertificateOfABundleIsRead() throws Exception {
        TestCa one = TestCa.create();
        TestCa two = TestCa.create();
        Path bundle = dir.resolve("bundle.pem");
        Files.writeString(bundle, "company bundle\n" + Files.readString(one.writeCaPem(dir.resolve("1.pem")))
                + Files.readString(two.writeCaPem(dir.resolve("2.pem"))));
        assertThat(TrustedCertificates.read(bundle, "PARLEY_CA_FILE"))
                .containsExactly(one.caCertificate(), two.caCertificate());
    }
}
