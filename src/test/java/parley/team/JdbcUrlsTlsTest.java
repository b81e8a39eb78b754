package parley.team;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The company's CA file reaches the driver when the URL asks for a verified TLS connection and names no root certificate. */
class JdbcUrlsTlsTest {
    private static final String HOST = "jdbc:postgresql://db.example.com:5432/parley";

    @Test
    void theCaFileIsTheRootCertificateOfAVerifiedConnection() {
        assertThat(Workspace.connectionProperties(HOST + "?sslmode=verify-full", "/etc/company-ca.pem")
                .getProperty("sslrootcert")).isEqualTo("/etc/company-ca.pem");
        assertThat(Workspace.connectionProperties(HOST + "?ssl=true", " /etc/company-ca.pem ")
                .getProperty("sslrootcert")).isEqualTo("/etc/company-ca.pem");
        assertThat(Workspace.connectionProperties(HOST + "?sslmode=verify-ca", "/etc/company-ca.pem")
                .getProperty("sslrootcert")).isEqualTo("/etc/company-ca.pem");
    }

    @Test
    void aRootCertificateTheUrlNamesWinsAndAPlainConnectionGetsNone() {
        assertThat(Workspace.connectionProperties(HOST + "?sslmode=verify-full&sslrootcert=/own.pem", "/etc/company-ca.pem")
                .getProperty("sslrootcert")).isNull();
        assertThat(Workspace.connectionProperties(HOST, "/etc/company-ca.pem").getProperty("sslrootcert")).isNull();
        assertThat(Workspace.connectionProperties(HOST + "?sslmode=disable", "/etc/company-ca.pem")
                .getProperty("sslrootcert")).isNull();
        assertThat(Workspace.connectionProperties(HOST + "?sslmode=verify-full", null).getProperty("sslrootcert")).isNull();
        assertThat(Workspace.connectionProperties(HOST, null).getProperty("ApplicationName")).isEqualTo("Parley");
    }
}
